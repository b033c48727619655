package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Concentration (DOMAIN.md §4): each segment's share of an amount (balance, NPL balance) within one
 * dimension (industry, region …) and the Herfindahl index H = Σ shareᵢ².
 *
 * <p>H runs from 1/n (n equal segments) to 1 (everything in one segment). It is computed exactly as
 * Σ amountᵢ² / (Σ amountᵢ)² and rounded once at {@link Ratio#SCALE}, so it is not the sum of the
 * rounded shares. Amounts must not be negative; a zero total gives empty (no money, no
 * concentration — not 0).
 */
public final class Concentration {

    private Concentration() {
    }

    /** One segment's amount and its share of the dimension's total. */
    public record Share(String segment, BigDecimal amount, BigDecimal share) {
    }

    /** Shares, largest amount first (ties by segment name); empty when the total is zero. */
    public static Optional<List<Share>> shares(Map<String, BigDecimal> amounts) {
        BigDecimal total = total(amounts);
        if (total.signum() == 0) {
            return Optional.empty();
        }
        List<Share> shares = new ArrayList<>();
        amounts.forEach((segment, amount) -> shares.add(new Share(segment, amount, Ratio.of(amount, total).orElseThrow())));
        shares.sort(Comparator.comparing(Share::amount).reversed().thenComparing(Share::segment));
        return Optional.of(List.copyOf(shares));
    }

    /** The Herfindahl index of the amounts; empty when the total is zero. */
    public static Optional<BigDecimal> herfindahl(Map<String, BigDecimal> amounts) {
        BigDecimal total = total(amounts);
        BigDecimal squares = amounts.values().stream().map(a -> a.multiply(a)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Ratio.of(squares, total.multiply(total));
    }

    private static BigDecimal total(Map<String, BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : amounts.entrySet()) {
            if (e.getValue().signum() < 0) {
                throw new IllegalArgumentException("segment " + e.getKey() + " has a negative amount " + e.getValue());
            }
            total = total.add(e.getValue());
        }
        return total;
    }
}
