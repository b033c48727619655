package dev.loanwatch.domain;

import java.math.BigDecimal;

/**
 * 罚息: penalty interest on overdue principal. A per-product setting, off by default — a product
 * without a penalty rate simply never calls this.
 */
public final class PenaltyInterest {

    /**
     * Day basis 360: Chinese banks quote 日利率 = 年利率 / 360 (and 月利率 = 年利率 / 12), so a
     * 360 basis reproduces the penalty figures borrowers see on their statements; 365 would
     * understate them by about 1.4 %.
     */
    public static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(360);

    private PenaltyInterest() {
    }

    /**
     * overduePrincipal × annualPenaltyRate / 360 × days, rounded once at the end, HALF_UP to the
     * fen. Rounding once matters: 30 one-day accruals rounded separately can differ from one
     * 30-day accrual, so callers recompute over the whole overdue period rather than add daily fen.
     */
    public static BigDecimal accrue(BigDecimal overduePrincipal, BigDecimal annualPenaltyRate, long days) {
        if (overduePrincipal.signum() < 0) {
            throw new IllegalArgumentException("overdue principal " + overduePrincipal + " must not be negative");
        }
        if (annualPenaltyRate.signum() < 0) {
            throw new IllegalArgumentException("penalty rate " + annualPenaltyRate + " must not be negative");
        }
        if (days < 0) {
            throw new IllegalArgumentException("days " + days + " must not be negative");
        }
        BigDecimal raw = overduePrincipal
                .multiply(annualPenaltyRate)
                .multiply(BigDecimal.valueOf(days))
                .divide(DAYS_PER_YEAR, Money.CALC);
        return Money.fen(raw);
    }
}
