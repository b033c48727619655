package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * PD from the book itself (DOMAIN.md §4), for when no model score is available: the month-to-month
 * roll-rate matrices are pooled (counts), read as a Markov chain over C, M1, M2, M3 with two
 * absorbing states — DEFAULT (M4 or worse, or written off) and SETTLED (left the book without loss)
 * — and raised to the horizon in months; PD(bucket, h) is the probability of being in DEFAULT after
 * h steps.
 *
 * <p>A loan already in M4 or worse has defaulted: PD 1. When any of the rows C … M3 is empty in the
 * pooled matrix (a segment too small to have seen that bucket), the chain is not known and every PD
 * is empty rather than a guess. Computed in {@link MathContext#DECIMAL64}, reported at
 * {@link Ratio#SCALE} decimals.
 */
public final class BookPd {
    private static final MathContext CALC = MathContext.DECIMAL64;
    private static final Bucket[] LIVE = {Bucket.C, Bucket.M1, Bucket.M2, Bucket.M3};
    private static final int DEFAULT = 4;
    private static final int SETTLED = 5;
    private static final int STATES = 6;

    private final BigDecimal[][] step;

    private BookPd(BigDecimal[][] step) {
        this.step = step;
    }

    /** The chain of the pooled matrices; empty when a row C … M3 has no loans. */
    public static Optional<BookPd> of(List<RollRateMatrix> matrices) {
        long[][] counts = new long[STATES][STATES];
        for (RollRateMatrix m : matrices) {
            for (int from = 0; from < LIVE.length; from++) {
                for (RollRateMatrix.Column to : RollRateMatrix.Column.values()) {
                    counts[from][state(to)] += m.cell(LIVE[from], to).count();
                }
            }
        }
        BigDecimal[][] p = zero();
        for (int from = 0; from < LIVE.length; from++) {
            long total = 0;
            for (long c : counts[from]) {
                total += c;
            }
            if (total == 0) {
                return Optional.empty();
            }
            for (int to = 0; to < STATES; to++) {
                p[from][to] = BigDecimal.valueOf(counts[from][to]).divide(BigDecimal.valueOf(total), CALC);
            }
        }
        p[DEFAULT][DEFAULT] = BigDecimal.ONE;
        p[SETTLED][SETTLED] = BigDecimal.ONE;
        return Optional.of(new BookPd(p));
    }

    /** The probability that a loan now in {@code bucket} is in default {@code months} month ends from now. */
    public BigDecimal pd(Bucket bucket, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months cannot be negative: " + months);
        }
        if (bucket.compareTo(Bucket.M4) >= 0) {
            return BigDecimal.ONE.setScale(Ratio.SCALE);
        }
        BigDecimal[][] power = power(step, months);
        return power[bucket.ordinal()][DEFAULT].setScale(Ratio.SCALE, Ratio.ROUNDING);
    }

    private static int state(RollRateMatrix.Column to) {
        return switch (to) {
            case C -> 0;
            case M1 -> 1;
            case M2 -> 2;
            case M3 -> 3;
            case M4, M5, M6, M7_PLUS, WRITTEN_OFF -> DEFAULT;
            case SETTLED -> SETTLED;
        };
    }

    private static BigDecimal[][] power(BigDecimal[][] m, int n) {
        BigDecimal[][] result = identity();
        BigDecimal[][] base = m;
        for (int e = n; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
        }
        return result;
    }

    private static BigDecimal[][] multiply(BigDecimal[][] a, BigDecimal[][] b) {
        BigDecimal[][] c = zero();
        for (int i = 0; i < STATES; i++) {
            for (int k = 0; k < STATES; k++) {
                if (a[i][k].signum() == 0) {
                    continue;
                }
                for (int j = 0; j < STATES; j++) {
                    c[i][j] = c[i][j].add(a[i][k].multiply(b[k][j], CALC), CALC);
                }
            }
        }
        return c;
    }

    private static BigDecimal[][] zero() {
        BigDecimal[][] z = new BigDecimal[STATES][STATES];
        for (BigDecimal[] row : z) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        return z;
    }

    private static BigDecimal[][] identity() {
        BigDecimal[][] id = zero();
        for (int i = 0; i < STATES; i++) {
            id[i][i] = BigDecimal.ONE;
        }
        return id;
    }
}
