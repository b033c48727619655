package dev.loanwatch.domain;

import java.util.Locale;

/**
 * Delinquency bucket by days past due (DOMAIN.md §2): C = current, Mn = n-th month past due.
 * Declaration order is severity order, which {@link #isAtLeast} relies on.
 */
public enum Bucket {
    C(0, 0, "C"),
    M1(1, 30, "M1"),
    M2(31, 60, "M2"),
    M3(61, 90, "M3"),
    M4(91, 120, "M4"),
    M5(121, 150, "M5"),
    M6(151, 180, "M6"),
    M7_PLUS(181, Integer.MAX_VALUE, "M7+");

    private final int minDpd;
    private final int maxDpd;
    private final String label;

    Bucket(int minDpd, int maxDpd, String label) {
        this.minDpd = minDpd;
        this.maxDpd = maxDpd;
        this.label = label;
    }

    public static Bucket ofDpd(int dpd) {
        if (dpd < 0) {
            throw new IllegalArgumentException("dpd " + dpd + " must not be negative");
        }
        for (Bucket b : values()) {
            if (dpd <= b.maxDpd) {
                return b;
            }
        }
        throw new AssertionError("M7_PLUS is unbounded");
    }

    public int minDpd() {
        return minDpd;
    }

    /** Integer.MAX_VALUE for M7+, which has no upper bound. */
    public int maxDpd() {
        return maxDpd;
    }

    /** "C", "M1", …, "M7+" — the labels reports and the source documents use. */
    public String label() {
        return label;
    }

    /** Accepts the labels case-insensitively (and the enum names, e.g. "M7_PLUS"). */
    public static Bucket ofLabel(String label) {
        String wanted = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        for (Bucket b : values()) {
            if (b.label.equals(wanted) || b.name().equals(wanted)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown bucket label '" + label + "', expected C, M1 … M6 or M7+");
    }

    /** "Mn+": this bucket is {@code other} or worse. */
    public boolean isAtLeast(Bucket other) {
        return compareTo(other) >= 0;
    }
}
