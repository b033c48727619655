package dev.loanwatch.alert.model;

import java.math.BigDecimal;
import java.util.Optional;

/** How figures appear in answers: yuan from fen, ratios or "n/a". */
public final class Figures {
    /** A ratio whose denominator was zero. */
    public static final String NOT_AVAILABLE = "n/a";

    private Figures() {
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static Object rate(Optional<BigDecimal> ratio) {
        return ratio.isPresent() ? ratio.get() : NOT_AVAILABLE;
    }
}
