package dev.loanwatch.domain;

import java.util.Optional;

/**
 * GB/T 4754-2017 industry codes (国民经济行业分类): a section letter A–T, then a 2-digit division
 * (大类), 3-digit group (中类) or 4-digit class (小类), each extending the one before ("C3311" is
 * class 3311 in group 331 in division 33 in section C).
 *
 * <p>Accepted spellings, since loan books carry all of them: with the letter ("C", "C33", "C331",
 * "C3311") or without it ("33", "331", "3311"); without the letter the section follows from the
 * division, because division numbers are unique across sections. Checked: shape, division 01–97,
 * and that a given letter agrees with the division. Not checked: whether the group or class
 * exists — {@link IndustryTaxonomy#find} answers that from the full list, and a code from an older
 * edition (2011) with the same division still tells the section correctly. Upper case only: normalising input is the
 * caller's decision, as for the other code classes.
 */
public final class IndustryCode {

    private IndustryCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** What is wrong with the code; empty when valid. */
    public static Optional<String> problem(String code) {
        if (code == null) {
            return Optional.of("industry code is missing");
        }
        if (code.isEmpty()) {
            return Optional.of("industry code is empty");
        }
        char first = code.charAt(0);
        boolean hasLetter = !(first >= '0' && first <= '9');
        if (hasLetter && (first < 'A' || first > 'T')) {
            return Optional.of("'" + first + "' is not a section letter (upper-case A-T)");
        }
        String digits = hasLetter ? code.substring(1) : code;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("character '" + c + "' at position " + (i + 1 + (hasLetter ? 1 : 0))
                        + " is not a digit");
            }
        }
        if (digits.isEmpty() && hasLetter) {
            return Optional.empty();
        }
        if (digits.length() < 2 || digits.length() > 4) {
            return Optional.of("expected 2 to 4 digits, got " + digits.length());
        }
        int division = Integer.parseInt(digits.substring(0, 2));
        Optional<IndustrySection> section = IndustrySection.ofDivision(division);
        if (section.isEmpty()) {
            return Optional.of("division " + digits.substring(0, 2) + " does not exist (01-97)");
        }
        if (hasLetter && section.get().letter() != first) {
            return Optional.of("division " + digits.substring(0, 2) + " belongs to section " + section.get()
                    + ", not " + first);
        }
        return Optional.empty();
    }

    /** The section of a valid code, from its letter or its division. */
    public static IndustrySection section(String code) {
        requireValid(code);
        Optional<String> division = division(code);
        return division.isPresent()
                ? IndustrySection.ofDivision(Integer.parseInt(division.get())).orElseThrow()
                : IndustrySection.valueOf(code);
    }

    /** The digits of a valid code without the section letter: "C3311" → "3311", "C" → "". */
    public static String digits(String code) {
        requireValid(code);
        return Character.isDigit(code.charAt(0)) ? code : code.substring(1);
    }

    /** The 2-digit division (大类) of a valid code; empty for a section-only code ("C"). */
    public static Optional<String> division(String code) {
        return prefix(code, 2);
    }

    /** The 3-digit group (中类); empty when the code stops at the division. */
    public static Optional<String> group(String code) {
        return prefix(code, 3);
    }

    /** The 4-digit class (小类); empty when the code stops earlier. */
    public static Optional<String> industryClass(String code) {
        return prefix(code, 4);
    }

    /** The canonical spelling: letter plus digits, "3311" → "C3311". */
    public static String normalised(String code) {
        return section(code).name() + digits(code);
    }

    private static Optional<String> prefix(String code, int length) {
        String digits = digits(code);
        return digits.length() >= length ? Optional.of(digits.substring(0, length)) : Optional.empty();
    }

    private static void requireValid(String code) {
        problem(code).ifPresent(p -> {
            throw new IllegalArgumentException("invalid industry code '" + code + "': " + p);
        });
    }
}
