package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.LoanHistory;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The default label (DOMAIN.md §6): a loan observed at a month end is bad when its DPD exceeds {@code dpdOver} on
 * any day of the {@code months} calendar months after the observation's month.
 *
 * @param dpdOver the DPD a bad loan exceeds (90: M4, "M3+" in DOMAIN.md's words, DPD &gt; 90)
 * @param months  the length of the outcome window in calendar months
 */
public record Label(int dpdOver, int months) {

    public Label {
        if (dpdOver < 0 || months < 1) {
            throw new IllegalArgumentException("label needs dpdOver ≥ 0 and months ≥ 1, not " + dpdOver + ", " + months);
        }
    }

    /** DPD &gt; 90 within 12 months. */
    public static Label defaults() {
        return new Label(90, 12);
    }

    /**
     * The last day of the outcome window (observation, windowEnd]: the end of the calendar month {@code months}
     * after the observation's month, so that 2023-02-28 looks up to 2024-02-29, a whole number of month ends.
     */
    public LocalDate windowEnd(LocalDate observation) {
        return YearMonth.from(observation).plusMonths(months).atEndOfMonth();
    }

    /**
     * Whether the loan's DPD exceeds {@code dpdOver} at the end of any day in the window — at a month end or
     * between two, as the payments show ({@link LoanHistory#maxDpd}).
     *
     * @param history replayed at least to {@link #windowEnd}
     */
    public boolean isBad(LoanHistory history, LocalDate observation) {
        return history.maxDpd(observation, windowEnd(observation)) > dpdOver;
    }

    /** Whether a DPD is already beyond the label's: such a loan has no outcome left to predict. */
    public boolean alreadyBad(int dpd) {
        return dpd > dpdOver;
    }
}
