package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static dev.loanwatch.domain.Books.loan;
import static dev.loanwatch.domain.Books.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioRatiosTest {

    private static final String T = "2024-03-31";

    /*
     * The book at 2024-03-31 (yuan of outstanding principal):
     *   L1 10000  C    dpd 0    overdue    0  normal           industry C
     *   L2  8000  M1   dpd 15   overdue  500  special mention  industry C
     *   L3  6000  M2   dpd 45   overdue 1200  special mention  industry F
     *   L4  4000  M4   dpd 100  overdue 2000  substandard      industry C
     *   L5  2000  M7+  dpd 200  overdue 2000  loss             industry F
     * total 30000. Hand-computed (python3 Decimal, 6 dp HALF_UP) below each assertion.
     */
    private static final List<LoanSnapshot> BOOK = List.of(
            loan("L1", T, "2023-06-15", "20000", "10000", "0", 0, FiveTierGrade.NORMAL, Map.of("industry", "C")),
            loan("L2", T, "2023-06-15", "20000", "8000", "500", 15, FiveTierGrade.SPECIAL_MENTION, Map.of("industry", "C")),
            loan("L3", T, "2023-06-15", "20000", "6000", "1200", 45, FiveTierGrade.SPECIAL_MENTION, Map.of("industry", "F")),
            loan("L4", T, "2023-06-15", "20000", "4000", "2000", 100, FiveTierGrade.SUBSTANDARD, Map.of("industry", "C")),
            loan("L5", T, "2023-06-15", "20000", "2000", "2000", 200, FiveTierGrade.LOSS, Map.of("industry", "F")));

    @Test
    void balances() {
        assertEquals(m("30000"), PortfolioRatios.totalBalance(BOOK));
        assertEquals(m("20000"), PortfolioRatios.overdueBalance(BOOK, OverdueBalance.WHOLE_LOAN, 1));
        assertEquals(m("5700"), PortfolioRatios.overdueBalance(BOOK, OverdueBalance.OVERDUE_PART, 1));
        assertEquals(m("6000"), PortfolioRatios.nplBalance(BOOK));
    }

    @Test
    void overdueRateDefaultIsWholeLoanOfAnyOverdue() {
        // (8000 + 6000 + 4000 + 2000) / 30000 = 0.666667
        assertEquals(Optional.of(r("0.666667")), PortfolioRatios.overdueRate(BOOK));
        assertEquals(PortfolioRatios.overdueRate(BOOK),
                PortfolioRatios.overdueRate(BOOK, OverdueBalance.WHOLE_LOAN, PortfolioRatios.DPD_1_PLUS));
    }

    @Test
    void overdueRateVariants() {
        // overdue part only: (500 + 1200 + 2000 + 2000) / 30000 = 0.19
        assertEquals(Optional.of(r("0.19")), PortfolioRatios.overdueRate(BOOK, OverdueBalance.OVERDUE_PART, 1));
        // over 30 days (M2+): (6000 + 4000 + 2000) / 30000 = 0.4
        assertEquals(Optional.of(r("0.4")),
                PortfolioRatios.overdueRate(BOOK, OverdueBalance.WHOLE_LOAN, PortfolioRatios.DPD_31_PLUS));
        // over 90 days (M4+): (4000 + 2000) / 30000 = 0.2
        assertEquals(Optional.of(r("0.2")),
                PortfolioRatios.overdueRate(BOOK, OverdueBalance.WHOLE_LOAN, PortfolioRatios.DPD_91_PLUS));
        // over 90 days, overdue part: (2000 + 2000) / 30000 = 0.133333
        assertEquals(Optional.of(r("0.133333")),
                PortfolioRatios.overdueRate(BOOK, OverdueBalance.OVERDUE_PART, PortfolioRatios.DPD_91_PLUS));
        // the threshold is inclusive: L3 has dpd 45, so 45+ still counts it, 46+ does not
        assertEquals(m("12000"), PortfolioRatios.overdueBalance(BOOK, OverdueBalance.WHOLE_LOAN, 45));
        assertEquals(m("6000"), PortfolioRatios.overdueBalance(BOOK, OverdueBalance.WHOLE_LOAN, 46));
        assertThrows(IllegalArgumentException.class,
                () -> PortfolioRatios.overdueRate(BOOK, OverdueBalance.WHOLE_LOAN, 0));
    }

    @Test
    void nplAndProvisions() {
        // (4000 + 2000) / 30000 = 0.2
        assertEquals(Optional.of(r("0.2")), PortfolioRatios.nplRatio(BOOK));
        // 9000 / 30000 = 0.3; 9000 / 6000 = 1.5 (150 % coverage)
        assertEquals(Optional.of(r("0.3")), PortfolioRatios.provisionRatio(m("9000"), BOOK));
        assertEquals(Optional.of(r("1.5")), PortfolioRatios.provisionCoverage(m("9000"), BOOK));
    }

    @Test
    void coverageWithoutNplIsUndefined() {
        List<LoanSnapshot> clean = BOOK.subList(0, 3);
        assertEquals(Optional.of(r("0")), PortfolioRatios.nplRatio(clean));
        assertEquals(Optional.empty(), PortfolioRatios.provisionCoverage(m("100"), clean));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRatios.provisionCoverage(m("-1"), BOOK));
    }

    @Test
    void emptyBookHasNoRates() {
        List<LoanSnapshot> none = List.of();
        assertEquals(Money.ZERO, PortfolioRatios.totalBalance(none));
        assertEquals(Optional.empty(), PortfolioRatios.overdueRate(none));
        assertEquals(Optional.empty(), PortfolioRatios.nplRatio(none));
        assertEquals(Optional.empty(), PortfolioRatios.provisionRatio(m("1"), none));
        assertEquals(Optional.empty(), PortfolioRatios.coincidental(none, Bucket.M1));
        assertEquals(Optional.empty(), PortfolioRatios.lagged(none, none, Bucket.M2));
    }

    @Test
    void bookWithNothingOutstandingHasNoRates() {
        List<LoanSnapshot> paidDown = List.of(loan("L1", T, "0", 0));
        assertEquals(Optional.empty(), PortfolioRatios.overdueRate(paidDown));
    }

    @Test
    void coincidental() {
        // M1: 8000 / 30000 = 0.266667; C: 10000 / 30000 = 0.333333; M2: 6000 / 30000 = 0.2; M3: 0
        assertEquals(Optional.of(r("0.266667")), PortfolioRatios.coincidental(BOOK, Bucket.M1));
        assertEquals(Optional.of(r("0.333333")), PortfolioRatios.coincidental(BOOK, Bucket.C));
        assertEquals(Optional.of(r("0.2")), PortfolioRatios.coincidental(BOOK, Bucket.M2));
        assertEquals(Optional.of(r("0")), PortfolioRatios.coincidental(BOOK, Bucket.M3));
        // M4+: (4000 + 2000) / 30000 = 0.2; M1+ equals the default overdue rate here (bucket = DPD view)
        assertEquals(Optional.of(r("0.2")), PortfolioRatios.coincidentalAtLeast(BOOK, Bucket.M4));
        assertEquals(PortfolioRatios.overdueRate(BOOK), PortfolioRatios.coincidentalAtLeast(BOOK, Bucket.M1));
    }

    @Test
    void laggedDividesByTheBookNMonthsEarlier() {
        // January book: 25000 + 15000 = 40000
        List<LoanSnapshot> january = List.of(loan("L1", "2024-01-31", "25000", 0), loan("L2", "2024-01-31", "15000", 0));
        // M2 at March / receivables at January: 6000 / 40000 = 0.15; M2+: 12000 / 40000 = 0.3
        assertEquals(Optional.of(r("0.15")), PortfolioRatios.lagged(BOOK, january, Bucket.M2));
        assertEquals(Optional.of(r("0.3")), PortfolioRatios.laggedAtLeast(BOOK, january, Bucket.M2));
        // M1 would need February's book: January is refused
        assertThrows(IllegalArgumentException.class, () -> PortfolioRatios.lagged(BOOK, january, Bucket.M1));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRatios.lagged(BOOK, BOOK, Bucket.C));
        assertEquals(7, PortfolioRatios.lag(Bucket.M7_PLUS));
        // an empty earlier book has no denominator
        assertEquals(Optional.empty(), PortfolioRatios.lagged(BOOK, List.of(), Bucket.M2));
    }

    @Test
    void perSegment() {
        var byIndustry = Segments.by(BOOK, List.of("industry"));
        // C: L1, L2, L4 → overdue (8000 + 4000) / 22000 = 0.545455; F: L3, L5 → 8000 / 8000 = 1
        assertEquals(Optional.of(r("0.545455")), PortfolioRatios.overdueRate(byIndustry.get(Map.of("industry", "C"))));
        assertEquals(Optional.of(r("1")), PortfolioRatios.overdueRate(byIndustry.get(Map.of("industry", "F"))));
        assertEquals(PortfolioRatios.overdueRate(byIndustry.get(Map.of("industry", "F"))),
                PortfolioRatios.overdueRate(Segments.where(BOOK, Map.of("industry", "F"))));
    }

    @Test
    void refusesBooksThatWouldDoubleCount() {
        List<LoanSnapshot> twice = List.of(loan("L1", T, "100", 0), loan("L1", T, "100", 0));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRatios.totalBalance(twice));
        List<LoanSnapshot> twoDates = List.of(loan("L1", T, "100", 0), loan("L2", "2024-02-29", "100", 0));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRatios.overdueRate(twoDates));
    }
}
