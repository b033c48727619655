package dev.loanwatch.domain;

import java.util.Locale;

/**
 * Term band of a loan (期数, the catalogue's product dimension and its 期数及利率逾期对照表): the
 * contract term in months, banded as lenders usually report it — up to 6, 7–12, 13–24, 25–36 and
 * over 36 months. Bands are closed at their upper end (12 months is "7-12"). The label is the
 * stored code.
 */
public enum TermBand {
    UP_TO_6("0-6", 6),
    UP_TO_12("7-12", 12),
    UP_TO_24("13-24", 24),
    UP_TO_36("25-36", 36),
    OVER_36("37+", Integer.MAX_VALUE);

    private final String label;
    private final int maxMonths;

    TermBand(String label, int maxMonths) {
        this.label = label;
        this.maxMonths = maxMonths;
    }

    /** The band of a term of {@code months} (at least 1). */
    public static TermBand of(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a term has at least 1 month, got " + months);
        }
        for (TermBand b : values()) {
            if (months <= b.maxMonths) {
                return b;
            }
        }
        throw new AssertionError("OVER_36 is unbounded");
    }

    /** "0-6", "7-12", "13-24", "25-36", "37+": what reports print and tables store. */
    public String label() {
        return label;
    }

    public static TermBand ofLabel(String label) {
        String wanted = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        for (TermBand b : values()) {
            if (b.label.equals(wanted) || b.name().equals(wanted)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown term band '" + label + "', expected 0-6, 7-12, 13-24, 25-36 or 37+");
    }
}
