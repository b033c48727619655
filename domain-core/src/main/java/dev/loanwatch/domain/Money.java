package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money conventions of the domain: amounts in yuan with scale 2 (fen), rounded HALF_UP.
 * Intermediate results (rates, annuity factors) are carried in {@link #CALC} so that the only
 * rounding that matters is the final one to the fen.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** 34 significant digits: far beyond the fen for any realistic principal and term. */
    public static final MathContext CALC = MathContext.DECIMAL128;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** Rounds to the fen, HALF_UP. */
    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /**
     * Brings an amount that is already a whole number of fen to scale 2; refuses to round,
     * because a stored amount with more decimals is a data error, not something to fix silently.
     */
    public static BigDecimal exact(BigDecimal amount, String what) {
        if (amount == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (!hasAtMostTwoDecimals(amount)) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " has more than 2 decimals");
        }
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** 1.2300 counts as two decimals: trailing zeros carry no fen. */
    public static boolean hasAtMostTwoDecimals(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }

    static BigDecimal nonNegative(BigDecimal amount, String what) {
        BigDecimal exact = exact(amount, what);
        if (exact.signum() < 0) {
            throw new IllegalArgumentException(what + " " + exact.toPlainString() + " is negative");
        }
        return exact;
    }
}
