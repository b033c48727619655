package dev.loanwatch.trainer.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /**
     * One binary feature: the maximum-likelihood fit is exact. x = 0: 2 bad of 10 → β0 = ln(2/8) =
     * −1.386294; x = 1: 6 bad of 10 → β0 + β1 = ln(6/4) = 0.405465, β1 = 1.791759.
     */
    @Test
    void oneBinaryFeatureGivesTheGroupsLogOdds() {
        double[] x = new double[20];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i < 10 ? 0 : 1;
            y[i] = (i < 10 ? i < 2 : i < 16) ? 1 : 0;
        }
        LogisticRegression fit = LogisticRegression.fit(new double[][] {x}, y, 0);
        assertEquals(Math.log(2.0 / 8), fit.intercept(), 1e-9);
        assertEquals(Math.log(6.0 / 4) - Math.log(2.0 / 8), fit.coefficients()[0], 1e-9);
    }

    /** Data drawn from a known model: the fit recovers its coefficients (100,000 rows, within sampling error). */
    @Test
    void recoversTheCoefficientsOfTheModelThatMadeTheData() {
        Random random = new Random(7);
        int n = 100_000;
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextGaussian();
            x[1][i] = random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(-2 + 0.8 * x[0][i] - 0.5 * x[1][i])));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        LogisticRegression fit = LogisticRegression.fit(x, y, 1e-6);
        assertEquals(-2, fit.intercept(), 0.05);
        assertEquals(0.8, fit.coefficients()[0], 0.05);
        assertEquals(-0.5, fit.coefficients()[1], 0.05);
    }
}
