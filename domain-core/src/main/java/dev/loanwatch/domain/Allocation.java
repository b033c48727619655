package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one payment was split.
 *
 * @param lines  per installment, in the order they were paid
 * @param credit the part beyond everything owed on the whole schedule, held as credit
 */
public record Allocation(List<AllocationLine> lines, BigDecimal credit) {

    public Allocation {
        lines = List.copyOf(lines);
        credit = Money.nonNegative(credit, "credit");
    }

    /** Everything allocated, credit included: equals the payment amount. */
    public BigDecimal total() {
        return lines.stream().map(AllocationLine::total).reduce(credit, BigDecimal::add);
    }
}
