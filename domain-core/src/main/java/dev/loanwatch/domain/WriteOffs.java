package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Loss figures of a month (DOMAIN.md §4), in yuan to the fen:
 * <ul>
 *   <li>WO% = amount written off this month / receivable at the month the delinquency started;</li>
 *   <li>Re (回冲) = last month-end write-off balance + this month's write-offs − this month-end
 *       write-off balance (what left the written-off stock: recovered, settled, reversed);</li>
 *   <li>NCL = write-offs − recoveries (negative in a month that recovers more than it writes off).</li>
 * </ul>
 */
public final class WriteOffs {

    private WriteOffs() {
    }

    public static Optional<BigDecimal> rate(BigDecimal writtenOff, BigDecimal receivableAtDelinquencyStart) {
        return Ratio.of(writtenOff, receivableAtDelinquencyStart);
    }

    public static BigDecimal reversal(BigDecimal lastMonthEndBalance, BigDecimal writtenOffThisMonth, BigDecimal thisMonthEndBalance) {
        return Money.fen(lastMonthEndBalance.add(writtenOffThisMonth).subtract(thisMonthEndBalance));
    }

    public static BigDecimal netCreditLoss(BigDecimal writeOffs, BigDecimal recoveries) {
        return Money.fen(writeOffs.subtract(recoveries));
    }
}
