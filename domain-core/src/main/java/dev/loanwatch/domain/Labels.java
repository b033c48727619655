package dev.loanwatch.domain;

/**
 * The argument checks the model statistics share: one label per row, each 0 (good) or 1 (bad,
 * DOMAIN.md §6), and predicted PDs that are probabilities.
 */
final class Labels {

    private Labels() {
    }

    /** {@code what} names the other array in the message ("scores", "pd", "values"). */
    static void check(String what, int rows, int[] labels) {
        if (rows != labels.length) {
            throw new IllegalArgumentException(what + " and labels differ in length: " + rows + " vs " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label at " + i + " is " + labels[i] + ", not 0 (good) or 1 (bad)");
            }
        }
    }

    /** At least one row; every PD in [0, 1]. */
    static void checkPd(double[] pd, int[] labels) {
        check("pd", pd.length, labels);
        if (pd.length == 0) {
            throw new IllegalArgumentException("no loans");
        }
        for (int i = 0; i < pd.length; i++) {
            if (!(pd[i] >= 0 && pd[i] <= 1)) {
                throw new IllegalArgumentException("pd at " + i + " is " + pd[i] + ", not in [0, 1]");
            }
        }
    }
}
