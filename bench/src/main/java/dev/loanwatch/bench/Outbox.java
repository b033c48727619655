package dev.loanwatch.bench;

import java.time.Duration;

/** Waits for the service's outbox relay to publish everything in the outbox table. */
final class Outbox {
    /** The relay counts as stuck when the outbox has not shrunk for this long. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ServiceProcess service;
    private final Db db;
    private final Report report;
    private boolean stalled;

    Outbox(ServiceProcess service, Db db, Report report) {
        this.service = service;
        this.db = db;
        this.report = report;
    }

    /**
     * Seconds until the outbox is empty; NaN when the relay stopped making progress (then the
     * later waits are skipped: the other parts are still worth measuring without it).
     */
    double awaitEmpty(String when) throws Exception {
        if (stalled) {
            return Double.NaN;
        }
        long t0 = System.nanoTime();
        long lastPrint = t0;
        long left = db.scalar("select count(*) from outbox");
        long initial = left;
        long lastLeft = left;
        long lastProgress = t0;
        while (left > 0) {
            if (System.nanoTime() - t0 > TIMEOUT.toNanos()) {
                throw new IllegalStateException("the outbox still holds " + left + " events " + TIMEOUT.toMinutes()
                        + " minutes " + when + "; see " + service.log);
            }
            service.checkAlive();
            Thread.sleep(500);
            left = db.scalar("select count(*) from outbox");
            if (left < lastLeft) {
                lastLeft = left;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                stalled = true;
                report.note("d: the outbox relay published nothing for " + STALL.toSeconds() + " s " + when + " ("
                        + left + " events waiting); the rest is measured without waiting for it. See the relay's"
                        + " warnings in " + service.log);
                return Double.NaN;
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = System.nanoTime();
                Log.info("d: outbox %s: %,d events left after %s", when, left, Log.secs(System.nanoTime() - t0));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Log.info("d: outbox empty %s after %.2f s (%,d events were waiting when the wait began)", when, seconds, initial);
        return seconds;
    }
}
