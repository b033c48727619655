package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The one way portfolio ratios are divided: a plain fraction (0.0125 means 1.25 %), 6 decimals,
 * HALF_UP. Six decimals keep a hundredth of a basis point, which is finer than any report prints,
 * while staying exact enough to compare against hand-computed figures.
 *
 * <p>A zero denominator gives an empty result rather than an exception or a zero: "no loans in M1
 * last month" is not a flow rate of 0 %, it is no flow rate at all, and a report must be able to
 * print it as such.
 */
public final class Ratio {

    public static final int SCALE = 6;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Ratio() {
    }

    /** numerator / denominator at {@link #SCALE}; empty when the denominator is zero. */
    public static Optional<BigDecimal> of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, SCALE, ROUNDING));
    }

    /** Count version of {@link #of(BigDecimal, BigDecimal)}. */
    public static Optional<BigDecimal> of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }
}
