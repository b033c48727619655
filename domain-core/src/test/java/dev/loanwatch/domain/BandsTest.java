package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Term and rate bands and the CPD view at their edges. */
class BandsTest {

    @Test
    void termBandsAreClosedAtTheirUpperEnd() {
        assertEquals(TermBand.UP_TO_6, TermBand.of(1));
        assertEquals(TermBand.UP_TO_6, TermBand.of(6));
        assertEquals(TermBand.UP_TO_12, TermBand.of(7));
        assertEquals(TermBand.UP_TO_12, TermBand.of(12));
        assertEquals(TermBand.UP_TO_24, TermBand.of(24));
        assertEquals(TermBand.UP_TO_36, TermBand.of(36));
        assertEquals(TermBand.OVER_36, TermBand.of(37));
        assertEquals(TermBand.OVER_36, TermBand.of(600));
        assertThrows(IllegalArgumentException.class, () -> TermBand.of(0));
        assertEquals(TermBand.UP_TO_24, TermBand.ofLabel("13-24"));
        assertEquals(TermBand.OVER_36, TermBand.ofLabel("over_36"));
        assertThrows(IllegalArgumentException.class, () -> TermBand.ofLabel("12"));
    }

    @Test
    void rateBandsAreClosedAtTheirLowerEnd() {
        assertEquals(RateBand.UNDER_6, RateBand.of(BigDecimal.ZERO));
        assertEquals(RateBand.UNDER_6, RateBand.of(new BigDecimal("0.0599999")));
        assertEquals(RateBand.UNDER_10, RateBand.of(new BigDecimal("0.06")));
        assertEquals(RateBand.UNDER_15, RateBand.of(new BigDecimal("0.1000")));
        assertEquals(RateBand.UNDER_24, RateBand.of(new BigDecimal("0.2399")));
        assertEquals(RateBand.FROM_24, RateBand.of(new BigDecimal("0.24")));
        assertEquals(RateBand.FROM_24, RateBand.of(new BigDecimal("0.36")));
        assertThrows(IllegalArgumentException.class, () -> RateBand.of(new BigDecimal("-0.01")));
        assertEquals(RateBand.FROM_24, RateBand.ofLabel("24+"));
        assertThrows(IllegalArgumentException.class, () -> RateBand.ofLabel("5%"));
    }

    @Test
    void cpdViewCountsSmallArrearsAsCurrent() {
        BigDecimal tolerance = CpdView.DEFAULT_TOLERANCE;
        assertEquals(Bucket.C, CpdView.bucket(Bucket.M2, new BigDecimal("49.99"), tolerance));
        assertEquals(Bucket.M2, CpdView.bucket(Bucket.M2, new BigDecimal("50.00"), tolerance));
        assertEquals(Bucket.C, CpdView.bucket(Bucket.C, BigDecimal.ZERO, tolerance));
        assertEquals(Bucket.M1, CpdView.bucket(Bucket.M1, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CpdView.bucket(Bucket.M1, new BigDecimal("-1"), tolerance));
        // the same rule in fen: 49.99 yuan is under 50.00, 50.00 is not
        assertTrue(CpdView.countsAsCurrent(4_999, 5_000));
        assertFalse(CpdView.countsAsCurrent(5_000, 5_000));
        assertFalse(CpdView.countsAsCurrent(0, 0));
        assertThrows(IllegalArgumentException.class, () -> CpdView.countsAsCurrent(-1, 5_000));
    }
}
