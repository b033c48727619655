package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A loan's delinquency through time, replayed from its schedule and payments with the domain core's own rules:
 * {@link PaymentAllocation} for every payment, {@link DelinquencyStatus} (tolerance 0) for every status. Penalty
 * interest is off, the DOMAIN.md default.
 *
 * <p><b>Checkpoints</b> are the end of every calendar month from the disbursement month up to {@code until}, and
 * {@code until} itself. The status at a checkpoint counts exactly the payments whose value date is on or before
 * it (as of = end of day, so a payment on a month end counts for that month end). Payments are applied in
 * value-date order (those of one day in the order given); those after {@code until} are ignored. So a history
 * replayed to a later date says the same about an earlier checkpoint as one replayed to that checkpoint: nothing
 * after a date can reach back to it.
 *
 * <p>Between two payments a loan's DPD never falls (each day adds one, and an installment falling due can only
 * make the oldest past-due one older). The history keeps the DPD at the end of the day before each payment day —
 * the peak of the stretch that payment ends — so {@link #maxDpd} is the maximum over every day, not only over
 * month ends.
 */
public final class LoanHistory {

    private final LocalDate until;
    private final List<Payment> payments;
    private final List<LocalDate> checkpoints;
    private final List<DelinquencyStatus> statuses;
    private final List<Peak> peaks;
    private final LocalDate settledOn;

    /** The DPD at the end of the day before a payment day, when positive. */
    private record Peak(LocalDate day, int dpd) {
    }

    private LoanHistory(LocalDate until, List<Payment> payments, List<LocalDate> checkpoints,
                        List<DelinquencyStatus> statuses, List<Peak> peaks, LocalDate settledOn) {
        this.until = until;
        this.payments = payments;
        this.checkpoints = checkpoints;
        this.statuses = statuses;
        this.peaks = peaks;
        this.settledOn = settledOn;
    }

    /**
     * Replays the loan up to the end of {@code until}.
     *
     * @param payments in any order; those after {@code until} are ignored
     * @param until    on or after the disbursement date
     */
    public static LoanHistory replay(LoanContract loan, List<Payment> payments, LocalDate until) {
        LocalDate disbursed = loan.terms().disbursementDate();
        if (until.isBefore(disbursed)) {
            throw new IllegalArgumentException("history until " + until + " is before the disbursement date " + disbursed);
        }
        List<Payment> known = payments.stream()
                .filter(p -> !p.valueDate().isAfter(until))
                .sorted(Comparator.comparing(Payment::valueDate))
                .toList();
        List<LocalDate> checkpoints = checkpoints(disbursed, until);

        List<InstallmentBalance> balances = new ArrayList<>(loan.schedule().size());
        loan.schedule().forEach(i -> balances.add(InstallmentBalance.unpaid(i)));
        List<DelinquencyStatus> statuses = new ArrayList<>(checkpoints.size());
        List<Peak> peaks = new ArrayList<>();
        LocalDate settledOn = null;
        // installments settle oldest first, so the ones before firstOpen are settled and count for nothing
        int firstOpen = 0;
        int next = 0;
        for (LocalDate checkpoint : checkpoints) {
            for (; next < known.size() && !known.get(next).valueDate().isAfter(checkpoint); next++) {
                Payment p = known.get(next);
                boolean firstOfDay = next == 0 || !known.get(next - 1).valueDate().equals(p.valueDate());
                if (firstOfDay && firstOpen < balances.size()) {
                    LocalDate dayBefore = p.valueDate().minusDays(1);
                    int dpd = DelinquencyStatus.dpd(dayBefore, open(balances, firstOpen), BigDecimal.ZERO);
                    if (dpd > 0) {
                        peaks.add(new Peak(dayBefore, dpd));
                    }
                }
                firstOpen = apply(balances, firstOpen, p.amount());
                if (firstOpen == balances.size() && settledOn == null) {
                    settledOn = p.valueDate();
                }
            }
            statuses.add(DelinquencyStatus.of(checkpoint, open(balances, firstOpen)));
        }
        return new LoanHistory(until, known, checkpoints, statuses, List.copyOf(peaks), settledOn);
    }

    /** The month ends from the disbursement month's to the last one on or before {@code until}, then until. */
    private static List<LocalDate> checkpoints(LocalDate disbursed, LocalDate until) {
        List<LocalDate> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(disbursed); !m.atEndOfMonth().isAfter(until); m = m.plusMonths(1)) {
            out.add(m.atEndOfMonth());
        }
        if (out.isEmpty() || !out.get(out.size() - 1).equals(until)) {
            out.add(until);
        }
        return List.copyOf(out);
    }

    private static List<InstallmentBalance> open(List<InstallmentBalance> balances, int firstOpen) {
        return balances.subList(firstOpen, balances.size());
    }

    /** Allocates one payment and returns the new first unsettled position. */
    private static int apply(List<InstallmentBalance> balances, int firstOpen, BigDecimal amount) {
        Allocation allocation = PaymentAllocation.allocate(open(balances, firstOpen), amount);
        for (AllocationLine line : allocation.lines()) {
            int i = line.installment() - 1;
            balances.set(i, balances.get(i).plus(line));
        }
        int first = firstOpen;
        while (first < balances.size() && balances.get(first).isSettled()) {
            first++;
        }
        return first;
    }

    /** The last day the history knows: nothing after its end counted. */
    public LocalDate until() {
        return until;
    }

    /** The status at the end of a checkpoint; empty for any other date (before the disbursement month, after until, mid-month). */
    public Optional<DelinquencyStatus> status(LocalDate checkpoint) {
        int i = Collections.binarySearch(checkpoints, checkpoint);
        return i < 0 ? Optional.empty() : Optional.of(statuses.get(i));
    }

    /**
     * The highest DPD at the end of any day in (after, through]; 0 when the loan was never past due then.
     *
     * @param through a checkpoint
     */
    public int maxDpd(LocalDate after, LocalDate through) {
        int max = status(through).orElseThrow(() -> notCheckpoint(through)).dpd();
        for (Peak p : peaks) {
            if (p.day().isAfter(after) && !p.day().isAfter(through)) {
                max = Math.max(max, p.dpd());
            }
        }
        return max;
    }

    /**
     * Cash received with a value date in (after, through], whatever it paid (arrears, installments not yet due,
     * credit).
     *
     * @param through at most {@link #until()}
     */
    public BigDecimal paid(LocalDate after, LocalDate through) {
        if (through.isAfter(until)) {
            throw new IllegalArgumentException("payments up to " + through + " asked of a history that ends " + until);
        }
        BigDecimal sum = Money.ZERO;
        for (Payment p : payments) {
            if (p.valueDate().isAfter(after) && !p.valueDate().isAfter(through)) {
                sum = sum.add(p.amount());
            }
        }
        return sum;
    }

    /** The value date of the payment that left nothing owed on the schedule; empty while anything is owed at until. */
    public Optional<LocalDate> settledOn() {
        return Optional.ofNullable(settledOn);
    }

    private IllegalArgumentException notCheckpoint(LocalDate date) {
        return new IllegalArgumentException(date + " is not a checkpoint of this history (month ends from "
                + checkpoints.get(0) + ", and " + until + ")");
    }
}
