package dev.loanwatch.domain;

import java.util.Locale;

/**
 * Delinquency bucket by days past due (DOMAIN.md §2): C = current, Mn = n-th month past due.
 * Declaration order is severity order, which {@link #isAtLeast} relies on.
 *
 * <p>Each bucket has a stored {@link #code()} (first argument): the number the loan book's tables
 * hold. Codes never change, and they ascend with severity because the daily close compares them
 * in SQL.
 */
public enum Bucket {
    C(0, 0, 0, "C"),
    M1(1, 1, 30, "M1"),
    M2(2, 31, 60, "M2"),
    M3(3, 61, 90, "M3"),
    M4(4, 91, 120, "M4"),
    M5(5, 121, 150, "M5"),
    M6(6, 151, 180, "M6"),
    M7_PLUS(7, 181, Integer.MAX_VALUE, "M7+");

    private static final Bucket[] VALUES = values();

    private final int code;
    private final int minDpd;
    private final int maxDpd;
    private final String label;

    Bucket(int code, int minDpd, int maxDpd, String label) {
        this.code = code;
        this.minDpd = minDpd;
        this.maxDpd = maxDpd;
        this.label = label;
    }

    public static Bucket ofDpd(int dpd) {
        if (dpd < 0) {
            throw new IllegalArgumentException("dpd " + dpd + " must not be negative");
        }
        for (Bucket b : VALUES) {
            if (dpd <= b.maxDpd) {
                return b;
            }
        }
        throw new AssertionError("M7_PLUS is unbounded");
    }

    /** The number this bucket is stored and compared under; pinned by StoredCodeTest. */
    public int code() {
        return code;
    }

    public static Bucket ofCode(int code) {
        return StoredCode.of(Bucket.class, Bucket::code, code);
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
        // the labels as written — what every event carries — first, without copying the text
        for (Bucket b : VALUES) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        String wanted = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        for (Bucket b : VALUES) {
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
