package dev.loanwatch.domain;

import java.math.BigDecimal;

/**
 * Expected credit loss (DOMAIN.md §4): ECL = PD × LGD × EAD, with the 12-month PD in stage 1 and
 * the lifetime PD in stages 2 and 3 ({@link EclStage}). The product is exact and rounded once to
 * the fen ({@link Money#fen}).
 *
 * <p>Edges: PD and LGD are fractions in [0, 1]; a lifetime PD below the 12-month PD is refused (a
 * loan cannot be less likely to default over its whole life than over its next year); EAD (in yuan)
 * must not be negative. A stage-3 loan usually carries PD = 1 — that is the caller's input, not
 * assumed here.
 */
public final class ExpectedCreditLoss {

    private ExpectedCreditLoss() {
    }

    public static BigDecimal of(EclStage stage, BigDecimal pd12Months, BigDecimal pdLifetime, BigDecimal lgd, BigDecimal ead) {
        fraction("12-month PD", pd12Months);
        fraction("lifetime PD", pdLifetime);
        fraction("LGD", lgd);
        if (pdLifetime.compareTo(pd12Months) < 0) {
            throw new IllegalArgumentException("lifetime PD " + pdLifetime + " is below the 12-month PD " + pd12Months);
        }
        if (ead.signum() < 0) {
            throw new IllegalArgumentException("EAD cannot be negative: " + ead);
        }
        BigDecimal pd = stage == EclStage.ONE ? pd12Months : pdLifetime;
        return Money.fen(pd.multiply(lgd).multiply(ead));
    }

    private static void fraction(String what, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be a fraction in [0, 1], got " + value);
        }
    }
}
