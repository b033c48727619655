package dev.loanwatch.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date yyyyMMdd, 3-digit
 * sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X for 10).
 *
 * <p>The address code is not checked against GB/T 2260: numbers keep the code of the place of
 * first registration even after it is abolished, and residence permits for Hong Kong, Macao and
 * Taiwan residents start with 81/82/83. The birth date must be a real calendar date; whether it
 * lies in the future is a question about today, which this pure function does not know.
 */
public final class ResidentIdNumber {

    public static final int LENGTH = 18;

    private ResidentIdNumber() {
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * MOD 11-2: weight of position i (0-based) is 2^(17−i) mod 11; the check value c satisfies
     * (Σ digit × weight + c) ≡ 1 (mod 11), i.e. c = (12 − Σ mod 11) mod 11, written X when 10.
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected the first 17 digits of a resident ID number");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char ch = first17.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("character '" + ch + "' at position " + (i + 1) + " is not a digit");
            }
            int weight = (1 << (LENGTH - 1 - i)) % 11;
            sum += (ch - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** What is wrong with the number: length, a character, the birth date or the check; empty when valid. */
    public static Optional<String> problem(String id) {
        if (id == null) {
            return Optional.of("ID number is missing");
        }
        if (id.length() != LENGTH) {
            return Optional.of("length is " + id.length() + ", expected " + LENGTH);
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char ch = id.charAt(i);
            if (ch < '0' || ch > '9') {
                return Optional.of("character '" + ch + "' at position " + (i + 1) + " is not a digit");
            }
        }
        char last = id.charAt(LENGTH - 1);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("check character '" + last + "' is not a digit or upper-case X");
        }
        String birth = id.substring(6, 14);
        try {
            LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                    Integer.parseInt(birth.substring(6, 8)));
        } catch (DateTimeException e) {
            return Optional.of("birth date " + birth + " is not a valid date");
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        if (last != expected) {
            return Optional.of("check character is '" + last + "', expected '" + expected + "'");
        }
        return Optional.empty();
    }
}
