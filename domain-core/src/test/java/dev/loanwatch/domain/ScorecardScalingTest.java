package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScorecardScalingTest {

    static final ScorecardScaling STANDARD = ScorecardScaling.standard();

    @Test
    void theTextbookScale() {
        // factor = 20 / ln 2 = 28.8539; offset = 600 − 28.8539 × ln 50 = 600 − 28.8539 × 3.912023 = 487.1229
        assertEquals(28.8539, STANDARD.factor(), 1e-4);
        assertEquals(487.1229, STANDARD.offset(), 1e-4);
        // odds 50:1 is PD 1/51 → 600; doubling the odds to 100:1 (PD 1/101) adds the PDO → 620
        assertEquals(600, STANDARD.score(1.0 / 51), 1e-9);
        assertEquals(620, STANDARD.score(1.0 / 101), 1e-9);
        assertEquals(580, STANDARD.score(1.0 / 26), 1e-9);
        // even odds: the offset itself
        assertEquals(487.1229, STANDARD.score(0.5), 1e-4);
    }

    @Test
    void pdIsTheInverseOfScore() {
        assertEquals(1.0 / 51, STANDARD.pd(600), 1e-15);
        for (double pd : new double[] {0.001, 0.02, 0.3, 0.9}) {
            assertEquals(pd, STANDARD.pd(STANDARD.score(pd)), 1e-12);
        }
        ScorecardScaling own = new ScorecardScaling(500, 20, 40);
        assertEquals(500, own.score(own.pd(500)), 1e-9);
    }

    @Test
    void pointsPerFeatureAddUpToTheScore() {
        // logit(PD) = −2 + (−0.8)(0.4) + (−1.1)(−0.2) + (−0.5)(0.9) = −2 − 0.32 + 0.22 − 0.45 = −2.55
        // PD = 1 / (1 + e^2.55) = 0.0724265; score = 487.1229 + 28.8539 × 2.55 = 560.7003
        double intercept = -2;
        double[] beta = {-0.8, -1.1, -0.5};
        double[] woe = {0.4, -0.2, 0.9};
        // feature 1: 487.1229 / 3 − 28.8539 × (−0.32 − 2/3) = 162.3743 + 28.4692 = 190.8435
        assertEquals(190.8435, STANDARD.points(beta[0], woe[0], intercept, 3), 1e-4);
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            sum += STANDARD.points(beta[j], woe[j], intercept, 3);
        }
        double pd = 1 / (1 + Math.exp(2.55));
        assertEquals(560.7003, STANDARD.score(pd), 1e-4);
        assertEquals(STANDARD.score(pd), sum, 1e-9);
        // a better (higher-WOE) bin with the usual negative β earns more points
        assertTrue(STANDARD.points(-0.8, 1.0, intercept, 3) > STANDARD.points(-0.8, 0.4, intercept, 3));
    }

    @Test
    void arguments() {
        assertThrows(IllegalArgumentException.class, () -> STANDARD.score(0));
        assertThrows(IllegalArgumentException.class, () -> STANDARD.score(1));
        assertThrows(IllegalArgumentException.class, () -> STANDARD.points(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScorecardScaling(600, 0, 20));
        assertThrows(IllegalArgumentException.class, () -> new ScorecardScaling(600, 50, -20));
    }

    /**
     * The standard scale (600 at odds 50:1, PDO 20): a PD of 1/51 (odds 50) is 600 points, its
     * log-odds ln(1/50) too; log-odds 40, whose PD a double rounds to 1, still has a finite score.
     */
    @Test
    void theScoreOfLogOddsIsTheScoreOfItsPd() {
        ScorecardScaling s = ScorecardScaling.standard();
        assertEquals(600, s.scoreOfLogit(Math.log(1.0 / 50)), 1e-9);
        assertEquals(s.score(0.3), s.scoreOfLogit(Math.log(0.3 / 0.7)), 1e-9);
        assertEquals(s.offset() - 40 * s.factor(), s.scoreOfLogit(40), 1e-9);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.scoreOfLogit(Double.NaN));
    }
}
