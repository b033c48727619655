package dev.loanwatch.domain;

import java.math.BigDecimal;

/**
 * The phone-collection view of delinquency (CPD, DOMAIN.md §2 and the catalogue's 电话催收指标: "逾期金额在50元以上的客户的逾期天数"):
 * a loan whose overdue amount is under the tolerance (default 50 yuan) is not worth a call and counts
 * as current; any other loan keeps its bucket.
 *
 * <p>From a month-end snapshot, which carries the loan's overdue principal and interest but not each
 * installment's, the test is on the loan's whole overdue amount. That differs from the
 * installment-level tolerance of {@link DelinquencyStatus} only for a loan whose oldest past-due
 * installment is under the tolerance while the overdue total is not; there the snapshot view keeps
 * the older bucket.
 */
public final class CpdView {
    /** 50 yuan. */
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("50.00");

    private CpdView() {
    }

    /** The bucket a collector sees: {@code bucket}, or C when {@code overdueAmount} is under {@code tolerance}. */
    public static Bucket bucket(Bucket bucket, BigDecimal overdueAmount, BigDecimal tolerance) {
        if (overdueAmount.signum() < 0 || tolerance.signum() < 0) {
            throw new IllegalArgumentException("amounts cannot be negative: overdue " + overdueAmount + ", tolerance " + tolerance);
        }
        return overdueAmount.compareTo(tolerance) < 0 ? Bucket.C : bucket;
    }

    /**
     * {@link #bucket}'s rule in whole fen, for scans over millions of snapshots (alert-service's
     * columns): true when an overdue amount of {@code overdueFen} is under the tolerance
     * {@code toleranceFen}, so the loan counts as current. Negative amounts are refused as above.
     */
    public static boolean countsAsCurrent(long overdueFen, long toleranceFen) {
        if (overdueFen < 0 || toleranceFen < 0) {
            throw new IllegalArgumentException("amounts cannot be negative: overdue " + overdueFen + " fen, tolerance "
                    + toleranceFen + " fen");
        }
        return overdueFen < toleranceFen;
    }
}
