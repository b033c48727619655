package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

    static final double NaN = Double.NaN;

    @Test
    void psiOfAWorkedExample() {
        // (0.2 − 0.3) ln(0.2/0.3) + (0.5 − 0.4) ln(0.5/0.4) + 0 = 0.1 × 0.405465 + 0.1 × 0.223144 = 0.0628609
        double psi = PopulationStability.psi(new double[] {0.3, 0.4, 0.3}, new double[] {0.2, 0.5, 0.3});
        assertEquals(0.0628609, psi, 1e-7);
        assertEquals("stable", PopulationStability.reading(psi));
        assertEquals(0.0, PopulationStability.psi(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 1e-15);
    }

    @Test
    void anEmptyBandCostsAFiniteShift() {
        // the third band was empty: its share counts as 10⁻⁴.
        // (0.4 − 0.5) ln(0.4/0.5) + 0 + (0.1 − 0.0001) ln(0.1/0.0001) = 0.0223144 + 0.0999 × 6.907755 = 0.712399
        double psi = PopulationStability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.4, 0.5, 0.1});
        assertEquals(0.712399, psi, 1e-6);
        assertEquals("shift", PopulationStability.reading(psi));
        assertEquals(0.0, PopulationStability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5, 0}), 1e-15);
    }

    @Test
    void readingsAtTheirEdges() {
        assertEquals("stable", PopulationStability.reading(0.0999));
        assertEquals("watch", PopulationStability.reading(0.1));
        assertEquals("watch", PopulationStability.reading(0.25));
        assertEquals("shift", PopulationStability.reading(0.2501));
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.reading(NaN));
    }

    @Test
    void sharesPerBandWithMissingLast() {
        // cuts 2 and 4: (−∞, 2) {1}, [2, 4) {2, 3}, [4, +∞) {4}, NaN {NaN}; of 5
        assertArrayEquals(new double[] {0.2, 0.4, 0.2, 0.2},
                PopulationStability.shares(new double[] {1, 2, 3, 4, NaN}, new double[] {2, 4}), 1e-15);
        // no NaN: the missing band is still there, empty; no cuts: one band
        assertArrayEquals(new double[] {1, 0}, PopulationStability.shares(new double[] {7, 8}, new double[0]), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.shares(new double[] {1}, new double[] {4, 2}));
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.shares(new double[0], new double[] {1}));
    }

    @Test
    void quantileCutsAreEqualFrequencyAndDistinct() {
        // 1 … 10 in 5 bands: positions 2, 4, 6, 8 hold 3, 5, 7, 9 → two values a band
        double[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, NaN};
        assertArrayEquals(new double[] {3, 5, 7, 9}, PopulationStability.quantileCuts(oneToTen, 5));
        // six 1s, a 2 and a 3 in 4 bands: positions 2, 4, 6 hold 1, 1, 2; 1 is the smallest value → just 2
        assertArrayEquals(new double[] {2}, PopulationStability.quantileCuts(new double[] {1, 1, 1, 1, 1, 1, 2, 3}, 4));
        assertArrayEquals(new double[0], PopulationStability.quantileCuts(new double[] {4, 4, 4}, 10));
        assertArrayEquals(new double[0], PopulationStability.quantileCuts(new double[] {NaN}, 10));
        assertArrayEquals(new double[0], PopulationStability.quantileCuts(oneToTen, 1));
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.quantileCuts(oneToTen, 0));
    }

    @Test
    void csiOfAFeatureThatStartsArrivingEmpty() {
        // expected 1 … 10 in 5 bands of 0.2, nothing missing; actual: the same plus 10 NaN (half missing)
        double[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] cuts = PopulationStability.quantileCuts(expected, 5);
        double[] actual = new double[20];
        System.arraycopy(expected, 0, actual, 0, 10);
        Arrays.fill(actual, 10, 20, NaN);
        // 5 × (0.1 − 0.2) ln(0.1/0.2) + (0.5 − 0.0001) ln(0.5/0.0001) = 0.346574 + 0.4999 × 8.517193 = 4.604318
        double csi = PopulationStability.psi(PopulationStability.shares(expected, cuts), PopulationStability.shares(actual, cuts));
        assertEquals(4.604318, csi, 1e-6);
        assertEquals("shift", PopulationStability.reading(csi));
    }

    @Test
    void sharesMustMatchAndBeShares() {
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.psi(new double[] {1}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.psi(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}));
    }
}
