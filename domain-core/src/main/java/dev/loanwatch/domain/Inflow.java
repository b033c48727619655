package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Inflow and cure over one month (DOMAIN.md §4), by account:
 * <ul>
 *   <li><b>inflow</b> (入催): accounts in C at the month's start that missed a due payment during it;
 *       <b>inflow rate</b> = inflow / accounts in C at the start with a payment due in the month;</li>
 *   <li><b>cured</b> (催回): inflow accounts back in C at the month's end; <b>cure rate</b> (催回率) =
 *       cured / inflow;</li>
 *   <li><b>recovered flow</b> (回流): an account delinquent at the month's start whose bucket at its
 *       end is not worse; the rate is over the accounts delinquent at the start (DOMAIN.md names the
 *       event; the denominator is our reading: the accounts that could flow back).</li>
 * </ul>
 * Zero denominators give empty.
 */
public final class Inflow {

    private Inflow() {
    }

    /** One account over the month. */
    public record AccountMonth(Bucket atStart, Bucket atEnd, boolean paymentDue, boolean missedPayment) {
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
        return accounts.stream().filter(a -> a.inflow() && a.atEnd() == Bucket.C).count();
    }

    public static Optional<BigDecimal> cureRate(List<AccountMonth> accounts) {
        return Ratio.of(cured(accounts), inflow(accounts));
    }

    public static Optional<BigDecimal> recoveredFlowRate(List<AccountMonth> accounts) {
        long delinquent = accounts.stream().filter(a -> a.atStart() != Bucket.C).count();
        long notWorse = accounts.stream().filter(a -> a.atStart() != Bucket.C && a.atEnd().compareTo(a.atStart()) <= 0).count();
        return Ratio.of(notWorse, delinquent);
    }
}
