package dev.loanwatch.trainer.eval;

import dev.loanwatch.domain.Auc;
import dev.loanwatch.domain.BrierScore;
import dev.loanwatch.domain.CalibrationBands;
import dev.loanwatch.domain.KsStatistic;
import java.util.List;

/**
 * A model's quality on a set of rows (DOMAIN.md §6): AUC, Gini, KS, Brier score, calibration by
 * predicted-PD band with its expected calibration error, and — on a simulated book — the oracle's
 * AUC (the true PDs' on the same rows) and the model's share of it.
 */
public record Metrics(int rows, double badRate, double auc, double gini, double ks, double brier,
                      double calibrationError, List<CalibrationBands.Band> calibration, Double oracleAuc, Double shareOfOracle) {

    public static Metrics of(double[] pd, int[] y, double[] oracle) {
        double bad = 0;
        for (int v : y) {
            bad += v;
        }
        double auc = Auc.of(pd, y);
        List<CalibrationBands.Band> bands = CalibrationBands.of(pd, y, 10);
        Double oracleAuc = oracle == null ? null : Auc.of(oracle, y);
        return new Metrics(y.length, bad / y.length, auc, Auc.gini(auc), KsStatistic.of(pd, y), BrierScore.of(pd, y),
                CalibrationBands.expectedCalibrationError(bands), bands, oracleAuc, oracleAuc == null ? null : auc / oracleAuc);
    }

    /** The values of the rows {@code rows} of a full-length array. */
    public static double[] pick(double[] all, int[] rows) {
        if (all == null) {
            return null;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }

    public static int[] pick(int[] all, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }
}
