package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KsStatisticTest {

    @Test
    void ksOfAWorkedExample() {
        // from the top, 3 bads and 3 goods:   0.9 b  0.8 b  0.7 g  0.6 b  0.5 g  0.4 g
        // TPR (share of bads at or above):    1/3    2/3    2/3    1      1      1
        // FPR (share of goods at or above):   0      0      1/3    1/3    2/3    1
        // |TPR − FPR|:                        1/3    2/3    1/3    2/3    1/3    0    → KS = 2/3
        double ks = KsStatistic.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4}, new int[] {1, 1, 0, 1, 0, 0});
        assertEquals(2.0 / 3, ks, 1e-12);
    }

    @Test
    void tiedScoresPassTheThresholdTogether() {
        // 0.7 b, then 0.5 b and 0.5 g together, then 0.2 g: at 0.7 → 1/2 − 0; at 0.5 → 1 − 1/2; at 0.2 → 0.
        // KS = 1/2; putting the tied bad first would have claimed 1 − 0 = 1.
        assertEquals(0.5, KsStatistic.of(new double[] {0.7, 0.5, 0.5, 0.2}, new int[] {1, 0, 1, 0}), 1e-12);
        assertEquals(0.0, KsStatistic.of(new double[] {1, 1}, new int[] {0, 1}), 1e-12);
        // a perfect separation in either direction is 1
        assertEquals(1.0, KsStatistic.of(new double[] {1, 2}, new int[] {1, 0}), 1e-12);
    }

    @Test
    void sameChecksAsAuc() {
        assertThrows(IllegalArgumentException.class, () -> KsStatistic.of(new double[] {1}, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> KsStatistic.of(new double[] {1, 2}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> KsStatistic.of(new double[] {1, 2}, new int[] {1, 1}));
    }
}
