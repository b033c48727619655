package dev.loanwatch.platform.text;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * ISO dates ({@code 2024-01-31}) read fast: a consumer of month-end snapshots reads millions of them,
 * and {@link LocalDate#parse} (a general formatter) took a fifth of a rebuild's worker time. The plain
 * {@code yyyy-MM-dd} form is read digit by digit and checked by {@link LocalDate#of}; anything else —
 * and any invalid date — goes to {@link LocalDate#parse}, which accepts or refuses it with its usual
 * {@link java.time.format.DateTimeParseException}.
 */
public final class IsoDate {
    private IsoDate() {
    }

    public static LocalDate parse(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException invalid) {
                    // e.g. 2024-02-30: LocalDate.parse says so in its own words
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written by the digits in [from, to), or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
