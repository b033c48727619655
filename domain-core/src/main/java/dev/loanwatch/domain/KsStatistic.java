package dev.loanwatch.domain;

/**
 * Kolmogorov–Smirnov statistic of a score where higher means more likely bad (label 1), DOMAIN.md
 * §6: KS = max over thresholds t of |TPR(t) − FPR(t)|, TPR(t) the share of all bads scoring ≥ t
 * and FPR(t) the share of all goods scoring ≥ t. Walking the scores from the top, rows with the
 * same score pass the threshold together: a tie is never split, so KS cannot be raised by the order
 * of tied rows. A fraction in [0, 1]; same argument checks as {@link Auc}.
 */
public final class KsStatistic {

    private KsStatistic() {
    }

    public static double of(double[] scores, int[] labels) {
        ValueCounts counts = ValueCounts.ofScores(scores, labels);
        double bads = counts.bads();
        double goods = counts.goods();
        // walked from the bottom: |TPR(t) − FPR(t)| = |(1 − bads below t / bads) − (1 − goods below t / goods)|
        long badsBelow = 0;
        long goodsBelow = 0;
        double ks = 0;
        for (int i = 0; i < counts.size(); i++) {
            badsBelow += counts.bad()[i];
            goodsBelow += counts.good()[i];
            ks = Math.max(ks, Math.abs(goodsBelow / goods - badsBelow / bads));
        }
        return ks;
    }
}
