package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void fenRoundsHalfUpNotHalfEven() {
        assertEquals(new BigDecimal("0.01"), Money.fen(new BigDecimal("0.005")));
        assertEquals(new BigDecimal("0.03"), Money.fen(new BigDecimal("0.025")));
        assertEquals(new BigDecimal("-0.01"), Money.fen(new BigDecimal("-0.005")));
    }

    @Test
    void exactNormalisesScaleButRefusesToRound() {
        assertEquals(new BigDecimal("12000.00"), Money.exact(new BigDecimal("12000"), "principal"));
        assertEquals(new BigDecimal("1.23"), Money.exact(new BigDecimal("1.2300"), "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Money.exact(new BigDecimal("1.234"), "principal"));
        assertTrue(e.getMessage().contains("principal 1.234 has more than 2 decimals"), e.getMessage());
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        assertTrue(Money.hasAtMostTwoDecimals(new BigDecimal("5.100000")));
        assertFalse(Money.hasAtMostTwoDecimals(new BigDecimal("5.001")));
    }
}
