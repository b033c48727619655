package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Test shorthand for hand-made books: one line per loan, amounts in yuan as strings. */
final class Books {

    private Books() {
    }

    /** A snapshot in the DPD bucket view, disbursed 2023-06-15 with 20,000 unless the test cares. */
    static LoanSnapshot loan(String id, String asOf, String outstanding, String overdue, int dpd, FiveTierGrade grade) {
        return loan(id, asOf, "2023-06-15", "20000", outstanding, overdue, dpd, grade, Map.of());
    }

    static LoanSnapshot loan(String id, String asOf, String outstanding, int dpd) {
        return loan(id, asOf, outstanding, "0", dpd, FiveTierGrade.NORMAL);
    }

    static LoanSnapshot loan(String id, String asOf, String disbursed, String principal, String outstanding,
                             String overdue, int dpd, FiveTierGrade grade, Map<String, String> labels) {
        return LoanSnapshot.ofDpd(id, LocalDate.parse(asOf), LocalDate.parse(disbursed), new BigDecimal(principal),
                new BigDecimal(outstanding), new BigDecimal(overdue), dpd, grade, labels);
    }

    static BigDecimal r(String ratio) {
        return new BigDecimal(ratio).setScale(Ratio.SCALE);
    }
}
