package dev.loanwatch.domain;

import java.math.BigDecimal;

/** The part of one payment that went to one installment, split by component. */
public record AllocationLine(int installment, BigDecimal penalty, BigDecimal interest, BigDecimal principal) {

    public AllocationLine {
        penalty = Money.nonNegative(penalty, "penalty");
        interest = Money.nonNegative(interest, "interest");
        principal = Money.nonNegative(principal, "principal");
    }

    public BigDecimal total() {
        return penalty.add(interest).add(principal);
    }
}
