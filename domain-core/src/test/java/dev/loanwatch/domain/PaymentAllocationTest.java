package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {

    // First three lines of 12,000.00 at 12 % over 12 months, equal installment (see ScheduleTest).
    private static final InstallmentBalance I1 = InstallmentBalance.unpaid(
            new Installment(1, LocalDate.of(2024, 2, 15), m("946.19"), m("120.00"))).withPenaltyDue(m("5.30"));
    private static final InstallmentBalance I2 = InstallmentBalance.unpaid(
            new Installment(2, LocalDate.of(2024, 3, 15), m("955.65"), m("110.54")));
    private static final InstallmentBalance I3 = InstallmentBalance.unpaid(
            new Installment(3, LocalDate.of(2024, 4, 15), m("965.21"), m("100.98")));

    @Test
    void penaltyThenInterestThenPrincipalOldestFirstWithAPartialSecond() {
        // 1500.00 − (5.30 + 120.00 + 946.19) = 428.51 left for installment 2;
        // 428.51 − 110.54 interest = 317.97 principal
        Allocation a = PaymentAllocation.allocate(List.of(I3, I2, I1), m("1500.00"));
        assertEquals(List.of(
                new AllocationLine(1, m("5.30"), m("120.00"), m("946.19")),
                new AllocationLine(2, m("0.00"), m("110.54"), m("317.97"))), a.lines());
        assertEquals(m("0.00"), a.credit());
        assertEquals(m("1500.00"), a.total());
        assertEquals(m("637.68"), I2.plus(a.lines().get(1)).unpaid()); // 1066.19 − 428.51
    }

    @Test
    void aSmallPaymentGoesToPenaltyFirst() {
        Allocation a = PaymentAllocation.allocate(List.of(I1, I2), m("3.00"));
        assertEquals(List.of(new AllocationLine(1, m("3.00"), m("0.00"), m("0.00"))), a.lines());
        // 5.30 penalty + 50.00: the rest of the penalty, then interest
        Allocation b = PaymentAllocation.allocate(List.of(I1, I2), m("55.30"));
        assertEquals(List.of(new AllocationLine(1, m("5.30"), m("50.00"), m("0.00"))), b.lines());
    }

    private static InstallmentBalance zeroRate(int n, int month, String principal, String principalPaid) {
        return new InstallmentBalance(n, LocalDate.of(2024, month, 15), m(principal), m("0"), m("0"),
                m(principalPaid), m("0"), m("0"));
    }

    @Test
    void overpaymentSettlesNotYetDueInstallmentsInOrderThenCredit() {
        // 1000.00 at 0 % over 3: 333.33, 333.33, 333.34; installment 1 already paid 100.00.
        // Owed on the whole schedule: 233.33 + 333.33 + 333.34 = 900.00, so 1000.00 leaves 100.00 credit.
        List<InstallmentBalance> book = List.of(
                zeroRate(1, 2, "333.33", "100.00"), zeroRate(2, 3, "333.33", "0"), zeroRate(3, 4, "333.34", "0"));
        Allocation a = PaymentAllocation.allocate(book, m("1000.00"));
        assertEquals(List.of(
                new AllocationLine(1, m("0"), m("0"), m("233.33")),
                new AllocationLine(2, m("0"), m("0"), m("333.33")),
                new AllocationLine(3, m("0"), m("0"), m("333.34"))), a.lines());
        assertEquals(m("100.00"), a.credit());

        // 500.00: 233.33 settles installment 1, 266.67 goes ahead to installment 2, no credit
        Allocation b = PaymentAllocation.allocate(book, m("500.00"));
        assertEquals(List.of(
                new AllocationLine(1, m("0"), m("0"), m("233.33")),
                new AllocationLine(2, m("0"), m("0"), m("266.67"))), b.lines());
        assertEquals(m("0.00"), b.credit());
    }

    @Test
    void settledInstallmentsAreSkippedAndAFullyPaidLoanTakesEverythingAsCredit() {
        List<InstallmentBalance> paid = List.of(zeroRate(1, 2, "333.33", "333.33"));
        Allocation a = PaymentAllocation.allocate(paid, m("12.34"));
        assertEquals(List.of(), a.lines());
        assertEquals(m("12.34"), a.credit());
    }

    @Test
    void amountMustBePositiveFen() {
        assertThrows(IllegalArgumentException.class, () -> PaymentAllocation.allocate(List.of(I1), m("0")));
        assertThrows(IllegalArgumentException.class, () -> PaymentAllocation.allocate(List.of(I1), m("-1")));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentAllocation.allocate(List.of(I1), new BigDecimal("1.001")));
    }
}
