package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Inflow and cure over one month (DOMAIN.md §4), by account:
 * <ul>
 *   <li><b>inflow</b> (入催): accounts in C at the month's start that missed a due payment during it;
 *       <b>inflow rate</b> = inflow / accounts in C at the start with a payment due in the month;</li>
 *   <li><b>cured</b> (催回): inflow accounts back in C at the month's end, or paid off during it;
 *       <b>cure rate</b> (催回率) = cured / inflow;</li>
 *   <li><b>recovered flow</b> (回流): an account delinquent at the month's start whose bucket at its
 *       end is not worse; the rate is over the accounts delinquent at the start (DOMAIN.md names the
 *       event; the denominator is our reading: the accounts that could flow back).</li>
 * </ul>
 * Where an account is at the month's end is a {@link RollRateMatrix.Column}: its bucket, or how it
 * left the book — and "better", "not worse" are the roll matrix's {@link RollRateMatrix#direction}
 * (paid off is better, written off worse), so 回流 and the roll matrix never disagree: 回流 = the
 * better and kept cells of the rows M1 … M7+.
 * Zero denominators give empty.
 */
public final class Inflow {

    private Inflow() {
    }

    /** One account over the month. */
    public record AccountMonth(Bucket atStart, RollRateMatrix.Column atEnd, boolean paymentDue, boolean missedPayment) {
        public AccountMonth {
            if (missedPayment && !paymentDue) {
                throw new IllegalArgumentException("an account cannot miss a payment that was not due");
            }
        }

        boolean inflow() {
            return atStart == Bucket.C && missedPayment;
        }
    }

    public static long inflow(List<AccountMonth> accounts) {
        return accounts.stream().filter(AccountMonth::inflow).count();
    }

    public static Optional<BigDecimal> inflowRate(List<AccountMonth> accounts) {
        return Ratio.of(inflow(accounts), accounts.stream().filter(a -> a.atStart() == Bucket.C && a.paymentDue()).count());
    }

    public static long cured(List<AccountMonth> accounts) {
        return accounts.stream().filter(a -> a.inflow()
                && RollRateMatrix.direction(Bucket.C, a.atEnd()) != RollRateMatrix.Direction.WORSE).count();
    }

    public static Optional<BigDecimal> cureRate(List<AccountMonth> accounts) {
        return Ratio.of(cured(accounts), inflow(accounts));
    }

    public static Optional<BigDecimal> recoveredFlowRate(List<AccountMonth> accounts) {
        long delinquent = accounts.stream().filter(a -> a.atStart() != Bucket.C).count();
        long notWorse = accounts.stream().filter(a -> a.atStart() != Bucket.C
                && RollRateMatrix.direction(a.atStart(), a.atEnd()) != RollRateMatrix.Direction.WORSE).count();
        return Ratio.of(notWorse, delinquent);
    }
}
