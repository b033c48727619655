package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoanTermsTest {

    private static final LocalDate D = LocalDate.of(2024, 1, 15);

    @Test
    void principalIsNormalisedToTheFen() {
        LoanTerms t = new LoanTerms(new BigDecimal("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, D, 15);
        assertEquals(m("12000.00"), t.principal());
    }

    @Test
    void monthlyRateIsAnnualOverTwelve() {
        // 0.0435 / 12 = 0.003625 exactly
        LoanTerms t = new LoanTerms(m("100000"), new BigDecimal("0.0435"), 36, RepaymentMethod.EQUAL_INSTALLMENT, D, 15);
        assertEquals(0, new BigDecimal("0.003625").compareTo(t.monthlyRate()));
    }

    @Test
    void rejectsNonsense() {
        BigDecimal r = new BigDecimal("0.12");
        RepaymentMethod em = RepaymentMethod.EQUAL_PRINCIPAL;
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(m("0"), r, 12, em, D, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(new BigDecimal("1.001"), r, 12, em, D, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(m("1"), new BigDecimal("-0.01"), 12, em, D, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(m("1"), r, 0, em, D, 15));
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(m("1"), r, 12, em, D, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoanTerms(m("1"), r, 12, em, D, 32));
        assertThrows(NullPointerException.class, () -> new LoanTerms(m("1"), r, 12, null, D, 15));
    }
}
