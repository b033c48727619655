package dev.loanwatch.domain;

/**
 * Brier score (DOMAIN.md §6, calibration): the mean squared gap between the predicted PD and what
 * happened, (1/n) Σ (pd_i − y_i)², y = 1 for bad. 0 is perfect; always predicting the book's bad
 * rate p scores p(1 − p). Needs at least one loan; every PD in [0, 1].
 */
public final class BrierScore {

    private BrierScore() {
    }

    public static double of(double[] pd, int[] labels) {
        Labels.checkPd(pd, labels);
        double sum = 0;
        for (int i = 0; i < pd.length; i++) {
            double gap = pd[i] - labels[i];
            sum += gap * gap;
        }
        return sum / pd.length;
    }
}
