package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Rate band of a loan (利率, for the catalogue's 期数及利率逾期对照表): the annual contract rate in
 * bands of percent — under 6 %, 6–10 %, 10–15 %, 15–24 %, and 24 % or more (24 % is the line above
 * which Chinese courts stopped fully protecting private lending rates, so lenders watch it).
 * Bands are closed at their lower end: exactly 6 % is "6-10". The label is the stored code.
 */
public enum RateBand {
    UNDER_6("0-6", new BigDecimal("0.06")),
    UNDER_10("6-10", new BigDecimal("0.10")),
    UNDER_15("10-15", new BigDecimal("0.15")),
    UNDER_24("15-24", new BigDecimal("0.24")),
    FROM_24("24+", null);

    private final String label;
    private final BigDecimal below;

    RateBand(String label, BigDecimal below) {
        this.label = label;
        this.below = below;
    }

    /** The band of an annual rate given as a fraction (0.0435 = 4.35 %), not negative. */
    public static RateBand of(BigDecimal annualRate) {
        if (annualRate.signum() < 0) {
            throw new IllegalArgumentException("an annual rate cannot be negative, got " + annualRate);
        }
        for (RateBand b : values()) {
            if (b.below == null || annualRate.compareTo(b.below) < 0) {
                return b;
            }
        }
        throw new AssertionError("FROM_24 is unbounded");
    }

    /** "0-6", "6-10", "10-15", "15-24", "24+" (percent): what reports print and tables store. */
    public String label() {
        return label;
    }

    public static RateBand ofLabel(String label) {
        String wanted = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        for (RateBand b : values()) {
            if (b.label.equals(wanted) || b.name().equals(wanted)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown rate band '" + label + "', expected 0-6, 6-10, 10-15, 15-24 or 24+");
    }
}
