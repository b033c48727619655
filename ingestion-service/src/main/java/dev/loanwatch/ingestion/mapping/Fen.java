package dev.loanwatch.ingestion.mapping;

import java.math.BigDecimal;

/** Events carry money as integer fen (docs/architecture.md); amounts here always have ≤ 2 decimals. */
public final class Fen {
    private Fen() {
    }

    public static long of(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
