package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/* Expected values: python3 decimal, fen(principal * rate * days / 360) with ROUND_HALF_UP. */
class PenaltyInterestTest {

    @Test
    void thirtyDaysAtEighteenPercent() {
        // 10000 × 0.18 × 30 / 360 = 150
        assertEquals(m("150.00"), PenaltyInterest.accrue(m("10000"), new BigDecimal("0.18"), 30));
    }

    @Test
    void roundedOnceToTheFen() {
        // 946.19 × 0.0675 × 17 / 360 = 3.015980625 → 3.02
        assertEquals(m("3.02"), PenaltyInterest.accrue(m("946.19"), new BigDecimal("0.0675"), 17));
    }

    @Test
    void halfAFenRoundsUp() {
        // 125 × 0.0144 / 360 = 0.005 exactly → 0.01 (HALF_EVEN would give 0.00)
        assertEquals(m("0.01"), PenaltyInterest.accrue(m("125"), new BigDecimal("0.0144"), 1));
    }

    @Test
    void nothingAccruesWithoutDaysOrRate() {
        assertEquals(m("0.00"), PenaltyInterest.accrue(m("10000"), new BigDecimal("0.18"), 0));
        assertEquals(m("0.00"), PenaltyInterest.accrue(m("10000"), BigDecimal.ZERO, 30));
        assertThrows(IllegalArgumentException.class, () -> PenaltyInterest.accrue(m("1"), BigDecimal.ONE, -1));
    }
}
