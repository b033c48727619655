package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Flow rate (迁徙率, DOMAIN.md §4): balance in bucket n+1 at month end t / balance in bucket n at
 * month end t−1, for C→M1, M1→M2 … M6→M7+; and the same by number of loans.
 *
 * <p>As DOMAIN.md defines it, this is a ratio of two aggregates, not a matched-loan rate: the
 * numerator is everything in bucket n+1 at t, whichever bucket it came from (a month of 31 days can
 * take a loan from C straight to M2, and that balance then counts in M1→M2's numerator, not
 * C→M1's). The roll rate matrix is the matched view.
 *
 * <p>One exception, because M7+ is open-ended: for M6→M7+ the numerator is only the M7+ balance at
 * t that was not already M7+ at t−1 (matched by loan id). Taken literally, the numerator would hold
 * the whole stock of loans that sat in M7+ for months, giving rates far above 100 % that measure
 * nothing. For the one-month-wide buckets M1…M6 a loan stays put for a second month only when it
 * pays part of its arrears, which the literal aggregate tolerates (and DOMAIN.md prescribes), so
 * there the numerator is left as defined.
 *
 * <p>Balances are outstanding principal, each at its own month end. A zero denominator gives empty.
 */
public final class FlowRate {

    private FlowRate() {
    }

    /** Flow rate by balance from {@code from} (C … M6) into the next bucket. */
    public static Optional<BigDecimal> byBalance(List<LoanSnapshot> previous, List<LoanSnapshot> current, Bucket from) {
        Bucket to = next(from);
        return Ratio.of(SnapshotLists.outstanding(current, arrivedIn(to, previous, current)),
                SnapshotLists.outstanding(previous, s -> s.bucket() == from));
    }

    /** Flow rate by number of loans from {@code from} (C … M6) into the next bucket. */
    public static Optional<BigDecimal> byCount(List<LoanSnapshot> previous, List<LoanSnapshot> current, Bucket from) {
        Bucket to = next(from);
        return Ratio.of(SnapshotLists.count(current, arrivedIn(to, previous, current)),
                SnapshotLists.count(previous, s -> s.bucket() == from));
    }

    /** All seven flow rates by balance, keyed by the bucket flowed from; a rate with a zero denominator is absent. */
    public static Map<Bucket, BigDecimal> byBalance(List<LoanSnapshot> previous, List<LoanSnapshot> current) {
        Map<Bucket, BigDecimal> rates = new EnumMap<>(Bucket.class);
        for (Bucket from : Bucket.values()) {
            if (from != Bucket.M7_PLUS) {
                byBalance(previous, current, from).ifPresent(r -> rates.put(from, r));
            }
        }
        return rates;
    }

    /** All seven flow rates by count, keyed by the bucket flowed from; a rate with a zero denominator is absent. */
    public static Map<Bucket, BigDecimal> byCount(List<LoanSnapshot> previous, List<LoanSnapshot> current) {
        Map<Bucket, BigDecimal> rates = new EnumMap<>(Bucket.class);
        for (Bucket from : Bucket.values()) {
            if (from != Bucket.M7_PLUS) {
                byCount(previous, current, from).ifPresent(r -> rates.put(from, r));
            }
        }
        return rates;
    }

    private static Bucket next(Bucket from) {
        if (from == Bucket.M7_PLUS) {
            throw new IllegalArgumentException("M7+ is the last bucket: nothing flows out of it into a worse one");
        }
        // the next one in severity order (declaration order), not a stored code
        return Bucket.values()[from.ordinal() + 1];
    }

    private static Predicate<LoanSnapshot> arrivedIn(Bucket to, List<LoanSnapshot> previous, List<LoanSnapshot> current) {
        SnapshotLists.requireMonthsApart(previous, current, 1);
        SnapshotLists.byId(current, "the book at t");
        if (to != Bucket.M7_PLUS) {
            return s -> s.bucket() == to;
        }
        Map<String, LoanSnapshot> before = SnapshotLists.byId(previous, "the book at t-1");
        return s -> s.bucket() == to
                && (before.get(s.loanId()) == null || before.get(s.loanId()).bucket() != Bucket.M7_PLUS);
    }
}
