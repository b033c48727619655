package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void validCodesAndTheirLevels() {
        assertTrue(RegionCode.isValid("110105")); // Beijing, Chaoyang
        assertTrue(RegionCode.isValid("440305")); // Shenzhen, Nanshan
        assertTrue(RegionCode.isValid("810000"));
        assertEquals("44", RegionCode.province("440305"));
        assertEquals("4403", RegionCode.prefecture("440305"));
    }

    @Test
    void everyProvinceLevelRange() {
        for (String p : new String[] {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"}) {
            assertTrue(RegionCode.isValid(p + "0000"), p);
        }
        for (String p : new String[] {"00", "10", "16", "20", "24", "38", "47", "55", "66", "72", "83", "99"}) {
            assertEquals(Optional.of("province code " + p + " does not exist"), RegionCode.problem(p + "0000"));
        }
    }

    @Test
    void shapeProblems() {
        assertEquals(Optional.of("length is 5, expected 6"), RegionCode.problem("11010"));
        assertEquals(Optional.of("character 'A' at position 6 is not a digit"), RegionCode.problem("11010A"));
        assertFalse(RegionCode.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.province("990000"));
    }
}
