package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The contract terms a schedule is generated from.
 *
 * @param principal        disbursed amount in yuan, at most 2 decimals (normalised to scale 2)
 * @param annualRate       nominal annual rate as a fraction: 0.0435 is 4.35 %
 * @param termMonths       number of monthly installments, at least 1
 * @param method           repayment method
 * @param disbursementDate value date of the disbursement
 * @param dueDay           day of month the installments fall due, 1..31; clamped to the month's
 *                         last day where the month is shorter
 */
public record LoanTerms(BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentMethod method,
                        LocalDate disbursementDate, int dueDay) {

    public LoanTerms {
        principal = Money.exact(principal, "principal");
        if (principal.signum() <= 0) {
            throw new IllegalArgumentException("principal " + principal + " must be positive");
        }
        Objects.requireNonNull(annualRate, "annualRate");
        if (annualRate.signum() < 0) {
            throw new IllegalArgumentException("annualRate " + annualRate + " must not be negative");
        }
        if (termMonths < 1) {
            throw new IllegalArgumentException("termMonths " + termMonths + " must be at least 1");
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(disbursementDate, "disbursementDate");
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("dueDay " + dueDay + " must be in 1..31");
        }
    }

    /** annual / 12: the nominal convention of DOMAIN.md §1, not the compounded (1+a)^(1/12) − 1. */
    public BigDecimal monthlyRate() {
        return annualRate.divide(BigDecimal.valueOf(12), Money.CALC);
    }
}
