package dev.loanwatch.platform.text;

import java.util.Optional;

/**
 * What text from outside may contain, and how to echo text that broke the rules. PostgreSQL
 * refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate is not a character at all (the
 * driver would store it as '?'): both must be refused where the input is read, with the field's
 * name, instead of failing later in the database. Other C0 controls (and DEL) are refused too:
 * no name, reason or code contains them, and they can hide text from whoever reads it later.
 * Tab, line feed and carriage return stay allowed in free text.
 */
public final class Text {
    private Text() {
    }

    /** Why the text cannot be accepted as it is, or empty when it can. */
    public static Optional<String> problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + " at character " + (i + 1)
                        + ": it is not valid Unicode text");
            }
            if (isControl(c)) {
                return Optional.of("must not contain the control character " + codePoint(c) + " (at character " + (i + 1)
                        + "); only tab, line feed and carriage return are allowed");
            }
        }
        return Optional.empty();
    }

    /**
     * The text with every character {@link #problem} refuses written as {@code \\uXXXX}: safe to
     * store (PostgreSQL text and jsonb) and to echo in an answer, and it still shows what was sent.
     */
    public static String visible(String s) {
        if (s == null || problem(s).isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || isControl(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Longest record id any service accepts. */
    public static final int MAX_ID = 64;

    /**
     * What is wrong with a record id (a borrower's, a loan's, …), or empty when nothing: 1–64 ASCII
     * letters and digits and '-', '_', '.', ':'. ASCII only, so that two ids that look alike are
     * alike (no Cyrillic 'А' for 'A', no full-width digits).
     */
    public static Optional<String> idProblem(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("is required");
        }
        if (s.length() > MAX_ID) {
            return Optional.of("must be at most " + MAX_ID + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.' && c != ':') {
                return Optional.of("may contain only the ASCII letters A–Z and a–z, the digits 0–9 and - _ . :");
            }
        }
        return Optional.empty();
    }

    /** True for the characters of a plain ASCII identifier or code: A–Z, a–z, 0–9. */
    public static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
