package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One loan as it stood at the end of one snapshot day — the input row of every portfolio formula
 * (DOMAIN.md §4). A book at date t is simply the list of snapshots with {@code snapshotDate == t}.
 *
 * <p>Who is in a book: every loan still on the lender's balance sheet at t, delinquent or not.
 * Loans that were paid off or written off (核销) before t are absent — they left the book — and the
 * formulas that look across two dates ({@link RollRateMatrix}, {@link FlowRate}) treat absence as
 * leaving. A loan that is paid off should therefore not be sent with a zero balance; if it is, it
 * simply counts as a loan with nothing outstanding.
 *
 * <p>The snapshot date is normally a calendar month end (DOMAIN.md §2 default). It is not enforced
 * here because cycle-end (billing date) snapshots are the documented alternative; {@link Vintage},
 * which counts month ends, does insist on month ends.
 *
 * <p>{@code bucket} is carried rather than derived from {@code dpd} because DOMAIN.md §2 allows a
 * second bucket view by number of missed installments (逾期期数); the DPD-threshold rates use
 * {@code dpd}, the bucket-based rates (即期/递延, flow, roll, vintage) use {@code bucket}. Use
 * {@link #ofDpd} for the default DPD view.
 *
 * @param disbursedPrincipal   principal paid out at disbursement (放款本金), &gt; 0
 * @param outstandingPrincipal principal not yet repaid, due or not (本金余额 / 贷款余额)
 * @param overduePrincipal     the past-due part of it (逾期未还本金), at most the outstanding principal
 * @param grade                the five-tier grade at the snapshot date (decides NPL)
 * @param labels               segment labels for grouping ("industry" → "C", "size" → "SMALL",
 *                             "region" → "440305", …); free keys, possibly empty, see {@link Segments}
 */
public record LoanSnapshot(String loanId, LocalDate snapshotDate, LocalDate disbursementDate,
                           BigDecimal disbursedPrincipal, BigDecimal outstandingPrincipal,
                           BigDecimal overduePrincipal, int dpd, Bucket bucket, FiveTierGrade grade,
                           Map<String, String> labels) {

    public LoanSnapshot {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(snapshotDate, "snapshotDate");
        Objects.requireNonNull(disbursementDate, "disbursementDate");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(grade, "grade");
        if (disbursementDate.isAfter(snapshotDate)) {
            throw new IllegalArgumentException("loan " + loanId + ": disbursed " + disbursementDate
                    + " after the snapshot date " + snapshotDate);
        }
        disbursedPrincipal = Money.nonNegative(disbursedPrincipal, "disbursed principal");
        if (disbursedPrincipal.signum() == 0) {
            throw new IllegalArgumentException("loan " + loanId + ": disbursed principal is zero");
        }
        outstandingPrincipal = Money.nonNegative(outstandingPrincipal, "outstanding principal");
        overduePrincipal = Money.nonNegative(overduePrincipal, "overdue principal");
        if (overduePrincipal.compareTo(outstandingPrincipal) > 0) {
            throw new IllegalArgumentException("loan " + loanId + ": overdue principal " + overduePrincipal
                    + " exceeds the outstanding principal " + outstandingPrincipal);
        }
        if (dpd < 0) {
            throw new IllegalArgumentException("loan " + loanId + ": dpd " + dpd + " is negative");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The default view: bucket by DPD ({@link Bucket#ofDpd}). */
    public static LoanSnapshot ofDpd(String loanId, LocalDate snapshotDate, LocalDate disbursementDate,
                                     BigDecimal disbursedPrincipal, BigDecimal outstandingPrincipal,
                                     BigDecimal overduePrincipal, int dpd, FiveTierGrade grade,
                                     Map<String, String> labels) {
        return new LoanSnapshot(loanId, snapshotDate, disbursementDate, disbursedPrincipal, outstandingPrincipal,
                overduePrincipal, dpd, Bucket.ofDpd(dpd), grade, labels);
    }
}
