package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.domain.CalibrationBands.Band;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationBandsTest {

    static final double[] PD = {0.05, 0.01, 0.02, 0.03, 0.04, 0.10, 0.06, 0.10, 0.10, 0.20};
    static final int[] BAD = {1, 0, 0, 0, 0, 0, 0, 1, 0, 1};

    @Test
    void twoBandsOfFive() {
        // ascending: 0.01 0.02 0.03 0.04 0.05* | 0.06 0.10 0.10* 0.10 0.20*   (* bad)
        // band 1: mean (0.01 + … + 0.05) / 5 = 0.03, observed 1/5; band 2: mean 0.56 / 5 = 0.112, observed 2/5
        List<Band> bands = CalibrationBands.of(PD, BAD, 2);
        assertEquals(2, bands.size());
        assertBand(new Band(1, 0.01, 0.05, 5, 0.03, 0.2), bands.get(0));
        assertBand(new Band(2, 0.06, 0.20, 5, 0.112, 0.4), bands.get(1));
        // ECE = ½ |0.03 − 0.2| + ½ |0.112 − 0.4| = 0.085 + 0.144 = 0.229
        assertEquals(0.229, CalibrationBands.expectedCalibrationError(bands), 1e-12);
    }

    @Test
    void tiedPdsStayInOneBand() {
        // 5 bands close at 2, 4, 6, 8, 10 loans; the three 0.10s run from loan 7 to 9, so band 4 takes
        // all three (closing at 9 ≥ 8) and band 5 keeps the last loan
        List<Band> five = CalibrationBands.of(PD, BAD, 5);
        assertEquals(List.of(2, 2, 2, 3, 1), five.stream().map(Band::loans).toList());
        assertBand(new Band(4, 0.10, 0.10, 3, 0.10, 1.0 / 3), five.get(3));
        // 10 bands of one: the tie makes 8 (6 single PDs, the three 0.10s, the 0.20)
        List<Band> ten = CalibrationBands.of(PD, BAD, 10);
        assertEquals(8, ten.size());
        assertEquals(8, ten.get(7).band());
        // one band: everything; mean PD 0.71 / 10, observed 3/10
        assertBand(new Band(1, 0.01, 0.20, 10, 0.071, 0.3), CalibrationBands.of(PD, BAD, 1).get(0));
    }

    @Test
    void arguments() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationBands.of(PD, BAD, 0));
        assertThrows(IllegalArgumentException.class, () -> CalibrationBands.of(new double[] {-0.1}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> CalibrationBands.expectedCalibrationError(List.of()));
    }

    static void assertBand(Band expected, Band actual) {
        assertEquals(expected.band(), actual.band());
        assertEquals(expected.minPd(), actual.minPd(), 1e-12);
        assertEquals(expected.maxPd(), actual.maxPd(), 1e-12);
        assertEquals(expected.loans(), actual.loans());
        assertEquals(expected.meanPd(), actual.meanPd(), 1e-12);
        assertEquals(expected.observedRate(), actual.observedRate(), 1e-12);
    }
}
