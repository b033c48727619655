package dev.loanwatch.industry;

import dev.loanwatch.industry.Evaluation.Figures;
import org.junit.jupiter.api.Test;

/**
 * The classifier on the business scopes the simulator composes (its own generator, a fixed seed),
 * and on the hand-written dev set. Both were tuned on, so these figures are optimistic; they guard
 * against regressions. Bounds sit just below the figures measured when the classifier was tuned.
 */
class SimulatorTextsAccuracyTest {

    @Test
    void simulatorTextsAccuracy() {
        Figures f = Evaluation.measure(IndustryClassifier.standard(), Evaluation.simulator(4000, 7));
        System.out.println(f.format("simulator's texts"));
        Evaluation.assertAtLeast(f, Bounds.SIMULATOR);
    }

    @Test
    void devSetAccuracy() {
        Figures f = Evaluation.measure(IndustryClassifier.standard(), Evaluation.dev());
        System.out.println(f.format("dev set"));
        Evaluation.assertAtLeast(f, Bounds.DEV);
    }
}
