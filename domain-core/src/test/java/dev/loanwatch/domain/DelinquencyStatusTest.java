package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/* Day counts checked with python3: (date(b) - date(a)).days. */
class DelinquencyStatusTest {

    /** 12,000.00 at 12 %, equal installment, due day 31, disbursed 2023-12-31: due 2024-01-31, 02-29, 03-31, … */
    private static List<InstallmentBalance> dueDay31Book() {
        LoanTerms t = new LoanTerms(m("12000"), new BigDecimal("0.12"), 12, RepaymentMethod.EQUAL_INSTALLMENT,
                LocalDate.of(2023, 12, 31), 31);
        return Schedule.generate(t).stream().map(InstallmentBalance::unpaid).toList();
    }

    private static LocalDate d(int y, int mo, int day) {
        return LocalDate.of(y, mo, day);
    }

    @Test
    void currentOnTheDueDateItselfAndDayOneAfter() {
        List<InstallmentBalance> book = dueDay31Book();
        DelinquencyStatus onDueDate = DelinquencyStatus.of(d(2024, 1, 31), book);
        assertEquals(0, onDueDate.dpd());
        assertEquals(Bucket.C, onDueDate.bucket());
        assertEquals(Stage.CURRENT, onDueDate.stage());
        assertEquals(0, onDueDate.pastDueInstallments());
        assertEquals(m("0.00"), onDueDate.overduePrincipal());
        assertEquals(m("12000.00"), onDueDate.outstandingPrincipal());

        DelinquencyStatus next = DelinquencyStatus.of(d(2024, 2, 1), book);
        assertEquals(1, next.dpd());
        assertEquals(Bucket.M1, next.bucket());
        assertEquals(Stage.EARLY, next.stage());
        assertEquals(1, next.pastDueInstallments());
        assertEquals(m("946.19"), next.overduePrincipal());
        assertEquals(m("120.00"), next.overdueInterest());
        assertEquals(m("0.00"), next.overduePenalty());
    }

    @Test
    void dpdAcrossTheLeapDay() {
        List<InstallmentBalance> book = dueDay31Book();
        // 2024-01-31 → 2024-02-29: 29 days; the second installment is due that very day, not yet past due
        DelinquencyStatus feb29 = DelinquencyStatus.of(d(2024, 2, 29), book);
        assertEquals(29, feb29.dpd());
        assertEquals(1, feb29.pastDueInstallments());
        // 2024-01-31 → 2024-03-01: 30 days, still M1; now two installments are past due
        DelinquencyStatus mar1 = DelinquencyStatus.of(d(2024, 3, 1), book);
        assertEquals(30, mar1.dpd());
        assertEquals(Bucket.M1, mar1.bucket());
        assertEquals(2, mar1.pastDueInstallments());
        assertEquals(m("1901.84"), mar1.overduePrincipal()); // 946.19 + 955.65
        assertEquals(m("230.54"), mar1.overdueInterest());   // 120.00 + 110.54
        // one day later: 31 → M2, middle stage
        DelinquencyStatus mar2 = DelinquencyStatus.of(d(2024, 3, 2), book);
        assertEquals(31, mar2.dpd());
        assertEquals(Bucket.M2, mar2.bucket());
        assertEquals(Stage.MIDDLE, mar2.stage());
    }

    @Test
    void dpdRunsFromTheOldestPastDueInstallmentAfterAPartialCatchUp() {
        List<InstallmentBalance> book = dueDay31Book();
        // first installment fully paid late: DPD now runs from the second (2024-02-29 → 03-10: 10 days)
        InstallmentBalance firstPaid = book.get(0).plus(new AllocationLine(1, m("0"), m("120.00"), m("946.19")));
        List<InstallmentBalance> after = new java.util.ArrayList<>(book);
        after.set(0, firstPaid);
        DelinquencyStatus s = DelinquencyStatus.of(d(2024, 3, 10), after);
        assertEquals(10, s.dpd());
        assertEquals(1, s.pastDueInstallments());
        assertEquals(m("11053.81"), s.outstandingPrincipal()); // 12000.00 − 946.19: not-yet-due principal counts too
    }

    @Test
    void cpdToleranceIgnoresSmallRemainders() {
        List<InstallmentBalance> book = dueDay31Book();
        // installment 1 paid all but 30.00 of principal; installment 2 untouched
        InstallmentBalance small = book.get(0).plus(new AllocationLine(1, m("0"), m("120.00"), m("916.19")));
        List<InstallmentBalance> b = List.of(small, book.get(1), book.get(2));
        // tolerance 0: 2024-01-31 → 03-10 = 39 days (M2); CPD: 2024-02-29 → 03-10 = 10 days (M1)
        assertEquals(39, DelinquencyStatus.of(d(2024, 3, 10), b).dpd());
        DelinquencyStatus cpd = DelinquencyStatus.of(d(2024, 3, 10), b, DelinquencyStatus.CPD_TOLERANCE);
        assertEquals(10, cpd.dpd());
        assertEquals(1, cpd.pastDueInstallments());
        assertEquals(m("955.65"), cpd.overduePrincipal());

        // exactly 50.00 left is not above the tolerance
        InstallmentBalance fifty = book.get(0).plus(new AllocationLine(1, m("0"), m("120.00"), m("896.19")));
        assertEquals(0, DelinquencyStatus.of(d(2024, 2, 20), List.of(fifty), m("50")).dpd());
        assertEquals(20, DelinquencyStatus.of(d(2024, 2, 20), List.of(fifty), m("0")).dpd());
    }

    private static List<InstallmentBalance> oneUnpaid(LocalDate due) {
        return List.of(InstallmentBalance.unpaid(new Installment(1, due, m("1000.00"), m("10.00"))));
    }

    @Test
    void nearM2WhenM1TodayRollsToM2ByMonthEnd() {
        // due 2024-01-31; as of 03-01 DPD 30 (M1), at 03-31 it would be 60 (M2)
        DelinquencyStatus s = DelinquencyStatus.of(d(2024, 3, 1), oneUnpaid(d(2024, 1, 31)));
        assertTrue(s.nearM2());
        assertFalse(s.nearM3());
        // as of 02-15 DPD 15; at 02-29 it would be 29, still M1
        assertFalse(DelinquencyStatus.of(d(2024, 2, 15), oneUnpaid(d(2024, 1, 31))).nearM2());
    }

    @Test
    void alreadyInM2IsNearM2OnlyInTheLiteralReading() {
        // due 2024-01-31; as of 03-02 DPD 31 (M2), month end 60
        List<InstallmentBalance> b = oneUnpaid(d(2024, 1, 31));
        assertFalse(DelinquencyStatus.of(d(2024, 3, 2), b).nearM2());
        assertFalse(DelinquencyStatus.of(d(2024, 3, 2), b, BigDecimal.ZERO, true).nearM2());
        assertTrue(DelinquencyStatus.of(d(2024, 3, 2), b, BigDecimal.ZERO, false).nearM2());
    }

    @Test
    void nearM3() {
        // due 2024-01-15; as of 03-10 DPD 55 (M2); at 03-31 it would be 76 (M3)
        List<InstallmentBalance> b = oneUnpaid(d(2024, 1, 15));
        DelinquencyStatus s = DelinquencyStatus.of(d(2024, 3, 10), b);
        assertEquals(55, s.dpd());
        assertTrue(s.nearM3());
        assertFalse(s.nearM2());
        assertTrue(DelinquencyStatus.of(d(2024, 3, 10), b, BigDecimal.ZERO, false).nearM3());
    }

    @Test
    void onTheLastDayOfTheMonthTheForecastIsToday() {
        // due 2024-01-31, as of 2024-03-31: DPD 60, M2, and no roll is left this month
        DelinquencyStatus s = DelinquencyStatus.of(d(2024, 3, 31), oneUnpaid(d(2024, 1, 31)));
        assertEquals(60, s.dpd());
        assertFalse(s.nearM2());
        assertFalse(s.nearM3());
    }

    @Test
    void aCurrentLoanWithAnInstallmentDueLaterThisMonthIsNotNear() {
        // due 2025-02-10, as of 2025-02-05: at 02-28 it would be 18 days, M1
        DelinquencyStatus s = DelinquencyStatus.of(d(2025, 2, 5), oneUnpaid(d(2025, 2, 10)));
        assertEquals(0, s.dpd());
        assertFalse(s.nearM2());
    }

    @Test
    void penaltyIsReportedAsOverdue() {
        List<InstallmentBalance> b = List.of(InstallmentBalance.unpaid(
                new Installment(1, d(2024, 1, 31), m("1000.00"), m("10.00"))).withPenaltyDue(m("3.02")));
        assertEquals(m("3.02"), DelinquencyStatus.of(d(2024, 2, 17), b).overduePenalty());
    }
}
