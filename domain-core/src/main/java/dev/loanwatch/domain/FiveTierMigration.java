package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The regulator's five-tier migration rates (贷款迁徙率, DOMAIN.md §4) over one period, from each
 * loan's grade and balance at the period's start and at its end:
 * <pre>
 *   rate(G) = Σ end balance of loans graded G at the start and worse than G at the end
 *             / Σ (start balance − decrease) of loans graded G at the start
 * </pre>
 * for G = normal, special mention, substandard, doubtful ("worse" = any lower grade: normal → special
 * mention, substandard, doubtful or loss; doubtful → loss); and the normal-loans rate (正常贷款迁徙率):
 * loans normal or special mention at the start that are non-performing at the end, over both
 * groups.
 *
 * <p>The decrease of a loan is what it lost during the period by repayment, write-off or transfer:
 * start − end balance, never negative (a balance that grew, e.g. by capitalised interest, decreased
 * by nothing). A loan that left the book ends with balance 0 and no grade: it decreased fully and
 * migrated nowhere. Balances are measured at the period's end for the loans counted at its start,
 * as the regulator's formula reads; loans that entered during the period are not counted. A zero
 * denominator gives empty.
 */
public final class FiveTierMigration {

    private FiveTierMigration() {
    }

    /**
     * One loan over the period. {@code endGrade} is empty when the loan left the book (then
     * {@code endBalance} must be 0).
     */
    public record Movement(FiveTierGrade startGrade, BigDecimal startBalance, Optional<FiveTierGrade> endGrade,
                           BigDecimal endBalance) {
        public Movement {
            if (startBalance.signum() < 0 || endBalance.signum() < 0) {
                throw new IllegalArgumentException("balances cannot be negative");
            }
            if (endGrade.isEmpty() && endBalance.signum() != 0) {
                throw new IllegalArgumentException("a loan that left the book has no end balance, got " + endBalance);
            }
        }

        /** Start balance minus its decrease during the period. */
        BigDecimal retained() {
            return startBalance.min(endBalance);
        }
    }

    /** Migration rate of {@code from} (NORMAL … DOUBTFUL); loss has nowhere to migrate. */
    public static Optional<BigDecimal> rate(FiveTierGrade from, List<Movement> movements) {
        if (from == FiveTierGrade.LOSS) {
            throw new IllegalArgumentException("loss is the last grade: it has no migration rate");
        }
        return rate(movements, m -> m.startGrade() == from,
                end -> end.code() > from.code());
    }

    /** 正常贷款迁徙率: normal and special-mention loans at the start that are non-performing at the end. */
    public static Optional<BigDecimal> normalLoansRate(List<Movement> movements) {
        return rate(movements, m -> !m.startGrade().isNonPerforming(), FiveTierGrade::isNonPerforming);
    }

    private static Optional<BigDecimal> rate(List<Movement> movements, Predicate<Movement> counted,
                                             Predicate<FiveTierGrade> migrated) {
        BigDecimal moved = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        for (Movement m : movements) {
            if (!counted.test(m)) {
                continue;
            }
            base = base.add(m.retained());
            if (m.endGrade().isPresent() && migrated.test(m.endGrade().get())) {
                moved = moved.add(m.endBalance());
            }
        }
        return Ratio.of(moved, base);
    }
}
