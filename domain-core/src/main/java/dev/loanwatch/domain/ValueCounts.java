package dev.loanwatch.domain;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * A score's or a feature's distinct values, ascending, with how many good and bad rows hold each:
 * the one sort that AUC, KS, calibration bands, quantile cuts and binning all start from.
 *
 * <p>Built in O(n log n) without boxing: the bads' and the goods' values are sorted apart as
 * primitives and then merged. Values are equal when {@code ==} says so (−0.0 and 0.0 are one value);
 * NaN must have been filtered out by the caller.
 */
record ValueCounts(double[] values, long[] good, long[] bad) {

    /** The rows whose value {@code keep} accepts; labels already checked by {@link Labels#check}. */
    static ValueCounts of(double[] values, int[] labels, DoublePredicate keep) {
        double[] bads = new double[values.length];
        double[] goods = new double[values.length];
        int nb = 0;
        int ng = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep.test(values[i])) {
                if (labels[i] == 1) {
                    bads[nb++] = values[i];
                } else {
                    goods[ng++] = values[i];
                }
            }
        }
        return merge(sorted(bads, nb), sorted(goods, ng));
    }

    /** The non-NaN values without labels (all counted as good). */
    static ValueCounts unlabelled(double[] values) {
        double[] kept = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(kept);
        return merge(new double[0], kept);
    }

    /**
     * Model scores: no NaN, and at least one bad and one good, as AUC and KS need both to say
     * anything.
     */
    static ValueCounts ofScores(double[] scores, int[] labels) {
        Labels.check("scores", scores.length, labels);
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score at " + i + " is NaN");
            }
        }
        ValueCounts counts = of(scores, labels, v -> true);
        if (counts.bads() == 0) {
            throw new IllegalArgumentException("no bad (label 1) among the " + scores.length + " rows");
        }
        if (counts.goods() == 0) {
            throw new IllegalArgumentException("no good (label 0) among the " + scores.length + " rows");
        }
        return counts;
    }

    int size() {
        return values.length;
    }

    long rows(int i) {
        return good[i] + bad[i];
    }

    long goods() {
        return Arrays.stream(good).sum();
    }

    long bads() {
        return Arrays.stream(bad).sum();
    }

    private static double[] sorted(double[] values, int length) {
        double[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        return copy;
    }

    private static ValueCounts merge(double[] bads, double[] goods) {
        double[] values = new double[bads.length + goods.length];
        long[] good = new long[values.length];
        long[] bad = new long[values.length];
        int distinct = 0;
        int b = 0;
        int g = 0;
        while (b < bads.length || g < goods.length) {
            double v = g == goods.length || (b < bads.length && bads[b] < goods[g]) ? bads[b] : goods[g];
            int b0 = b;
            int g0 = g;
            while (b < bads.length && bads[b] == v) {
                b++;
            }
            while (g < goods.length && goods[g] == v) {
                g++;
            }
            values[distinct] = v;
            bad[distinct] = b - b0;
            good[distinct] = g - g0;
            distinct++;
        }
        return new ValueCounts(Arrays.copyOf(values, distinct), Arrays.copyOf(good, distinct), Arrays.copyOf(bad, distinct));
    }
}
