package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.domain.WoeTable.Bin;
import org.junit.jupiter.api.Test;

class WoeTableTest {

    @Test
    void woeAndIvOfAWorkedExample() {
        // goods 40, 30, 30 of 100 → 0.4, 0.3, 0.3; bads 5, 10, 15 of 30 → 1/6, 1/3, 1/2
        // WOE = ln(0.4 × 6) = 0.875469, ln(0.3 × 3) = −0.105361, ln(0.3 × 2) = −0.510826
        // IV = (0.4 − 1/6) × 0.875469 + (0.3 − 1/3) × −0.105361 + (0.3 − 0.5) × −0.510826
        //    = 0.204276 + 0.003512 + 0.102165 = 0.309953
        WoeTable t = WoeTable.of(new long[] {40, 30, 30}, new long[] {5, 10, 15});
        assertBin(40, 5, 0.875469, 0.204276, t.bins().get(0));
        assertBin(30, 10, -0.105361, 0.003512, t.bins().get(1));
        assertBin(30, 15, -0.510826, 0.102165, t.bins().get(2));
        assertEquals(0.309953, t.iv(), 1e-6);
    }

    @Test
    void aZeroCellSmoothsEveryBinWithRows() {
        // bin 1 has no bads: +0.5 to both counts of bins 1 and 2; bin 3 has no rows and stays out.
        // goods 8.5, 2.5 of 11; bads 0.5, 2.5 of 3
        // WOE = ln((8.5/11) / (0.5/3)) = ln(4.636364) = 1.533930, ln((2.5/11) / (2.5/3)) = ln(0.272727) = −1.299283
        // IV = (0.772727 − 0.166667) × 1.533930 + (0.227273 − 0.833333) × −1.299283 = 0.929655 + 0.787444 = 1.717099
        WoeTable t = WoeTable.of(new long[] {8, 2, 0}, new long[] {0, 2, 0});
        assertBin(8, 0, 1.533930, 0.929655, t.bins().get(0));
        assertBin(2, 2, -1.299283, 0.787444, t.bins().get(1));
        assertBin(0, 0, 0, 0, t.bins().get(2));
        assertEquals(1.717099, t.iv(), 1e-6);
    }

    @Test
    void edges() {
        // an empty bin alone does not smooth the others: 1:1 and 1:1 are both average, WOE 0
        WoeTable t = WoeTable.of(new long[] {1, 1, 0}, new long[] {1, 1, 0});
        assertEquals(0.0, t.iv(), 1e-15);
        assertEquals(0.0, t.bins().get(0).woe(), 1e-15);
        // no bads at all: smoothed to 0.5 each, so every bin is 1/2 of the bads
        // WOE = ln((3.5/5) / 0.5) = ln 1.4, ln((1.5/5) / 0.5) = ln 0.6
        WoeTable allGood = WoeTable.of(new long[] {3, 1}, new long[] {0, 0});
        assertEquals(Math.log(1.4), allGood.bins().get(0).woe(), 1e-12);
        assertEquals(Math.log(0.6), allGood.bins().get(1).woe(), 1e-12);
        assertEquals(0.0, WoeTable.of(new long[] {0, 0}, new long[] {0, 0}).iv(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> WoeTable.of(new long[] {1}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> WoeTable.of(new long[] {-1}, new long[] {1}));
    }

    static void assertBin(long good, long bad, double woe, double iv, Bin actual) {
        assertEquals(good, actual.good());
        assertEquals(bad, actual.bad());
        assertEquals(woe, actual.woe(), 1e-6);
        assertEquals(iv, actual.iv(), 1e-6);
    }
}
