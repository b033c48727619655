package dev.loanwatch.ingestion.service;

import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.error.RejectedException;
/**
 * What became of one record of a chunk: stored now ({@code created}), recognised as a replay of
 * the same content (not stored again, answered the same way), or rejected with a reason.
 */
public record Outcome<T>(T value, boolean created, Rejection rejection) {

    public static <T> Outcome<T> created(T value) {
        return new Outcome<>(value, true, null);
    }

    public static <T> Outcome<T> replayed(T value) {
        return new Outcome<>(value, false, null);
    }

    public static <T> Outcome<T> rejected(Rejection r) {
        return new Outcome<>(null, false, r);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** For single-record REST calls: the value, or the rejection as an exception. */
    public T orThrow() {
        if (rejection != null) {
            throw new RejectedException(rejection);
        }
        return value;
    }
}
