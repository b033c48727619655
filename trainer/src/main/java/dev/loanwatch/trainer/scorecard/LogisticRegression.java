package dev.loanwatch.trainer.scorecard;

/**
 * Logistic regression by Newton–Raphson (iteratively reweighted least squares) with a small ridge
 * penalty that keeps the Hessian invertible when WOE columns are collinear: logit(p) = β0 + Σ βj·xj.
 * A scorecard has tens of WOE columns, so one p×p solve per iteration is nothing next to the pass over
 * the rows; the pass over the rows is done once per iteration, column-major.
 *
 * @param intercept    β0
 * @param coefficients βj
 * @param iterations   Newton steps taken
 */
public record LogisticRegression(double intercept, double[] coefficients, int iterations) {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    /** Fits on columns {@code x[j][i]} (feature j, row i) and 0/1 labels; {@code ridge} ≥ 0 (not applied to β0). */
    public static LogisticRegression fit(double[][] x, int[] y, double ridge) {
        int p = x.length + 1;
        int n = y.length;
        double[] beta = new double[p];
        double mean = 0;
        for (int v : y) {
            mean += v;
        }
        mean /= n;
        beta[0] = Math.log(mean / (1 - mean)); // start at the base rate: converges in a few steps
        int it = 0;
        double[] eta = new double[n];
        while (it++ < MAX_ITERATIONS) {
            for (int i = 0; i < n; i++) {
                eta[i] = eta(x, beta, i);
            }
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            double[] w = new double[n];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double pi = 1 / (1 + Math.exp(-eta[i]));
                w[i] = Math.max(pi * (1 - pi), 1e-12);
                r[i] = y[i] - pi;
            }
            for (int a = 0; a < p; a++) {
                double[] xa = a == 0 ? null : x[a - 1];
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += r[i] * (xa == null ? 1 : xa[i]);
                }
                gradient[a] = g - (a == 0 ? 0 : ridge * beta[a]);
                for (int b = a; b < p; b++) {
                    double[] xb = b == 0 ? null : x[b - 1];
                    double h = 0;
                    for (int i = 0; i < n; i++) {
                        h += w[i] * (xa == null ? 1 : xa[i]) * (xb == null ? 1 : xb[i]);
                    }
                    hessian[a][b] = h + (a == b && a > 0 ? ridge : 0);
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] step = solve(hessian, gradient);
            // step halving: a full Newton step can overshoot when WOE columns are nearly collinear;
            // the penalised likelihood must not fall, so the fit never diverges
            double before = logLikelihood(x, y, beta, ridge);
            double scale = 1;
            double[] next = new double[p];
            for (int halvings = 0; ; halvings++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + scale * step[a];
                }
                double after = logLikelihood(x, y, next, ridge);
                if (after >= before - 1e-12 * Math.abs(before) || halvings == 30) {
                    break;
                }
                scale /= 2;
            }
            double size = 0;
            for (int a = 0; a < p; a++) {
                size = Math.max(size, Math.abs(next[a] - beta[a]));
                beta[a] = next[a];
            }
            if (size < TOLERANCE) {
                break;
            }
        }
        double[] coefficients = new double[p - 1];
        System.arraycopy(beta, 1, coefficients, 0, p - 1);
        return new LogisticRegression(beta[0], coefficients, it);
    }

    /** Σ y·η − ln(1 + e^η) − ridge/2 · Σ βj² (j ≥ 1), computed without overflow. */
    static double logLikelihood(double[][] x, int[] y, double[] beta, double ridge) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double e = eta(x, beta, i);
            ll += y[i] * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
        }
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll - ridge / 2 * penalty;
    }

    /** β0 + Σ βj·x[j][i]: row i's logit under {@code beta} (β0 first). */
    private static double eta(double[][] x, double[] beta, int i) {
        double e = beta[0];
        for (int j = 1; j < beta.length; j++) {
            e += beta[j] * x[j - 1][i];
        }
        return e;
    }

    /** logit(p) of one row. */
    public double logit(double[] row) {
        double e = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            e += coefficients[j] * row[j];
        }
        return e;
    }

    /** Solves H s = g by Cholesky (H is symmetric positive definite with the ridge). */
    static double[] solve(double[][] h, double[] g) {
        int p = g.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalStateException("the WOE columns are linearly dependent; raise the ridge or drop a feature");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] out = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * out[k];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }
}
