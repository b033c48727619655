package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstallmentTest {

    @Test
    void totalIsPrincipalPlusInterest() {
        assertEquals(m("1066.19"), new Installment(1, LocalDate.of(2024, 2, 15), m("946.19"), m("120.00")).totalDue());
    }
}
