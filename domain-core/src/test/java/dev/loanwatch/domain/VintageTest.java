package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static dev.loanwatch.domain.Books.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.Vintage.Cohort;
import dev.loanwatch.domain.Vintage.Point;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/*
 * History, month ends 2024-01-31 … 2024-04-30 (outstanding principal, bucket by dpd):
 *
 *   loan  disbursed          principal   Jan 31     Feb 29         Mar 31         Apr 30
 *   P     2023-12-20 (Dec)   1000        900 C      —  (settled)   —              —
 *   V1    2024-01-15 (Jan)   1200        1200 C     1100 M1 (14)   1000 C         —  (settled)
 *   V2    2024-01-31 (Jan)   1800        1800 C     1700 C         1600 M1 (29)   1600 M2 (60)
 *   V3    2024-03-10 (Mar)   5000        —          —              5000 C         4800 M1 (10)
 *
 * V2 is disbursed on a month end: that very day is its MOB 0. Cohort Jan: 2 loans, 3000 disbursed.
 * Threshold M1, cohort Jan (python3 Decimal, 6 dp):
 *   MOB 0: balance 0 → 0;            ever 0/2 = 0
 *   MOB 1: 1100 / 3000 = 0.366667;   ever 1/2 = 0.5   (V1)
 *   MOB 2: 1600 / 3000 = 0.533333;   ever 2/2 = 1     (V1 cured but stays "ever")
 *   MOB 3: 1600 / 3000 = 0.533333;   ever 1
 * Cohort Mar: MOB 0: 0, 0; MOB 1: 4800 / 5000 = 0.96, ever 1.
 * Cohort Dec: first seen at MOB 1 (history starts in January), then settled: balance 0 for MOB 1–4.
 */
class VintageTest {

    private static LoanSnapshot s(String id, String asOf, String disbursed, String principal, String outstanding,
                                  int dpd) {
        return Books.loan(id, asOf, disbursed, principal, outstanding, "0", dpd, FiveTierGrade.NORMAL, Map.of());
    }

    private static final List<LoanSnapshot> HISTORY = List.of(
            s("P", "2024-01-31", "2023-12-20", "1000", "900", 0),
            s("V1", "2024-01-31", "2024-01-15", "1200", "1200", 0),
            s("V2", "2024-01-31", "2024-01-31", "1800", "1800", 0),
            s("V1", "2024-02-29", "2024-01-15", "1200", "1100", 14),
            s("V2", "2024-02-29", "2024-01-31", "1800", "1700", 0),
            s("V1", "2024-03-31", "2024-01-15", "1200", "1000", 0),
            s("V2", "2024-03-31", "2024-01-31", "1800", "1600", 29),
            s("V3", "2024-03-31", "2024-03-10", "5000", "5000", 0),
            s("V2", "2024-04-30", "2024-01-31", "1800", "1600", 60),
            s("V3", "2024-04-30", "2024-03-10", "5000", "4800", 10));

    private static Point point(Cohort c, int mob) {
        return c.at(mob).orElseThrow(() -> new AssertionError("no MOB " + mob + " for " + c.month()));
    }

    @Test
    void balanceAndEverCurvesOfOneCohort() {
        Cohort jan = Vintage.of(HISTORY, Bucket.M1).cohort(YearMonth.of(2024, 1)).orElseThrow();
        assertEquals(2, jan.loans());
        assertEquals(m("3000"), jan.disbursed());
        assertEquals(List.of(0, 1, 2, 3), jan.points().stream().map(Point::mob).toList());

        assertEquals(new Point(0, LocalDate.of(2024, 1, 31), m("0"), r("0"), 0, r("0")), point(jan, 0));
        assertEquals(new Point(1, LocalDate.of(2024, 2, 29), m("1100"), r("0.366667"), 1, r("0.5")), point(jan, 1));
        assertEquals(new Point(2, LocalDate.of(2024, 3, 31), m("1600"), r("0.533333"), 2, r("1")), point(jan, 2));
        assertEquals(new Point(3, LocalDate.of(2024, 4, 30), m("1600"), r("0.533333"), 2, r("1")), point(jan, 3));
    }

    @Test
    void higherThreshold() {
        Cohort jan = Vintage.of(HISTORY, Bucket.M2).cohort(YearMonth.of(2024, 1)).orElseThrow();
        assertEquals(r("0"), point(jan, 2).balanceRate());
        assertEquals(0, point(jan, 2).everLoans());
        // MOB 3: V2 in M2: 1600 / 3000 = 0.533333, ever 1/2
        assertEquals(r("0.533333"), point(jan, 3).balanceRate());
        assertEquals(r("0.5"), point(jan, 3).everShare());
    }

    @Test
    void cohortsStartAtTheirOwnMob0() {
        Vintage.Table table = Vintage.of(HISTORY, Bucket.M1);
        assertEquals(List.of(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 3)),
                table.cohorts().stream().map(Cohort::month).toList());
        Cohort mar = table.cohort(YearMonth.of(2024, 3)).orElseThrow();
        assertEquals(List.of(0, 1), mar.points().stream().map(Point::mob).toList());
        assertEquals(r("0.96"), point(mar, 1).balanceRate());
        assertEquals(r("1"), point(mar, 1).everShare());
        // December: history begins at its MOB 1; after settling it stays on the curve at 0
        Cohort dec = table.cohort(YearMonth.of(2023, 12)).orElseThrow();
        assertEquals(List.of(1, 2, 3, 4), dec.points().stream().map(Point::mob).toList());
        assertEquals(m("0"), point(dec, 4).balance());
    }

    @Test
    void formatPrintsOneLinePerCohort() {
        String text = Vintage.of(HISTORY, Bucket.M1).format(Vintage.Measure.BALANCE);
        String[] lines = text.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].contains("MOB0") && lines[0].contains("MOB4"), lines[0]);
        assertTrue(lines[2].startsWith("2024-01") && lines[2].contains("36.67%") && lines[2].contains("53.33%"), lines[2]);
        assertTrue(Vintage.of(HISTORY, Bucket.M1).format(Vintage.Measure.EVER_COUNT).contains("50.00%"));
    }

    @Test
    void edges() {
        assertEquals(List.of(), Vintage.of(List.of(), Bucket.M1).cohorts());
        assertEquals("cohort    loans        disbursed\n", Vintage.of(List.of(), Bucket.M1).format(Vintage.Measure.BALANCE));
        assertThrows(IllegalArgumentException.class, () -> Vintage.of(HISTORY, Bucket.C));
        // not a month end
        assertThrows(IllegalArgumentException.class,
                () -> Vintage.of(List.of(s("X", "2024-01-30", "2024-01-02", "100", "100", 0)), Bucket.M1));
        // the same loan with two principals
        assertThrows(IllegalArgumentException.class, () -> Vintage.of(List.of(
                s("X", "2024-01-31", "2024-01-02", "100", "100", 0),
                s("X", "2024-02-29", "2024-01-02", "200", "100", 0)), Bucket.M1));
        // the same loan twice on one date
        assertThrows(IllegalArgumentException.class, () -> Vintage.of(List.of(
                s("X", "2024-01-31", "2024-01-02", "100", "100", 0),
                s("X", "2024-01-31", "2024-01-02", "100", "90", 0)), Bucket.M1));
    }
}
