package dev.loanwatch.alert.repository;

import java.util.Map;

/** Sums over loans of a segment (measure name → value in fen or loans); a measure not present is 0. */
public record Sums(Map<String, Long> values) {
    public static final Sums NONE = new Sums(Map.of());

    public Sums {
        values = Map.copyOf(values);
    }

    public long get(String column) {
        return values.getOrDefault(column, 0L);
    }

    /** The sum of {@code prefix + k} over k = from … to (e.g. bal_b2 … bal_b7 = the M2+ balance). */
    public long range(String prefix, int from, int to) {
        long total = 0;
        for (int k = from; k <= to; k++) {
            total += get(prefix + k);
        }
        return total;
    }
}
