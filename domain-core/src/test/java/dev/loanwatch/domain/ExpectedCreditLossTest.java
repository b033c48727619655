package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExpectedCreditLossTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void stagesFollowDpdAndSignificantIncrease() {
        assertEquals(EclStage.ONE, EclStage.of(0, false));
        assertEquals(EclStage.ONE, EclStage.of(30, false));
        assertEquals(EclStage.TWO, EclStage.of(30, true));
        assertEquals(EclStage.TWO, EclStage.of(31, false));
        assertEquals(EclStage.TWO, EclStage.of(90, false));
        assertEquals(EclStage.THREE, EclStage.of(91, false));
        assertThrows(IllegalArgumentException.class, () -> EclStage.of(-1, false));
    }

    @Test
    void eclIsPdTimesLgdTimesEadWithTheStagesHorizonToTheFen() {
        // stage 1: 0.02 × 0.45 × 10,000.00 = 90.00; stage 2 uses the lifetime PD 0.08 → 360.00
        assertEquals(d("90.00"), ExpectedCreditLoss.of(EclStage.ONE, d("0.02"), d("0.08"), d("0.45"), d("10000.00")));
        assertEquals(d("360.00"), ExpectedCreditLoss.of(EclStage.TWO, d("0.02"), d("0.08"), d("0.45"), d("10000.00")));
        assertEquals(d("4500.00"), ExpectedCreditLoss.of(EclStage.THREE, d("0.02"), d("1"), d("0.45"), d("10000.00")));
        // rounded once, HALF_UP: 0.0123 × 0.5 × 333.33 = 2.04997… → 2.05
        assertEquals(d("2.05"), ExpectedCreditLoss.of(EclStage.ONE, d("0.0123"), d("0.0123"), d("0.5"), d("333.33")));
        assertEquals(d("0.00"), ExpectedCreditLoss.of(EclStage.ONE, d("0"), d("0"), d("0.45"), d("10000.00")));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExpectedCreditLoss.of(EclStage.ONE, d("1.1"), d("1"), d("0.45"), d("1")));
        assertThrows(IllegalArgumentException.class, () -> ExpectedCreditLoss.of(EclStage.ONE, d("0.1"), d("0.05"), d("0.45"), d("1")));
        assertThrows(IllegalArgumentException.class, () -> ExpectedCreditLoss.of(EclStage.ONE, d("0.1"), d("0.2"), d("-0.1"), d("1")));
        assertThrows(IllegalArgumentException.class, () -> ExpectedCreditLoss.of(EclStage.ONE, d("0.1"), d("0.2"), d("0.4"), d("-1")));
    }
}
