package dev.loanwatch.trainer;

import dev.loanwatch.domain.PopulationStability;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.trainer.eval.Metrics;
import dev.loanwatch.trainer.eval.Splits;
import dev.loanwatch.trainer.gbdt.Gbdt;
import dev.loanwatch.trainer.scorecard.Scorecard;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer as a library (the command line and, later, the closed loop call it): both models on
 * the same split — an out-of-time test and stratified K folds of the rest, the same folds for both —
 * cross-validated, then trained on all the training rows and measured on the test.
 */
public final class Training {
    private Training() {
    }

    /** The split and both models' settings. */
    public record Options(double testShare, int folds, long seed, Scorecard.Options scorecard, Gbdt.Options gbdt) {
        public static Options defaults() {
            return new Options(0.2, 5, 42, Scorecard.Options.defaults(), Gbdt.Options.defaults());
        }

        public Options withScorecard(Scorecard.Options s) {
            return new Options(testShare, folds, seed, s, gbdt);
        }

        public Options withFolds(int k) {
            return new Options(testShare, k, seed, scorecard, gbdt);
        }
    }

    /** Where a long run is. */
    @FunctionalInterface
    public interface Progress {
        void step(String what);
    }

    /**
     * One model's evaluation: AUC per fold, metrics on the training rows (at most 100,000 of them) and
     * the test rows, PSI of its PDs train → test.
     */
    public record Evaluation(double[] foldAuc, Metrics train, Metrics test, double psiTrainTest, double[] trainPd, double[] testPd) {
        public double meanFoldAuc() {
            return Arrays.stream(foldAuc).average().orElse(Double.NaN);
        }
    }

    /** Both models and how they did; seconds per step. */
    public record Result(Dataset data, Splits splits, Scorecard scorecard, Gbdt gbdt, Evaluation scorecardEvaluation,
                         Evaluation gbdtEvaluation, Map<String, Double> seconds) {
    }

    public static Result run(Dataset d, Options o, Progress progress) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        Splits s = Splits.of(d, o.testShare(), o.folds(), o.seed());
        progress.step(String.format("split: %,d training rows, %,d test rows (%s), %d folds%s%s", s.train().length, s.test().length,
                s.outOfTime() ? "out of time: the latest periods" : "stratified random: the data has no period", s.k(),
                d.group() == null ? "" : ", groups kept whole",
                s.embargoed() == 0 ? "" : String.format(", %,d rows left out: less than %d periods before the test, their outcome"
                        + " not yet known when it begins", s.embargoed(), d.horizon())));
        // folds < 2: no cross-validation (a benchmark, or a retrain whose folds were measured before)
        int folds = s.k() < 2 ? 0 : s.k();
        double[] scorecardFolds = new double[folds];
        double[] gbdtFolds = new double[folds];
        for (int f = 0; f < folds; f++) {
            int[] fit = s.foldRows(f, false);
            int[] held = s.foldRows(f, true);
            int[] y = Metrics.pick(d.target(), held);
            Scorecard card = Scorecard.train(d, fit, o.scorecard());
            scorecardFolds[f] = Metrics.of(card.pd(d, held), y, null).auc();
            int[][] inner = Splits.validation(d, fit, o.seed() + f);
            Gbdt gbdt = Gbdt.train(d, inner[0], inner[1], o.gbdt());
            gbdtFolds[f] = Metrics.of(gbdt.pd(d, held), y, null).auc();
            progress.step(String.format("fold %d of %d: AUC scorecard %.4f, GBDT %.4f", f + 1, s.k(), scorecardFolds[f], gbdtFolds[f]));
        }
        seconds.put("crossValidation", (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        Scorecard card = Scorecard.train(d, s.train(), o.scorecard());
        seconds.put("scorecard", (System.nanoTime() - t) / 1e9);
        progress.step(String.format("scorecard: %d features in, %d left out (%.1f s)", card.features().size(), card.dropped().size(),
                seconds.get("scorecard")));
        t = System.nanoTime();
        int[][] stopping = folds > 0 ? new int[][] {s.foldRows(0, false), s.foldRows(0, true)} : Splits.validation(d, s.train(), o.seed());
        Gbdt gbdt = Gbdt.train(d, stopping[0], stopping[1], o.gbdt());
        seconds.put("gbdt", (System.nanoTime() - t) / 1e9);
        progress.step(String.format("GBDT: %d rounds, best %d, early stopping on %s (%.1f s)", gbdt.rounds(), gbdt.bestRound() + 1,
                folds > 0 ? "fold 1" : "a tenth of the training rows", seconds.get("gbdt")));

        // the training rows' metrics and PSI baseline from at most 100,000 of them, evenly spread: as
        // good a picture, at a fraction of the cost on a million rows
        int[] trainSample = spread(s.train(), 100_000);
        Evaluation cardEval = evaluate(d, trainSample, s.test(), scorecardFolds, card.pd(d, trainSample), card.pd(d, s.test()));
        Evaluation gbdtEval = evaluate(d, trainSample, s.test(), gbdtFolds, gbdt.pd(d, trainSample), gbdt.pd(d, s.test()));
        progress.step(String.format("test: AUC scorecard %.4f, GBDT %.4f%s", cardEval.test().auc(), gbdtEval.test().auc(),
                cardEval.test().oracleAuc() == null ? "" : String.format(" (oracle %.4f)", cardEval.test().oracleAuc())));
        return new Result(d, s, card, gbdt, cardEval, gbdtEval, seconds);
    }

    /** At most {@code max} of the rows, evenly spaced (all of them when there are fewer). */
    static int[] spread(int[] rows, int max) {
        if (rows.length <= max) {
            return rows;
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = rows[(int) ((long) i * rows.length / max)];
        }
        return out;
    }

    private static Evaluation evaluate(Dataset d, int[] trainRows, int[] testRows, double[] folds, double[] trainPd, double[] testPd) {
        Metrics train = Metrics.of(trainPd, Metrics.pick(d.target(), trainRows), Metrics.pick(d.oracle(), trainRows));
        Metrics test = Metrics.of(testPd, Metrics.pick(d.target(), testRows), Metrics.pick(d.oracle(), testRows));
        double[] cuts = PopulationStability.quantileCuts(trainPd, 10);
        double psi = PopulationStability.psi(PopulationStability.shares(trainPd, cuts), PopulationStability.shares(testPd, cuts));
        return new Evaluation(folds, train, test, psi, trainPd, testPd);
    }
}
