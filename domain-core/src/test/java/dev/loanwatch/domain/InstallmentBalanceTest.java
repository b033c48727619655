package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstallmentBalanceTest {

    private static final Installment FIRST = new Installment(1, LocalDate.of(2024, 2, 15), m("946.19"), m("120.00"));

    @Test
    void unpaidInstallmentOwesItsScheduledAmount() {
        InstallmentBalance b = InstallmentBalance.unpaid(FIRST);
        assertEquals(m("946.19"), b.unpaidPrincipal());
        assertEquals(m("120.00"), b.unpaidInterest());
        assertEquals(m("0.00"), b.unpaidPenalty());
        assertEquals(m("1066.19"), b.unpaid());
    }

    @Test
    void plusAppliesEachComponent() {
        InstallmentBalance b = InstallmentBalance.unpaid(FIRST).withPenaltyDue(m("5.30"))
                .plus(new AllocationLine(1, m("5.30"), m("100.00"), m("0.00")));
        assertEquals(m("0.00"), b.unpaidPenalty());
        assertEquals(m("20.00"), b.unpaidInterest());
        assertEquals(m("966.19"), b.unpaid());
        InstallmentBalance settled = b.plus(new AllocationLine(1, m("0"), m("20.00"), m("946.19")));
        assertTrue(settled.isSettled());
    }

    @Test
    void refusesALineForAnotherInstallmentAndOverpayment() {
        InstallmentBalance b = InstallmentBalance.unpaid(FIRST);
        assertThrows(IllegalArgumentException.class, () -> b.plus(new AllocationLine(2, m("0"), m("1"), m("0"))));
        assertThrows(IllegalArgumentException.class, () -> b.plus(new AllocationLine(1, m("0"), m("120.01"), m("0"))));
    }
}
