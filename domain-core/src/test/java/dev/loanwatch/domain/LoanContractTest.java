package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanContractTest {

    private static final LoanTerms TERMS = new LoanTerms(m("3000"), new BigDecimal("0.12"), 3,
            RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2024, 1, 15), 15);

    @Test
    void dueIsPrincipalAndInterestOfTheInstallmentsFallingDueInTheSpan() {
        LoanContract loan = LoanContract.of("sme-operating", "branch", TERMS);
        // 1,030.00 due 02-15, 1,020.00 due 03-15, 1,010.00 due 04-15
        assertEquals(m("2050.00"), loan.due(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 15)));
        assertEquals(m("1020.00"), loan.due(LocalDate.of(2024, 2, 15), LocalDate.of(2024, 4, 14)));
        assertEquals(m("0.00"), loan.due(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void aSuppliedScheduleIsValidatedAndHeldInNumberOrder() {
        Installment first = new Installment(1, LocalDate.of(2024, 2, 15), m("1000"), m("30"));
        Installment second = new Installment(2, LocalDate.of(2024, 3, 15), m("1000"), m("20"));
        Installment third = new Installment(3, LocalDate.of(2024, 4, 15), m("1000"), m("10"));
        LoanContract loan = LoanContract.supplied("sme-operating", null, TERMS, List.of(third, first, second));
        assertEquals(List.of(first, second, third), loan.schedule());
        assertThrows(IllegalArgumentException.class,
                () -> LoanContract.supplied("sme-operating", null, TERMS, List.of(first, second)));
    }
}
