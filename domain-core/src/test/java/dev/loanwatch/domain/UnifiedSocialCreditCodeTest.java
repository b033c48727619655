package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/*
 * Independent check in python3:
 *   A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
 *   t = sum(A.index(c) * pow(3, i, 31) for i, c in enumerate(s17)); A[(31 - t % 31) % 31]
 * gives '3' for the published example 91350100M000100Y4(3) and 'E' for 91110108MA01ABCD1, '2' for 92440300MA5FTEXT0.
 */
class UnifiedSocialCreditCodeTest {

    @Test
    void publishedExampleIsValid() {
        assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
        assertTrue(UnifiedSocialCreditCode.isValid("91350100M000100Y43"));
    }

    @Test
    void codesConstructedWithOurOwnCheck() {
        assertEquals('E', UnifiedSocialCreditCode.checkCharacter("91110108MA01ABCD1"));
        assertTrue(UnifiedSocialCreditCode.isValid("91110108MA01ABCD1E"));
        assertEquals('2', UnifiedSocialCreditCode.checkCharacter("92440300MA5FTEXT0"));
        assertTrue(UnifiedSocialCreditCode.isValid("92440300MA5FTEXT02"));
    }

    @Test
    void wrongCheckCharacterIsNamed() {
        assertEquals(Optional.of("check character is '4', expected '3'"),
                UnifiedSocialCreditCode.problem("91350100M000100Y44"));
    }

    @Test
    void lengthAndAlphabet() {
        assertEquals(Optional.of("length is 17, expected 18"), UnifiedSocialCreditCode.problem("91350100M000100Y4"));
        // O is not in the alphabet (confusable with 0); lower case is not accepted either
        assertTrue(UnifiedSocialCreditCode.problem("91350100MO00100Y43").orElseThrow().contains("position 10"));
        assertFalse(UnifiedSocialCreditCode.isValid("91350100m000100Y43"));
        assertFalse(UnifiedSocialCreditCode.isValid(null));
    }
}
