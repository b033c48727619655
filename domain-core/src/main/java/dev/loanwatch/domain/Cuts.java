package dev.loanwatch.domain;

import java.util.Arrays;

/**
 * Cut points c_0 < c_1 < … < c_{m−1} that split the number line into m + 1 bands: band 0 is
 * (−∞, c_0), band k is [c_{k−1}, c_k), band m is [c_{m−1}, +∞). Closed at the lower end, so a value
 * equal to a cut belongs to the band that the cut opens.
 */
final class Cuts {

    private Cuts() {
    }

    /** Strictly ascending, no NaN. */
    static void check(double[] cuts) {
        for (int k = 0; k < cuts.length; k++) {
            if (Double.isNaN(cuts[k])) {
                throw new IllegalArgumentException("cut " + k + " is NaN");
            }
            if (k > 0 && !(cuts[k - 1] < cuts[k])) {
                throw new IllegalArgumentException("cuts must be strictly ascending: " + cuts[k - 1] + " then " + cuts[k]);
            }
        }
    }

    /** The band of a non-NaN value: the number of cuts ≤ value (binary search). */
    static int band(double[] cuts, double value) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Equal-frequency cuts: with N rows in ascending order (positions 0 … N−1), the value at position
     * ⌊k·N / bands⌋ opens band k, for k = 1 … bands−1. Ties make several of those the same value,
     * which is kept once, and a cut equal to the smallest value would only open an empty first band,
     * so it is dropped: the result is distinct, has at most bands − 1 cuts and none when there is
     * at most one distinct value (or no rows).
     */
    static double[] equalFrequency(ValueCounts counts, int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be at least 1, got " + bands);
        }
        long n = 0;
        for (int i = 0; i < counts.size(); i++) {
            n += counts.rows(i);
        }
        if (n == 0) {
            return new double[0];
        }
        double[] cuts = new double[bands - 1];
        int m = 0;
        int group = 0;
        long before = 0; // rows in the groups before `group`
        for (int k = 1; k < bands; k++) {
            long position = k * n / bands;
            while (before + counts.rows(group) <= position) {
                before += counts.rows(group);
                group++;
            }
            if (group > 0 && (m == 0 || cuts[m - 1] < counts.values()[group])) {
                cuts[m++] = counts.values()[group];
            }
        }
        return Arrays.copyOf(cuts, m);
    }
}
