package dev.loanwatch.domain;

import java.util.function.IntPredicate;

/**
 * Bottom-up merging of adjacent bins (ChiMerge) under the constraints of a WOE binning. Each step
 * merges, among the adjacent pairs that the first unmet constraint points at, the pair whose good/bad
 * split differs least — the smallest chi-square statistic of its 2×2 table, the leftmost pair on a
 * tie:
 * <ol>
 *   <li>more than {@code maxBins} bins: every pair;</li>
 *   <li>a bin with less than {@code minBinShare} of all rows: the pairs that include such a bin;</li>
 *   <li>bad rates not strictly monotonic in the trend's direction (ASCENDING or DESCENDING): the
 *       pairs that go against it, equal rates included — two neighbours with the same bad rate
 *       say nothing different. NONE (or AUTO, which the caller resolves first) sets no direction.</li>
 * </ol>
 * A merge never adds a bin nor makes one smaller, so a constraint once met stays met; a single bin
 * meets them all, so merging ends. Each step is O(bins), so the whole is O(bins²): meant for the
 * tens of initial bins of a feature, not for rows.
 */
final class ChiMerge {
    private final long[] good;
    private final long[] bad;
    private final int[] first;
    private int bins;

    private ChiMerge(long[] good, long[] bad) {
        this.good = good.clone();
        this.bad = bad.clone();
        this.first = new int[good.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        this.bins = good.length;
    }

    /** Merges the bins whose counts are given in order; none may be empty, unless it is the only one. */
    static ChiMerge merge(long[] good, long[] bad, int maxBins, double minBinShare, Binning.Trend trend) {
        ChiMerge m = new ChiMerge(good, bad);
        long rows = 0;
        for (int i = 0; i < good.length; i++) {
            rows += good[i] + bad[i];
        }
        double total = rows;
        IntPredicate small = i -> m.rows(i) / total < minBinShare;
        while (true) {
            int pair = m.bins > maxBins ? m.cheapest(i -> true) : m.cheapest(i -> small.test(i) || small.test(i + 1));
            if (pair < 0) {
                pair = m.cheapest(i -> m.against(i, trend));
            }
            if (pair < 0) {
                return m;
            }
            m.join(pair);
        }
    }

    int bins() {
        return bins;
    }

    /** The first of the given bins that this merged bin holds. */
    int first(int bin) {
        return first[bin];
    }

    long good(int bin) {
        return good[bin];
    }

    long bad(int bin) {
        return bad[bin];
    }

    private long rows(int bin) {
        return good[bin] + bad[bin];
    }

    /** The candidate pair (i, i + 1) with the smallest χ², or −1 when there is none. */
    private int cheapest(IntPredicate candidate) {
        int best = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < bins; i++) {
            if (candidate.test(i)) {
                double chi = chiSquare(i);
                if (chi < least) {
                    least = chi;
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * χ² of the 2×2 table [[a, b], [c, d]] (goods and bads of bins i and i + 1):
     * N (ad − bc)² / ((a + b)(c + d)(a + c)(b + d)); 0 when neither bin has a bad (or a good), as
     * their splits are then the same.
     */
    private double chiSquare(int i) {
        double a = good[i];
        double b = bad[i];
        double c = good[i + 1];
        double d = bad[i + 1];
        double denominator = (a + b) * (c + d) * (a + c) * (b + d);
        double det = a * d - b * c;
        return denominator == 0 ? 0 : (a + b + c + d) * det * det / denominator;
    }

    /** Whether bins i and i + 1 go against the trend; rates compared exactly, as bad_i·n_j vs bad_j·n_i. */
    private boolean against(int i, Binning.Trend trend) {
        int order = Long.compare(bad[i] * rows(i + 1), bad[i + 1] * rows(i));
        return trend == Binning.Trend.ASCENDING ? order >= 0 : trend == Binning.Trend.DESCENDING && order <= 0;
    }

    private void join(int i) {
        good[i] += good[i + 1];
        bad[i] += bad[i + 1];
        System.arraycopy(good, i + 2, good, i + 1, bins - i - 2);
        System.arraycopy(bad, i + 2, bad, i + 1, bins - i - 2);
        System.arraycopy(first, i + 2, first, i + 1, bins - i - 2);
        bins--;
    }
}
