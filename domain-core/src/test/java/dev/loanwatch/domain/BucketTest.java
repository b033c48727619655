package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BucketTest {

    @ParameterizedTest
    @CsvSource({
            "0, C", "1, M1", "30, M1", "31, M2", "60, M2", "61, M3", "90, M3", "91, M4",
            "120, M4", "121, M5", "150, M5", "151, M6", "180, M6", "181, M7_PLUS", "10000, M7_PLUS"})
    void everyEdge(int dpd, Bucket expected) {
        assertEquals(expected, Bucket.ofDpd(dpd));
    }

    @Test
    void boundsAreContiguous() {
        Bucket[] all = Bucket.values();
        assertEquals(0, all[0].minDpd());
        for (int i = 1; i < all.length; i++) {
            assertEquals(all[i - 1].maxDpd() + 1, all[i].minDpd());
            assertEquals(all[i], Bucket.ofDpd(all[i].minDpd()));
        }
        assertEquals(Integer.MAX_VALUE, Bucket.M7_PLUS.maxDpd());
    }

    @Test
    void labelsRoundTrip() {
        assertEquals("M7+", Bucket.M7_PLUS.label());
        assertEquals("C", Bucket.C.label());
        for (Bucket b : Bucket.values()) {
            assertEquals(b, Bucket.ofLabel(b.label()));
        }
        assertEquals(Bucket.M7_PLUS, Bucket.ofLabel(" m7+ "));
        assertThrows(IllegalArgumentException.class, () -> Bucket.ofLabel("M8"));
    }

    @Test
    void mnPlus() {
        assertTrue(Bucket.M3.isAtLeast(Bucket.M2));
        assertTrue(Bucket.M2.isAtLeast(Bucket.M2));
        assertFalse(Bucket.M1.isAtLeast(Bucket.M2));
        assertTrue(Bucket.C.isAtLeast(Bucket.C));
    }

    @Test
    void negativeDpdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bucket.ofDpd(-1));
    }
}
