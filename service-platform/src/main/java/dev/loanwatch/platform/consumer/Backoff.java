package dev.loanwatch.platform.consumer;

import java.time.Duration;

/**
 * Exponential back-off for retrying a failure that may pass: the pause starts at {@code initial}
 * and doubles after each one, up to {@code max}. One instance per retry loop (it counts).
 */
public final class Backoff {
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration initial, Duration max) {
        this.nextMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The pause the next {@link #pause()} will take. */
    public long nextMillis() {
        return nextMillis;
    }

    /** Sleeps the current pause and doubles the next. */
    public void pause() throws InterruptedException {
        Thread.sleep(nextMillis);
        nextMillis = Math.min(nextMillis * 2, maxMillis);
    }
}
