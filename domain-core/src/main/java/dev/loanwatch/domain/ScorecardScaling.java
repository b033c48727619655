package dev.loanwatch.domain;

/**
 * Scorecard scaling (DOMAIN.md §6): score = offset + factor × ln(odds), odds = good:bad =
 * (1 − PD) / PD, factor = PDO / ln 2, offset = base − factor × ln(baseOdds). The score is
 * {@code base} at odds {@code baseOdds}:1, and every {@code pdo} points double the odds. The
 * standard scale is 600 points at 50:1 with 20 points to double: factor 28.8539, offset 487.1229.
 *
 * <p>Points per bin, for a logistic regression on WOE, logit(PD) = ln(PD / (1 − PD)) = β0 + Σ_j
 * β_j × WOE_j: since ln(odds) = −logit(PD), score = offset − factor × (β0 + Σ_j β_j × WOE_j), shared
 * out over the k features as points_j = offset / k − factor × (β_j × WOE_j + β0 / k), so one
 * loan's points add up to its score. WOE is high for good bins, so a useful β_j is negative and a
 * good bin earns more points.
 */
public record ScorecardScaling(double base, double baseOdds, double pdo) {

    public ScorecardScaling {
        if (!(baseOdds > 0) || !(pdo > 0) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("a scale needs a finite base, odds > 0 and PDO > 0; got " + base
                    + " at " + baseOdds + ":1, PDO " + pdo);
        }
    }

    /** 600 points at 50:1, 20 points to double the odds. */
    public static ScorecardScaling standard() {
        return new ScorecardScaling(600, 50, 20);
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return base - factor() * Math.log(baseOdds);
    }

    /** The score of a PD strictly between 0 and 1 (0 and 1 have no finite score). */
    public double score(double pd) {
        if (!(pd > 0 && pd < 1)) {
            throw new IllegalArgumentException("a PD must be strictly between 0 and 1 to have a score, got " + pd);
        }
        return offset() + factor() * Math.log((1 - pd) / pd);
    }

    /**
     * The score of a model's log-odds of default, logit = ln(PD / (1 − PD)): offset − factor × logit,
     * the same as {@link #score} of its PD, and finite where the PD rounds to 0 or 1.
     */
    public double scoreOfLogit(double logit) {
        if (!Double.isFinite(logit)) {
            throw new IllegalArgumentException("log-odds must be finite to have a score, got " + logit);
        }
        return offset() - factor() * logit;
    }

    /** The inverse of {@link #score}: PD = 1 / (1 + odds), odds = e^((score − offset) / factor). */
    public double pd(double score) {
        return 1 / (1 + Math.exp((score - offset()) / factor()));
    }

    /** One feature's points for a bin with this WOE, in a model of {@code features} features. */
    public double points(double beta, double woe, double intercept, int features) {
        if (features < 1) {
            throw new IllegalArgumentException("a model has at least one feature, got " + features);
        }
        return offset() / features - factor() * (beta * woe + intercept / features);
    }
}
