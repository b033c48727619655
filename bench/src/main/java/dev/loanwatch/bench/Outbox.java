package dev.loanwatch.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits for the service's outbox relay to publish everything in the outbox table: one row per
 * status change, one row per month-end snapshot (streamed by the relay from month_end_snapshot).
 */
final class Outbox {
    /** The relay counts as stuck when the outbox has not shrunk for this long. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ServiceProcess service;
    private final Db db;
    private final Report report;
    /** The part of the report the waits belong to, for log lines and notes. */
    private final String part;
    private boolean stalled;

    Outbox(ServiceProcess service, Db db, Report report) {
        this(service, db, report, "d");
    }

    Outbox(ServiceProcess service, Db db, Report report, String part) {
        this.service = service;
        this.db = db;
        this.report = report;
        this.part = part;
    }

    /**
     * What the outbox holds: its rows, and how far the relay has streamed the month-end snapshots
     * among them (a snapshot is ONE row whose cursor, the last loan published, advances batch by
     * batch; the row is deleted once its last loan is published).
     */
    private record State(long rows, String snapshotCursor) {
    }

    private State state() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), coalesce(string_agg(cursor, ',' order by id) "
                     + "filter (where cursor is not null), '') from outbox")) {
            rs.next();
            return new State(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * Seconds until the outbox is empty, i.e. the relay has published everything, every loan of a
     * month-end snapshot included; NaN when the relay stopped making progress (then the later
     * waits are skipped: the other parts are still worth measuring without it). Progress is a
     * row fewer or a snapshot cursor that moved.
     */
    double awaitEmpty(String when) throws Exception {
        if (stalled) {
            return Double.NaN;
        }
        long t0 = System.nanoTime();
        long lastPrint = t0;
        State now = state();
        long initial = now.rows();
        State last = now;
        long lastProgress = t0;
        while (now.rows() > 0) {
            if (System.nanoTime() - t0 > TIMEOUT.toNanos()) {
                throw new IllegalStateException("the outbox still holds " + now.rows() + " rows " + TIMEOUT.toMinutes()
                        + " minutes " + when + "; see " + service.log);
            }
            service.checkAlive();
            Thread.sleep(500);
            now = state();
            if (now.rows() < last.rows() || !now.snapshotCursor().equals(last.snapshotCursor())) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                stalled = true;
                report.note(part + ": the outbox relay published nothing for " + STALL.toSeconds() + " s " + when + " ("
                        + now.rows() + " outbox rows waiting" + (now.snapshotCursor().isEmpty() ? ""
                        : ", snapshot published up to loan " + now.snapshotCursor()) + "); the rest is measured without "
                        + "waiting for it. See the relay's warnings in " + service.log);
                return Double.NaN;
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = System.nanoTime();
                Log.info("%s: outbox %s: %,d rows left%s after %s", part, when, now.rows(),
                        now.snapshotCursor().isEmpty() ? "" : " (snapshot published up to loan " + now.snapshotCursor() + ")",
                        Log.secs(System.nanoTime() - t0));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Log.info("%s: outbox empty %s after %.2f s (%,d rows were waiting when the wait began)", part, when, seconds, initial);
        return seconds;
    }
}
