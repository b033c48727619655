package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void aPositiveAmountToTheFen() {
        LocalDate day = LocalDate.of(2024, 1, 31);
        assertEquals(new BigDecimal("10.50"), new Payment(day, new BigDecimal("10.5")).amount());
        assertThrows(IllegalArgumentException.class, () -> new Payment(day, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Payment(day, new BigDecimal("1.001")));
    }
}
