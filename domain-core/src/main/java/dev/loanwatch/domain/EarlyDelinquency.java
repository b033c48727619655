package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * First-payment delinquency and its siblings (DOMAIN.md §4): FPDd, SPDd, TPDd, QPDd (首逾, 首二逾,
 * 首三逾, 首四逾) and malicious delinquency (恶意延滞).
 *
 * <p>An installment "went more than d days overdue" when its DPD exceeded d before it was paid in
 * full: with DPD = day − due date (DOMAIN.md §2), an installment paid in full on day P reached DPD
 * P − due − 1 (it is no longer past due on P), and one still unpaid at the as-of date A reached
 * A − due.
 *
 * <p>The k-th rate with parameter d = loans whose installments 1 … k−1 did not go more than d days
 * overdue and whose k-th did / loans whose k-th installment can have done so by A. DOMAIN.md counts
 * "loans whose installment is at least d days past its due date"; we read that as A − due > d (the
 * day on which DPD d+1 is possible), because an installment exactly d days past due cannot yet
 * have gone <em>more</em> than d days overdue and would count as good before its outcome is known.
 */
public final class EarlyDelinquency {

    private EarlyDelinquency() {
    }

    /** One installment of a loan: its number (1 = first), due date and the day it was paid in full, if it was. */
    public record InstallmentRecord(int number, LocalDate dueDate, Optional<LocalDate> paidInFullOn) {
    }

    /** The most days past due the installment reached by {@code asOf}. */
    public static long maxDaysPastDue(InstallmentRecord i, LocalDate asOf) {
        LocalDate lastUnpaidDay = i.paidInFullOn().map(p -> p.minusDays(1)).filter(d -> !d.isAfter(asOf)).orElse(asOf);
        return Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), lastUnpaidDay));
    }

    /**
     * FPD (k = 1), SPD (2), TPD (3), QPD (4) — any k ≥ 1 — with parameter {@code days}, over loans
     * given as their installments (any order; numbered from 1). Empty when no loan's k-th
     * installment is old enough.
     */
    public static Optional<BigDecimal> rate(int k, int days, List<List<InstallmentRecord>> loans, LocalDate asOf) {
        if (k < 1 || days < 0) {
            throw new IllegalArgumentException("k must be at least 1 and days not negative, got k=" + k + ", days=" + days);
        }
        long counted = 0;
        long bad = 0;
        for (List<InstallmentRecord> loan : loans) {
            Optional<InstallmentRecord> kth = number(loan, k);
            if (kth.isEmpty() || ChronoUnit.DAYS.between(kth.get().dueDate(), asOf) <= days) {
                continue;
            }
            counted++;
            boolean earlierClean = true;
            for (int n = 1; n < k; n++) {
                Optional<InstallmentRecord> earlier = number(loan, n);
                if (earlier.isPresent() && maxDaysPastDue(earlier.get(), asOf) > days) {
                    earlierClean = false;
                }
            }
            if (earlierClean && maxDaysPastDue(kth.get(), asOf) > days) {
                bad++;
            }
        }
        return Ratio.of(bad, counted);
    }

    /**
     * Malicious delinquency: the first installment and the {@code following} after it were all due
     * by {@code asOf} and none of them was ever paid in full. A loan with fewer installments than
     * that cannot be judged and is not malicious.
     */
    public static boolean malicious(List<InstallmentRecord> loan, int following, LocalDate asOf) {
        if (following < 0) {
            throw new IllegalArgumentException("following cannot be negative: " + following);
        }
        for (int n = 1; n <= following + 1; n++) {
            Optional<InstallmentRecord> i = number(loan, n);
            if (i.isEmpty() || !i.get().dueDate().isBefore(asOf)
                    || i.get().paidInFullOn().filter(p -> !p.isAfter(asOf)).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * 恶意延滞率: malicious loans / loans that can be judged (their first installment and the
     * {@code following} after it were all due before {@code asOf}). Empty when none can be judged.
     */
    public static Optional<BigDecimal> maliciousRate(List<List<InstallmentRecord>> loans, int following, LocalDate asOf) {
        long judged = loans.stream().filter(loan -> judgeable(loan, following, asOf)).count();
        long malicious = loans.stream().filter(loan -> malicious(loan, following, asOf)).count();
        return Ratio.of(malicious, judged);
    }

    private static boolean judgeable(List<InstallmentRecord> loan, int following, LocalDate asOf) {
        for (int n = 1; n <= following + 1; n++) {
            Optional<InstallmentRecord> i = number(loan, n);
            if (i.isEmpty() || !i.get().dueDate().isBefore(asOf)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InstallmentRecord> number(List<InstallmentRecord> loan, int n) {
        return loan.stream().filter(i -> i.number() == n).findFirst();
    }
}
