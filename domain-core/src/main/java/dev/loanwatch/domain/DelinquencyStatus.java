package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A loan's delinquency as of the END of day {@code asOf} (DOMAIN.md §2).
 *
 * <p>An installment is past due when its due date is before asOf and its unpaid amount exceeds the
 * tolerance. Because asOf means end of day, the due date itself is not yet past due (DPD 0) even
 * though the payment window has closed; the day after, DPD is 1. The tolerance applies per
 * installment, as DOMAIN.md words it (the CPD view uses 50 yuan).
 *
 * @param dpd                  asOf − due date of the oldest past-due installment; 0 if none
 * @param pastDueInstallments  number of past-due installments (逾期期数)
 * @param overduePrincipal     unpaid principal of the past-due installments (逾期未还本金)
 * @param overdueInterest      unpaid interest of the past-due installments
 * @param overduePenalty       unpaid penalty of the past-due installments
 * @param outstandingPrincipal all principal not yet paid, due or not
 * @param nearM2               准M2: see {@link #of(LocalDate, List, BigDecimal, boolean)}
 * @param nearM3               准M3: likewise for 61–90 days
 */
public record DelinquencyStatus(LocalDate asOf, int dpd, Bucket bucket, Stage stage, int pastDueInstallments,
                                BigDecimal overduePrincipal, BigDecimal overdueInterest, BigDecimal overduePenalty,
                                BigDecimal outstandingPrincipal, boolean nearM2, boolean nearM3) {

    /** CPD (phone-collection) view: only overdue amounts above 50 yuan count. */
    public static final BigDecimal CPD_TOLERANCE = new BigDecimal("50.00");

    public static DelinquencyStatus of(LocalDate asOf, List<InstallmentBalance> balances) {
        return of(asOf, balances, BigDecimal.ZERO);
    }

    public static DelinquencyStatus of(LocalDate asOf, List<InstallmentBalance> balances, BigDecimal tolerance) {
        return of(asOf, balances, tolerance, true);
    }

    /**
     * @param rollingOnly how to read 准M2/准M3. DOMAIN.md (and the source catalogue: "账户预计在当月
     *                    月末逾期31~60天") only asks that the DPD at the end of asOf's calendar month,
     *                    if nothing is paid, would be 31–60 (61–90). Industry practice counts only
     *                    accounts that will ROLL into that bucket, i.e. whose bucket today is still
     *                    better than M2 (M3) — the ones collections can still stop. {@code true}
     *                    applies that practice (the default of the shorter overloads);
     *                    {@code false} is the literal reading, which also counts accounts already
     *                    sitting in M2 (M3).
     */
    public static DelinquencyStatus of(LocalDate asOf, List<InstallmentBalance> balances, BigDecimal tolerance,
                                       boolean rollingOnly) {
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must not be negative");
        }
        BigDecimal overduePrincipal = Money.ZERO;
        BigDecimal overdueInterest = Money.ZERO;
        BigDecimal overduePenalty = Money.ZERO;
        BigDecimal outstandingPrincipal = Money.ZERO;
        int pastDue = 0;
        for (InstallmentBalance b : balances) {
            outstandingPrincipal = outstandingPrincipal.add(b.unpaidPrincipal());
            if (isPastDue(b, asOf, tolerance)) {
                pastDue++;
                overduePrincipal = overduePrincipal.add(b.unpaidPrincipal());
                overdueInterest = overdueInterest.add(b.unpaidInterest());
                overduePenalty = overduePenalty.add(b.unpaidPenalty());
            }
        }
        int dpd = dpd(asOf, balances, tolerance);
        Bucket bucket = Bucket.ofDpd(dpd);

        // Forecast: the same balances seen from the last day of the month. Nothing paid means the
        // oldest past-due installment stays oldest, and installments falling due before month end
        // may join; both are captured by simply asking for the DPD on that day.
        int monthEndDpd = dpd(asOf.with(TemporalAdjusters.lastDayOfMonth()), balances, tolerance);
        boolean nearM2 = Bucket.ofDpd(monthEndDpd) == Bucket.M2 && (!rollingOnly || !bucket.isAtLeast(Bucket.M2));
        boolean nearM3 = Bucket.ofDpd(monthEndDpd) == Bucket.M3 && (!rollingOnly || !bucket.isAtLeast(Bucket.M3));

        return new DelinquencyStatus(asOf, dpd, bucket, Stage.of(bucket), pastDue, overduePrincipal,
                overdueInterest, overduePenalty, outstandingPrincipal, nearM2, nearM3);
    }

    /** Days past due as of the end of asOf: asOf − due date of the oldest past-due installment. */
    public static int dpd(LocalDate asOf, List<InstallmentBalance> balances, BigDecimal tolerance) {
        return balances.stream()
                .filter(b -> isPastDue(b, asOf, tolerance))
                .map(InstallmentBalance::dueDate)
                .min(LocalDate::compareTo)
                .map(oldest -> Math.toIntExact(ChronoUnit.DAYS.between(oldest, asOf)))
                .orElse(0);
    }

    public static boolean isPastDue(InstallmentBalance b, LocalDate asOf, BigDecimal tolerance) {
        return b.dueDate().isBefore(asOf) && b.unpaid().compareTo(tolerance) > 0;
    }
}
