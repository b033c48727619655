package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splits a payment over a loan's installments (DOMAIN.md §1, "Allocation"). */
public final class PaymentAllocation {

    private PaymentAllocation() {
    }

    /**
     * Oldest unpaid installment first; inside an installment penalty, then interest, then
     * principal — so the bank's most expensive claim is extinguished first and overdue principal,
     * on which penalty accrues, is the last thing left standing.
     *
     * <p>Installments not yet due are included: DOMAIN.md says a payment beyond what is due is
     * "held as credit against the next installments". We read that as settling the next
     * installments in due-date order, interest included, exactly as if they were paid on time;
     * it is not a principal prepayment (提前还款) that re-amortises the schedule and saves
     * interest — that would be a separate, explicit operation. Only the part beyond everything owed
     * on the whole schedule remains as {@link Allocation#credit()}.
     *
     * @param balances the loan's installments, in any order
     * @param amount   positive, at most 2 decimals
     */
    public static Allocation allocate(List<InstallmentBalance> balances, BigDecimal amount) {
        BigDecimal remaining = Money.exact(amount, "payment amount");
        if (remaining.signum() <= 0) {
            throw new IllegalArgumentException("payment amount " + remaining + " must be positive");
        }
        List<InstallmentBalance> oldestFirst = balances.stream()
                .sorted(Comparator.comparing(InstallmentBalance::dueDate)
                        .thenComparingInt(InstallmentBalance::number))
                .toList();

        List<AllocationLine> lines = new ArrayList<>();
        for (InstallmentBalance b : oldestFirst) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal penalty = remaining.min(b.unpaidPenalty());
            remaining = remaining.subtract(penalty);
            BigDecimal interest = remaining.min(b.unpaidInterest());
            remaining = remaining.subtract(interest);
            BigDecimal principal = remaining.min(b.unpaidPrincipal());
            remaining = remaining.subtract(principal);
            AllocationLine line = new AllocationLine(b.number(), penalty, interest, principal);
            if (line.total().signum() > 0) {
                lines.add(line);
            }
        }
        return new Allocation(lines, remaining);
    }
}
