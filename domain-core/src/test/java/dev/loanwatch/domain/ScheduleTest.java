package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * Expected amounts were computed independently with python3's decimal module (prec 50):
 *
 *   r = Decimal(annual) / 12; fen = quantize(0.01, ROUND_HALF_UP)
 *   EI: A = fen(P*r / (1 - (1+r)**-n)); interest_k = fen(o*r); principal_k = A - interest_k; last = o
 *   EP: principal_k = fen(P/n); interest_k = fen(o*r); last principal = o
 *   IO: interest_k = fen(P*r); principal 0, last = P
 */
class ScheduleTest {

    private static final LocalDate DISBURSED = LocalDate.of(2024, 1, 15);

    private static LoanTerms terms(String principal, String rate, int n, RepaymentMethod method) {
        return new LoanTerms(new BigDecimal(principal), new BigDecimal(rate), n, method, DISBURSED, 15);
    }

    private static void assertLine(Installment i, int number, String principal, String interest) {
        assertEquals(number, i.number());
        assertEquals(m(principal), i.principalDue(), "principal of installment " + number);
        assertEquals(m(interest), i.interestDue(), "interest of installment " + number);
    }

    private static BigDecimal sumPrincipal(List<Installment> s) {
        return s.stream().map(Installment::principalDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumInterest(List<Installment> s) {
        return s.stream().map(Installment::interestDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void equalInstallment12000At12PercentOver12Months() {
        // A = fen(12000 * 0.01 / (1 - 1.01**-12)) = 1066.19; total interest 794.23
        List<Installment> s = Schedule.generate(terms("12000.00", "0.12", 12, RepaymentMethod.EQUAL_INSTALLMENT));
        assertEquals(12, s.size());
        assertLine(s.get(0), 1, "946.19", "120.00");
        assertLine(s.get(1), 2, "955.65", "110.54");
        assertLine(s.get(2), 3, "965.21", "100.98");
        assertLine(s.get(10), 11, "1045.18", "21.01");
        // the last line absorbs the rounding: 1055.58 + 10.56 = 1066.14, not 1066.19
        assertLine(s.get(11), 12, "1055.58", "10.56");
        for (int k = 0; k < 11; k++) {
            assertEquals(m("1066.19"), s.get(k).totalDue());
        }
        assertEquals(m("1066.14"), s.get(11).totalDue());
        assertEquals(m("12000.00"), sumPrincipal(s));
        assertEquals(m("794.23"), sumInterest(s));
        assertEquals(LocalDate.of(2024, 2, 15), s.get(0).dueDate());
        assertEquals(LocalDate.of(2025, 1, 15), s.get(11).dueDate());
    }

    @Test
    void equalPrincipal12000At12PercentOver12Months() {
        // principal 1000.00 each; interest = 1% of 12000, 11000, ... 1000; total 780.00
        List<Installment> s = Schedule.generate(terms("12000.00", "0.12", 12, RepaymentMethod.EQUAL_PRINCIPAL));
        assertLine(s.get(0), 1, "1000.00", "120.00");
        assertLine(s.get(1), 2, "1000.00", "110.00");
        assertLine(s.get(11), 12, "1000.00", "10.00");
        assertEquals(m("12000.00"), sumPrincipal(s));
        assertEquals(m("780.00"), sumInterest(s));
    }

    @Test
    void interestOnly12000At12PercentOver12Months() {
        // 120.00 interest every month, all 12000.00 principal with the 12th; total interest 1440.00
        List<Installment> s = Schedule.generate(terms("12000.00", "0.12", 12, RepaymentMethod.INTEREST_ONLY));
        for (int k = 0; k < 11; k++) {
            assertLine(s.get(k), k + 1, "0.00", "120.00");
        }
        assertLine(s.get(11), 12, "12000.00", "120.00");
        assertEquals(m("1440.00"), sumInterest(s));
    }

    @Test
    void equalInstallment100000At435PercentOver36Months() {
        // r = 0.003625; A = fen(100000 * r / (1 - (1+r)**-36)) = 2967.99; total interest 6847.74
        List<Installment> s = Schedule.generate(terms("100000.00", "0.0435", 36, RepaymentMethod.EQUAL_INSTALLMENT));
        assertEquals(36, s.size());
        assertLine(s.get(0), 1, "2605.49", "362.50");
        assertLine(s.get(1), 2, "2614.93", "353.06");
        assertLine(s.get(17), 18, "2770.80", "197.19");
        assertLine(s.get(34), 35, "2946.59", "21.40");
        // last: 2957.37 + 10.72 = 2968.09, ten fen more than the level payment
        assertLine(s.get(35), 36, "2957.37", "10.72");
        assertEquals(m("100000.00"), sumPrincipal(s));
        assertEquals(m("6847.74"), sumInterest(s));
    }

    @Test
    void equalPrincipal100000At435PercentOver36Months() {
        // fen(100000/36) = 2777.78; 35 × 2777.78 = 97222.30, so the last principal is 2777.70
        List<Installment> s = Schedule.generate(terms("100000.00", "0.0435", 36, RepaymentMethod.EQUAL_PRINCIPAL));
        assertLine(s.get(0), 1, "2777.78", "362.50");
        assertLine(s.get(1), 2, "2777.78", "352.43");
        assertLine(s.get(17), 18, "2777.78", "191.32");
        assertLine(s.get(35), 36, "2777.70", "10.07");
        assertEquals(m("100000.00"), sumPrincipal(s));
        assertEquals(m("6706.24"), sumInterest(s));
    }

    @Test
    void zeroRateSplitsPrincipalAndTheLastTakesTheRemainder() {
        // 1000 / 3 = 333.333… → 333.33, 333.33, 333.34; no interest
        for (RepaymentMethod method : List.of(RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL)) {
            List<Installment> s = Schedule.generate(terms("1000.00", "0", 3, method));
            assertLine(s.get(0), 1, "333.33", "0.00");
            assertLine(s.get(1), 2, "333.33", "0.00");
            assertLine(s.get(2), 3, "333.34", "0.00");
        }
    }

    @Test
    void singleInstallmentLoan() {
        // 5000 at 6 %: one month's interest 25.00 and the whole principal
        List<Installment> s = Schedule.generate(terms("5000.00", "0.06", 1, RepaymentMethod.EQUAL_INSTALLMENT));
        assertEquals(1, s.size());
        assertLine(s.get(0), 1, "5000.00", "25.00");
    }

    @Test
    void dueDay31IsClampedPerMonthInALeapYear() {
        LocalDate d = LocalDate.of(2024, 1, 31);
        assertEquals(LocalDate.of(2024, 2, 29), Schedule.dueDate(d, 31, 1));
        assertEquals(LocalDate.of(2024, 3, 31), Schedule.dueDate(d, 31, 2));
        assertEquals(LocalDate.of(2024, 4, 30), Schedule.dueDate(d, 31, 3));
        assertEquals(LocalDate.of(2024, 5, 31), Schedule.dueDate(d, 31, 4));
    }

    @Test
    void dueDay31InANonLeapFebruary() {
        assertEquals(LocalDate.of(2025, 2, 28), Schedule.dueDate(LocalDate.of(2025, 1, 31), 31, 1));
        assertEquals(LocalDate.of(2025, 3, 31), Schedule.dueDate(LocalDate.of(2025, 1, 31), 31, 2));
        assertEquals(LocalDate.of(2025, 2, 28), Schedule.dueDate(LocalDate.of(2025, 1, 10), 30, 1));
        assertEquals(LocalDate.of(2025, 6, 30), Schedule.dueDate(LocalDate.of(2025, 1, 10), 31, 5));
    }

    @Test
    void dueDayIndependentOfDisbursementDayAndAcrossYears() {
        assertEquals(LocalDate.of(2025, 1, 5), Schedule.dueDate(LocalDate.of(2024, 12, 28), 5, 1));
        assertEquals(LocalDate.of(2026, 12, 5), Schedule.dueDate(LocalDate.of(2024, 12, 28), 5, 24));
    }

    @Test
    void generatedScheduleUsesClampedDueDates() {
        LoanTerms t = new LoanTerms(m("3000"), new BigDecimal("0.12"), 3, RepaymentMethod.EQUAL_PRINCIPAL,
                LocalDate.of(2025, 1, 31), 31);
        List<Installment> s = Schedule.generate(t);
        assertEquals(List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30)),
                s.stream().map(Installment::dueDate).toList());
        assertTrue(Schedule.validate(t, s).isEmpty());
    }

    @Test
    void generatedSchedulesValidate() {
        for (RepaymentMethod method : RepaymentMethod.values()) {
            LoanTerms t = terms("100000.00", "0.0435", 36, method);
            assertEquals(List.of(), Schedule.validate(t, Schedule.generate(t)), method.name());
        }
    }

    // --- validation of supplied schedules ---

    private static final LoanTerms THREE = new LoanTerms(m("3000"), new BigDecimal("0.12"), 3,
            RepaymentMethod.EQUAL_PRINCIPAL, DISBURSED, 15);

    private static List<Installment> good() {
        return new ArrayList<>(List.of(
                new Installment(1, LocalDate.of(2024, 2, 15), m("1000.00"), m("30.00")),
                new Installment(2, LocalDate.of(2024, 3, 15), m("1000.00"), m("20.00")),
                new Installment(3, LocalDate.of(2024, 4, 15), m("1000.00"), m("10.00"))));
    }

    @Test
    void aCorrectSuppliedScheduleHasNoProblems() {
        assertEquals(List.of(), Schedule.validate(THREE, good()));
    }

    @Test
    void wrongCountAndGapAreNamed() {
        List<Installment> s = good();
        s.remove(1);
        assertEquals(List.of(
                "schedule has 2 installments, term is 3 months",
                "installment 2: missing (numbering must run 1..3 without gaps)",
                "principalDue sums to 2000.00, the loan principal is 3000.00"), Schedule.validate(THREE, s));
    }

    @Test
    void duplicateAndOutOfRangeNumbers() {
        List<Installment> s = good();
        s.set(2, new Installment(2, LocalDate.of(2024, 4, 15), m("1000.00"), m("10.00")));
        s.add(new Installment(4, LocalDate.of(2024, 5, 15), m("0.00"), m("0.00")));
        List<String> problems = Schedule.validate(THREE, s);
        assertTrue(problems.contains("schedule has 4 installments, term is 3 months"), problems.toString());
        assertTrue(problems.contains("installment 2: number appears more than once"), problems.toString());
        assertTrue(problems.contains("installment 4: number is outside 1..3"), problems.toString());
        assertTrue(problems.contains("installment 3: missing (numbering must run 1..3 without gaps)"), problems.toString());
    }

    @Test
    void dueDatesMustBeAfterDisbursementAndStrictlyIncreasing() {
        List<Installment> s = good();
        s.set(0, new Installment(1, DISBURSED, m("1000.00"), m("30.00")));
        s.set(2, new Installment(3, LocalDate.of(2024, 3, 15), m("1000.00"), m("10.00")));
        assertEquals(List.of(
                "installment 1: dueDate 2024-01-15 is not after the disbursement date 2024-01-15",
                "installment 3: dueDate 2024-03-15 is not after installment 2's dueDate 2024-03-15"),
                Schedule.validate(THREE, s));
    }

    @Test
    void amountsMustBeNonNegativeWithAtMostTwoDecimals() {
        List<Installment> s = good();
        s.set(0, new Installment(1, LocalDate.of(2024, 2, 15), new BigDecimal("1000.005"), m("30.00")));
        s.set(1, new Installment(2, LocalDate.of(2024, 3, 15), new BigDecimal("999.995"), new BigDecimal("-0.01")));
        // 1000.005 + 999.995 + 1000.00 = 3000.000: the sum is right, the lines are not
        assertEquals(List.of(
                "installment 1: principalDue 1000.005 has more than 2 decimals",
                "installment 2: principalDue 999.995 has more than 2 decimals",
                "installment 2: interestDue -0.01 is negative"), Schedule.validate(THREE, s));
    }

    @Test
    void principalMustSumExactly() {
        List<Installment> s = good();
        s.set(2, new Installment(3, LocalDate.of(2024, 4, 15), m("999.99"), m("10.00")));
        assertEquals(List.of("principalDue sums to 2999.99, the loan principal is 3000.00"),
                Schedule.validate(THREE, s));
    }

    @Test
    void missingFieldsAndEmptySchedules() {
        List<Installment> s = good();
        s.set(1, new Installment(2, null, null, m("20.00")));
        List<String> problems = Schedule.validate(THREE, s);
        assertTrue(problems.contains("installment 2: dueDate is missing"), problems.toString());
        assertTrue(problems.contains("installment 2: principalDue is missing"), problems.toString());
        assertEquals(List.of("schedule has no installments, term is 3 months"), Schedule.validate(THREE, List.of()));
    }

    @Test
    void linesMayArriveOutOfOrder() {
        List<Installment> s = good();
        java.util.Collections.reverse(s);
        assertEquals(List.of(), Schedule.validate(THREE, s));
    }
}
