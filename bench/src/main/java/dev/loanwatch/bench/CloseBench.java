package dev.loanwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Parts c and d: the daily close over a large book, against a plain UPDATE of the same loans,
 * and the outbox relay publishing what the closes produced.
 */
final class CloseBench {
    /** First close, the next day (steady state), and the month end (snapshot of every open loan). */
    static final LocalDate FIRST = LocalDate.of(2025, 7, 29);
    static final LocalDate NEXT = FIRST.plusDays(1);
    static final LocalDate MONTH_END = LocalDate.of(2025, 7, 31);
    /** Loans generated per statement, so that the load reports progress. */
    private static final int LOAD_CHUNK = 100_000;

    private final ServiceProcess service;
    private final Db db;
    private final Report report;
    private final Outbox outbox;

    CloseBench(ServiceProcess service, Db db, Report report, Outbox outbox) {
        this.service = service;
        this.db = db;
        this.report = report;
        this.outbox = outbox;
    }

    void run(long openLoans, boolean drainToo) throws Exception {
        load(openLoans, report);
        outbox.awaitEmpty("before the closes");

        double baseline = updateBaseline(report);

        Close first = close(FIRST);
        report(report, "first close (an event for each loan whose status is not C/NORMAL)", first, baseline);
        Drain d1 = drain(first);

        Close next = close(NEXT);
        report(report, "next day (steady state: only changes)", next, baseline);
        Drain d2 = drain(next);

        Close monthEnd = close(MONTH_END);
        report(report, "month end (changes + snapshot of every open loan as one outbox row)", monthEnd, baseline);
        Drain d3 = drain(monthEnd);

        if (drainToo) {
            report(report, "after the first close", first, d1);
            report(report, "after the next day", next, d2);
            report(report, "after the month end", monthEnd, d3);
        }
    }

    record Close(LocalDate date, int openLoans, int statusChanges, int snapshotRows, long serverMillis, double httpSeconds) {
        long events() {
            return (long) statusChanges + snapshotRows;
        }
    }

    record Drain(long events, double seconds) {
    }

    /**
     * Tops the book up to {@code target} open loans with SQL: borrowers, loans and their
     * installments (equal principal, monthly, 12–36 months, disbursed Aug 2024 – Jul 2025) with
     * every installment due before the first close paid in full, except on every 20th loan,
     * whose installments of the last 30–180 days before the close are left unpaid (delinquent,
     * DPD spread over the buckets M1–M6). Only the loading is shortcut; the close is the service's.
     */
    private void load(long target, Report report) throws SQLException {
        long existing = db.scalar("select count(*) from loan where state = 'OPEN'");
        long n = Math.max(0, target - existing);
        Log.info("c: %,d open loans exist; generating %,d more with SQL", existing, n);
        long t0 = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            boolean fkOff = false;
            try {
                // the generated rows reference each other correctly by construction; per-row foreign-key
                // triggers would only make the (unmeasured) load take several times longer
                s.execute("set session_replication_role = replica");
                fkOff = true;
            } catch (SQLException e) {
                Log.info("c: cannot skip foreign-key triggers while loading (%s); loading with them", e.getMessage());
            }
            String cutoff = "date '" + FIRST + "'";
            s.execute("create temp table cl_params as select g, "
                    + "'CL' || lpad(g::text, 8, '0') id, "
                    + "'CB' || lpad(((g - 1) / 4 + 1)::text, 8, '0') borrower_id, "
                    // a multiplicative hash spreads neighbouring loans over the 353 disbursement days
                    + "date '2024-08-01' + ((g * 7919) % 353)::int disb, "
                    + "(10000 + (g % 91) * 1000)::numeric(18, 2) principal, "
                    + "(0.0435 + (g % 12) * 0.01)::numeric(9, 6) rate, "
                    + "(12 + (g * 31) % 25)::int term, "
                    + "case when g % 20 = 0 then " + cutoff + " - (30 + ((g / 20) * 7) % 150)::int else " + cutoff + " end cutoff "
                    + "from generate_series(1::bigint, " + n + ") g");
            s.execute("create index on cl_params (g)");
            s.execute("analyze cl_params");
            long borrowers = (n + 3) / 4;
            s.executeUpdate("insert into borrower (id, type, name, identity_hash, identity_masked, region_code, revision, content_hash) "
                    + "select 'CB' || lpad(g::text, 8, '0'), case when g % 2 = 0 then 'ENTERPRISE' else 'INDIVIDUAL' end, "
                    + "'Close Bench ' || g, md5('identity' || g), '1101**********' || lpad((g % 10000)::text, 4, '0'), "
                    + "(array['110105', '310104', '440305'])[1 + g % 3], 1, md5('borrower' || g) "
                    + "from generate_series(1, " + borrowers + ") g");
            long installments = 0;
            for (long from = 1; from <= n; from += LOAD_CHUNK) {
                long to = Math.min(n, from + LOAD_CHUNK - 1);
                String range = " where g between " + from + " and " + to;
                s.executeUpdate("insert into loan (id, borrower_id, product, channel, disbursement_date, principal, annual_rate, "
                        + "term_months, method, due_day, schedule_supplied, outstanding_principal, content_hash) "
                        + "select id, borrower_id, case when g % 10 = 0 then 'credit-card' when g % 2 = 1 then 'sme-working-capital' "
                        + "else 'consumer-credit' end, (array['app', 'branch', 'partner'])[1 + g % 3], disb, principal, rate, "
                        + "term, 'EQUAL_PRINCIPAL', extract(day from disb)::smallint, false, "
                        // the principal of the installments paid before the cut-off is no longer outstanding
                        + "principal - round(principal / term, 2) * (select count(*) from generate_series(1, term) k "
                        + "where (disb + k * interval '1 month')::date < cutoff), md5(id) from cl_params" + range);
                installments += s.executeUpdate("insert into installment (loan_id, number, due_date, principal_due, "
                        + "interest_due, principal_paid, interest_paid, valid_from) "
                        + "select id, k, due, pd, idue, case when due < cutoff then pd else 0 end, "
                        + "case when due < cutoff then idue else 0 end, disb from ("
                        + "select p.id, k, (p.disb + k * interval '1 month')::date due, p.cutoff, p.disb, "
                        + "case when k < p.term then round(p.principal / p.term, 2) "
                        + "else p.principal - round(p.principal / p.term, 2) * (p.term - 1) end pd, "
                        + "round((p.principal - round(p.principal / p.term, 2) * (k - 1)) * p.rate / 12, 2) idue "
                        + "from cl_params p cross join lateral generate_series(1, p.term) k" + range.replace(" g ", " p.g ")
                        + ") x");
                Log.info("c: %,d of %,d loans generated (%,d installments) after %s", to, n, installments,
                        Log.secs(System.nanoTime() - t0));
            }
            if (fkOff) {
                s.execute("set session_replication_role = origin");
            }
            s.execute("drop table cl_params");
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long v0 = System.nanoTime();
            // as after any bulk load (autovacuum would do it soon after): statistics for the planner
            // and a visibility map, so the close is not measured against a table no one has looked at
            s.execute("vacuum analyze borrower, loan, installment");
            double vacuumSeconds = (System.nanoTime() - v0) / 1e9;
            long open = Db.scalar(c, "select count(*) from loan where state = 'OPEN'");
            long delinquent = Db.scalar(c, "select count(distinct loan_id) from installment where due_date < date '" + FIRST
                    + "' and not settled and superseded_on is null");
            report.add("c", "setup: " + Report.count(n) + " loans + " + Report.count(installments)
                            + " installments by SQL, then VACUUM ANALYZE", Report.seconds(loadSeconds) + " + "
                            + Report.seconds(vacuumSeconds), "", "",
                    Report.count(open) + " open loans, " + Report.count(delinquent) + " with installments past due on " + FIRST);
        }
    }

    /**
     * The floor for touching every open loan once in this database: one UPDATE of all of them,
     * committed, in its own transaction. Vacuumed afterwards so the close does not pay for its
     * dead rows.
     */
    private double updateBaseline(Report report) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            int rows;
            try (Statement s = c.createStatement()) {
                rows = s.executeUpdate("update loan set dpd = dpd + 0 where state = 'OPEN'");
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum loan");
            }
            Log.info("c: baseline UPDATE of %,d open loans in %.2f s", rows, seconds);
            report.add("c", "baseline: UPDATE loan SET dpd = dpd + 0 WHERE state = 'OPEN' (" + Report.count(rows) + " rows, committed)",
                    "", Report.seconds(seconds), "", "");
            return seconds;
        }
    }

    private Close close(LocalDate date) throws Exception {
        Log.info("c: POST /closes %s", date);
        long t0 = System.nanoTime();
        Http.Reply r = service.http.postJson("/closes", "{\"businessDate\":\"" + date + "\"}", Duration.ofMinutes(30));
        double http = (System.nanoTime() - t0) / 1e9;
        service.checkAlive();
        r.expect(201);
        JsonNode j = r.json();
        Close close = new Close(date, j.path("openLoans").asInt(), j.path("statusChanges").asInt(), j.path("snapshotRows").asInt(),
                j.path("millis").asLong(), http);
        Log.info("c: closed %s in %d ms (server), %.2f s (HTTP): %,d open loans, %,d status changes, %,d snapshot rows",
                date, close.serverMillis(), http, close.openLoans(), close.statusChanges(), close.snapshotRows());
        return close;
    }

    private static void report(Report report, String what, Close c, double baseline) {
        boolean ok = c.httpSeconds() <= 60 && c.httpSeconds() <= 3 * baseline;
        report.add("c", "close " + c.date() + ", " + what + ": " + Report.count(c.openLoans()) + " open loans, "
                        + Report.count(c.statusChanges()) + " changes, " + Report.count(c.snapshotRows()) + " snapshot rows",
                Report.seconds(c.httpSeconds()) + " (HTTP), " + Report.seconds(c.serverMillis() / 1000.0) + " (millis)",
                Report.seconds(baseline), Report.ratio(c.httpSeconds() / baseline),
                ImportBench.verdict(ok) + " ≤ 60 s and ≤ 3.00×");
    }

    private static void report(Report report, String what, Close c, Drain d) {
        report.add("d", "outbox relay published " + Report.count(d.events()) + " events " + what
                        + (c.snapshotRows() > 0 ? " (" + Report.count(c.statusChanges()) + " changes + "
                        + Report.count(c.snapshotRows()) + " snapshot loans)" : ""),
                Double.isNaN(d.seconds()) ? "not measured (relay stalled)"
                        : Report.events(d.events() / d.seconds()) + " (" + Report.seconds(d.seconds()) + ")", "", "", "");
    }

    /**
     * From the close's answer (its commit) until the relay has published and deleted every outbox
     * row: the status changes one row each, a month-end snapshot one row that is deleted when its
     * last loan is published. The events are the changes plus the snapshot's loans.
     */
    private Drain drain(Close c) throws Exception {
        return new Drain(c.events(), outbox.awaitEmpty("after the close of " + c.date()));
    }

}
