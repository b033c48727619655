package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/*
 * Independent check in python3 (ISO 7064 MOD 11-2):
 *   t = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(s17)); c = (12 - t % 11) % 11; 'X' if c == 10
 * gives 'X' for 11010519491231002 (the GB 11643 example), '3' for 11010520000229001 and '0' for 44030619910229123.
 */
class ResidentIdNumberTest {

    @Test
    void standardExampleWithXCheck() {
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
        assertTrue(ResidentIdNumber.isValid("11010519491231002X"));
    }

    @Test
    void leapDayBirthIsValid() {
        assertTrue(ResidentIdNumber.isValid("110105200002290013"));
    }

    @Test
    void badBirthDateEvenWithACorrectCheck() {
        // 1991 is not a leap year; the check character 0 is right for the first 17 digits
        assertEquals(Optional.of("birth date 19910229 is not a valid date"),
                ResidentIdNumber.problem("440306199102291230"));
        assertFalse(ResidentIdNumber.isValid("110105194913310025"));
    }

    @Test
    void badCheck() {
        assertEquals(Optional.of("check character is '0', expected 'X'"),
                ResidentIdNumber.problem("110105194912310020"));
    }

    @Test
    void lengthAndCharacters() {
        assertEquals(Optional.of("length is 15, expected 18"), ResidentIdNumber.problem("110105491231002"));
        assertEquals(Optional.of("check character 'x' is not a digit or upper-case X"),
                ResidentIdNumber.problem("11010519491231002x"));
        assertEquals(Optional.of("character 'A' at position 3 is not a digit"),
                ResidentIdNumber.problem("11A10519491231002X"));
    }
}
