package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BrierScoreTest {

    @Test
    void brierOfAWorkedExample() {
        // (0.1 − 0)² + (0.8 − 1)² + (0.3 − 1)² = 0.01 + 0.04 + 0.49 = 0.54; / 3 = 0.18
        assertEquals(0.18, BrierScore.of(new double[] {0.1, 0.8, 0.3}, new int[] {0, 1, 1}), 1e-12);
        // the book's bad rate p = 1/4 for everyone: p(1 − p) = 0.1875
        assertEquals(0.1875, BrierScore.of(new double[] {0.25, 0.25, 0.25, 0.25}, new int[] {1, 0, 0, 0}), 1e-12);
        assertEquals(0.0, BrierScore.of(new double[] {0, 1}, new int[] {0, 1}), 1e-12);
    }

    @Test
    void pdMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> BrierScore.of(new double[] {1.2}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> BrierScore.of(new double[] {Double.NaN}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> BrierScore.of(new double[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> BrierScore.of(new double[] {0.1}, new int[] {0, 1}));
    }
}
