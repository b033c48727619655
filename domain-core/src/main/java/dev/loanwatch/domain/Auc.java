package dev.loanwatch.domain;

/**
 * Area under the ROC curve (DOMAIN.md §6) of a score where higher means more likely bad (label 1):
 * the probability that a random bad scores above a random good, a tie counting half. That is the
 * Mann–Whitney U with average ranks divided by n_bad × n_good:
 * AUC = Σ_bad (goods scoring below it + ½ goods scoring the same) / (n_bad × n_good).
 *
 * <p>O(n log n): one sort, then a walk over the distinct scores. 0.5 is a score that tells nothing,
 * 1 one that puts every bad above every good, below 0.5 one that points the wrong way. Scores must
 * not be NaN, labels are 0 or 1, and both must occur.
 */
public final class Auc {

    private Auc() {
    }

    public static double of(double[] scores, int[] labels) {
        ValueCounts counts = ValueCounts.ofScores(scores, labels);
        double pairsWon = 0;
        long goodsBelow = 0;
        for (int i = 0; i < counts.size(); i++) {
            pairsWon += counts.bad()[i] * (goodsBelow + counts.good()[i] / 2.0);
            goodsBelow += counts.good()[i];
        }
        return pairsWon / ((double) counts.bads() * goodsBelow);
    }

    /** Gini (accuracy ratio) = 2·AUC − 1. */
    public static double gini(double auc) {
        return 2 * auc - 1;
    }
}
