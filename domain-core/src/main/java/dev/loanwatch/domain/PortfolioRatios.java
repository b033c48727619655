package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Point-in-time ratios of one book (DOMAIN.md §4): overdue rate, NPL ratio, provision ratio and
 * coverage, and delinquency by bucket in its coincidental (即期) and lagged (递延) forms.
 *
 * <p>Every balance is outstanding principal (DOMAIN.md §4: "balances in these ratios are outstanding
 * principal unless a report says otherwise"); "total loan balance" and "receivable balance"
 * (应收账款) are therefore both Σ outstanding principal of the book, delinquent loans included,
 * written-off loans excluded (they are not in the book). Ratios are {@link Ratio} fractions; a book
 * with no balance gives empty. A segment's ratio is the same function applied to
 * {@link Segments#where} of the book.
 */
public final class PortfolioRatios {

    /** Overdue at all: DPD ≥ 1 (M1+). The default threshold. */
    public static final int DPD_1_PLUS = 1;
    /** Overdue more than 30 days: DPD ≥ 31 (M2+). */
    public static final int DPD_31_PLUS = Bucket.M2.minDpd();
    /** Overdue more than 90 days (逾期90天以上, the regulators' wording): DPD ≥ 91 (M4+). */
    public static final int DPD_91_PLUS = Bucket.M4.minDpd();

    private PortfolioRatios() {
    }

    /** Σ outstanding principal (贷款余额: 在贷账户（包含逾期账户）剩余本金之和). */
    public static BigDecimal totalBalance(List<LoanSnapshot> book) {
        SnapshotLists.byId(book, "the book");
        return SnapshotLists.outstanding(book, s -> true);
    }

    /**
     * Overdue balance of the loans with DPD ≥ {@code minDpd}.
     *
     * @param minDpd the overdue threshold in days, at least 1: {@link #DPD_1_PLUS} (default),
     *               {@link #DPD_31_PLUS}, {@link #DPD_91_PLUS}, or {@code Bucket.Mn.minDpd()} for
     *               "Mn+". It is applied to {@code dpd}, not to {@code bucket}, because thresholds
     *               in days are what regulators and DOMAIN.md state.
     */
    public static BigDecimal overdueBalance(List<LoanSnapshot> book, OverdueBalance basis, int minDpd) {
        if (minDpd < 1) {
            throw new IllegalArgumentException("minDpd " + minDpd + " must be at least 1: DPD 0 is not overdue");
        }
        SnapshotLists.byId(book, "the book");
        return book.stream()
                .filter(s -> s.dpd() >= minDpd)
                .map(s -> basis == OverdueBalance.WHOLE_LOAN ? s.outstandingPrincipal() : s.overduePrincipal())
                .reduce(Money.ZERO, BigDecimal::add);
    }

    /** 逾期率 with the defaults: whole loan balance of loans with DPD ≥ 1 / total balance. */
    public static Optional<BigDecimal> overdueRate(List<LoanSnapshot> book) {
        return overdueRate(book, OverdueBalance.WHOLE_LOAN, DPD_1_PLUS);
    }

    /** 逾期率 = {@link #overdueBalance} / {@link #totalBalance}. */
    public static Optional<BigDecimal> overdueRate(List<LoanSnapshot> book, OverdueBalance basis, int minDpd) {
        return Ratio.of(overdueBalance(book, basis, minDpd), totalBalance(book));
    }

    /** 不良贷款余额: outstanding principal of loans graded substandard, doubtful or loss. */
    public static BigDecimal nplBalance(List<LoanSnapshot> book) {
        SnapshotLists.byId(book, "the book");
        return SnapshotLists.outstanding(book, s -> s.grade().isNonPerforming());
    }

    /** 不良贷款率 = NPL balance / total balance. */
    public static Optional<BigDecimal> nplRatio(List<LoanSnapshot> book) {
        return Ratio.of(nplBalance(book), totalBalance(book));
    }

    /**
     * 拨贷比 (贷款拨备率) = loan-loss provisions / total loans. Provisions are an input: they come
     * from the ECL run or the ledger, not from the snapshots.
     */
    public static Optional<BigDecimal> provisionRatio(BigDecimal provisions, List<LoanSnapshot> book) {
        return Ratio.of(Money.nonNegative(provisions, "provisions"), totalBalance(book));
    }

    /** 拨备覆盖率 = provisions / NPL balance; empty when there is no NPL (coverage is then undefined, not infinite). */
    public static Optional<BigDecimal> provisionCoverage(BigDecimal provisions, List<LoanSnapshot> book) {
        return Ratio.of(Money.nonNegative(provisions, "provisions"), nplBalance(book));
    }

    /** Coincidental (即期) delinquency of one bucket: balance in {@code bucket} at t / total balance at t. */
    public static Optional<BigDecimal> coincidental(List<LoanSnapshot> book, Bucket bucket) {
        return Ratio.of(SnapshotLists.outstanding(book, s -> s.bucket() == bucket), totalBalance(book));
    }

    /** Coincidental delinquency of "Mn+" (the catalogue: 尚会观察特定bucket以上的延滞率): buckets ≥ from. */
    public static Optional<BigDecimal> coincidentalAtLeast(List<LoanSnapshot> book, Bucket from) {
        return Ratio.of(SnapshotLists.outstanding(book, s -> s.bucket().isAtLeast(from)), totalBalance(book));
    }

    /**
     * Lagged (递延) delinquency of bucket Mn: balance in Mn at t / total balance at t − n months, the
     * month in which that delinquency originated (递延指标分母需要回溯到对应期数起源). The lag n is the
     * bucket's number (M1 → 1 … M7+ → 7; M7+ is open-ended, so its lag of 7 is only the minimum age
     * of its balances). C has no lag and is refused.
     *
     * @param bookNMonthsEarlier the book at t − n; its month is checked against the book at t
     */
    public static Optional<BigDecimal> lagged(List<LoanSnapshot> book, List<LoanSnapshot> bookNMonthsEarlier,
                                              Bucket bucket) {
        SnapshotLists.requireMonthsApart(bookNMonthsEarlier, book, lag(bucket));
        SnapshotLists.byId(book, "the book");
        return Ratio.of(SnapshotLists.outstanding(book, s -> s.bucket() == bucket), totalBalance(bookNMonthsEarlier));
    }

    /** Lagged "Mn+": balance in buckets ≥ from at t / total balance at t − n, n being from's number. */
    public static Optional<BigDecimal> laggedAtLeast(List<LoanSnapshot> book, List<LoanSnapshot> bookNMonthsEarlier,
                                                     Bucket from) {
        SnapshotLists.requireMonthsApart(bookNMonthsEarlier, book, lag(from));
        SnapshotLists.byId(book, "the book");
        return Ratio.of(SnapshotLists.outstanding(book, s -> s.bucket().isAtLeast(from)),
                totalBalance(bookNMonthsEarlier));
    }

    /** The number of months back the lagged denominator sits for a bucket: Mn → n. */
    public static int lag(Bucket bucket) {
        if (bucket == Bucket.C) {
            throw new IllegalArgumentException("bucket C has no lag: its lagged rate is the coincidental one");
        }
        // Mn is the n-th bucket after C in severity order (declaration order), not a stored code
        return bucket.ordinal();
    }
}
