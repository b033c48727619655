package dev.loanwatch.domain;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 17 characters and a check character, all from a 31-character
 * alphabet that leaves out I, O, S, V and Z (too easily confused with 1, 0, 5, U and 2).
 *
 * <p>Only length, alphabet and the check character are verified. The code also embeds a region
 * code (positions 3–8) and an organisation code with its own GB 11714 check (9–17), but old
 * registrations carry region codes that no longer exist, so rejecting on those would refuse real
 * companies. Upper case only: normalising input is the caller's decision.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = 31;
    public static final int LENGTH = 18;

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * Weight of position i (0-based) is 3^i mod 31; check = 31 − (Σ value × weight mod 31), where 31
     * wraps to 0, as a character of the same alphabet.
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected the first 17 characters of a unified social credit code");
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1)
                        + " is not in the code alphabet");
            }
            sum += value * weight;
            weight = weight * 3 % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /** What is wrong with the code: its length, a character, or the check character; empty when valid. */
    public static Optional<String> problem(String code) {
        if (code == null) {
            return Optional.of("code is missing");
        }
        if (code.length() != LENGTH) {
            return Optional.of("length is " + code.length() + ", expected " + LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed (0-9 and upper-case A-Y without I, O, S, V, Z)");
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of("check character is '" + code.charAt(LENGTH - 1) + "', expected '" + expected + "'");
        }
        return Optional.empty();
    }
}
