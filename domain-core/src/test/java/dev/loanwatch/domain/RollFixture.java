package dev.loanwatch.domain;

import static dev.loanwatch.domain.Books.loan;

import java.util.List;
import java.util.Set;

/**
 * Two consecutive month ends shared by the roll-rate and flow-rate tests.
 *
 * <pre>
 *  loan  2024-02-29 (t−1)   2024-03-31 (t)          what happened
 *  A     C    1000         C    900                 kept
 *  B     C    2000         M1   1900  (dpd 20)      worse
 *  S     C    3000         —                        settled (paid off early)
 *  D     M1   4000         C    3500                better (cured)
 *  E     M1   5000         M2   4800  (dpd 50)      worse
 *  F     M1   6000         M1   5800  (dpd 25)      kept (paid one installment of two)
 *  G     M3   7000         —                        written off
 *  J     M6   1000         M7+  1000  (dpd 185)     worse
 *  H     M7+  8000         M7+  8000  (dpd 230)     kept
 *  W     M7+  9000         —                        written off
 *  N     —                 C    500                 new in March: in no row
 * </pre>
 */
final class RollFixture {

    static final String PREV = "2024-02-29";
    static final String CUR = "2024-03-31";

    static final List<LoanSnapshot> PREVIOUS = List.of(
            loan("A", PREV, "1000", 0),
            loan("B", PREV, "2000", 0),
            loan("S", PREV, "3000", 0),
            loan("D", PREV, "4000", 10),
            loan("E", PREV, "5000", 20),
            loan("F", PREV, "6000", 25),
            loan("G", PREV, "7000", 70),
            loan("J", PREV, "1000", 155),
            loan("H", PREV, "8000", 200),
            loan("W", PREV, "9000", 300));

    static final List<LoanSnapshot> CURRENT = List.of(
            loan("A", CUR, "900", 0),
            loan("B", CUR, "1900", 20),
            loan("D", CUR, "3500", 0),
            loan("E", CUR, "4800", 50),
            loan("F", CUR, "5800", 25),
            loan("J", CUR, "1000", 185),
            loan("H", CUR, "8000", 230),
            loan("N", CUR, "500", 0));

    static final Set<String> WRITTEN_OFF = Set.of("G", "W", "X-not-in-the-book");

    private RollFixture() {
    }
}
