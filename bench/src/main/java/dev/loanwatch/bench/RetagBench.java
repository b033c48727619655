package dev.loanwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.industry.IndustryCandidate;
import dev.loanwatch.industry.IndustryClassifier;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.stack.DevTokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Part c: re-tagging every borrower ({@code POST /backfills}, as after a classifier upgrade)
 * against the floor for the same work — the same texts classified in-process by the same
 * classifier on two threads, plus one COPY of the results.
 *
 * <p>The borrowers are loaded with COPY straight into tagging-service's {@code borrower} table:
 * that table is the service's read model of the loan book's borrowers (normally filled from
 * {@code loanbook.borrowers}), and how it was filled does not matter to the re-tagging measured
 * here. The service has no labels yet, so every borrower gets its first labels: every row is
 * written to {@code borrower_tags} and every one has its {@code BorrowerTagged} event in the outbox
 * — the largest re-tag there can be.
 */
final class RetagBench {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofMinutes(90);
    /** Threads of the in-process baseline: the machine's two cores, which the service's backfill also has. */
    private static final int BASELINE_THREADS = 2;
    private static final String RECEIVED_AT = "2025-06-30 12:00:00+00";

    private final ServiceProcess service;
    private final Db db;
    private final Report report;

    RetagBench(ServiceProcess service, Db db, Report report) {
        this.service = service;
        this.db = db;
        this.report = report;
    }

    /** The loaded borrowers: ids and texts, in the order loaded, for the baseline. */
    private record Loaded(String[] ids, String[] scopes, int withoutCode, int invalidCode) {
    }

    /** Something to do at a moment of the run (read the service's memory). */
    @FunctionalInterface
    interface Moment {
        void reached(String when) throws Exception;
    }

    /** Runs part c; {@code afterRetag} is told as soon as the job is DONE (before the outbox drains and the baseline runs). */
    void run(Enterprises enterprises, int count, Moment afterRetag) throws Exception {
        Loaded book = load(enterprises, count);
        Retag retag = backfill(count);
        afterRetag.reached("right after the re-tag of part c");
        Outbox outbox = new Outbox(service, db, report, "c");
        double drain = outbox.awaitEmpty("after the re-tag");

        Baseline base = baseline(book);
        double ratio = retag.wallSeconds() / base.seconds();
        report.add("c", String.format(Locale.ROOT, "re-tag %s borrowers: POST /backfills → GET /backfills/{id} says DONE",
                        Report.count(count)),
                Report.seconds(retag.wallSeconds()) + " (server " + Report.seconds(retag.serverSeconds()) + "), "
                        + Report.rate(count / retag.wallSeconds(), "borrowers"),
                Report.seconds(base.seconds()) + " (classify on " + BASELINE_THREADS + " threads " + Report.seconds(base.classifySeconds())
                        + " + COPY " + Report.seconds(base.copySeconds()) + ")",
                Report.ratio(ratio), ImportBench.verdict(retag.processed() == count && ratio <= 2.0) + " ≤ 2.00×");
        report.add("c", "CPU used by the re-tag / by the baseline (service or benchmark process; the whole machine: "
                + "PostgreSQL, Kafka and other work included)", retag.cpu(), base.cpu(), "", "");
        report.add("c", "borrowers processed / labels changed (written to borrower_tags) / BorrowerTagged events written to the outbox",
                Report.count(retag.processed()) + " / " + Report.count(retag.changed()) + " / " + Report.count(retag.events()),
                "", "", ImportBench.verdict(retag.processed() == count && retag.changed() == count && retag.events() == count)
                        + " all " + Report.count(count) + " (first labels)");
        report.add("c", "outbox relay: events still unpublished at DONE, then until the outbox was empty",
                Report.count(retag.unpublished()) + (Double.isNaN(drain) ? ", stalled" : ", empty " + Report.seconds(drain) + " later"),
                "", "", "");
        report.note(String.format(Locale.ROOT, "c: %,d enterprise borrowers of the simulator COPYed into tagging-service's borrower "
                        + "table (its read model of loanbook.borrowers); %.1f %% without an industry code, %.1f %% with a code that is "
                        + "not GB/T 4754-2017; the relay published the events to Kafka while the re-tag ran", count,
                100.0 * book.withoutCode() / count, 100.0 * book.invalidCode() / count));
    }

    private Loaded load(Enterprises enterprises, int count) throws SQLException, IOException {
        String[] ids = new String[count];
        String[] scopes = new String[count];
        int[] withoutCode = {0};
        int[] invalidCode = {0};
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            try (PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "copy borrower (borrower_id, revision, customer_type, region_code, industry_code, business_scope, employees, "
                            + "annual_revenue_fen, total_assets_fen, received_at) from stdin with (format csv)", 1 << 16);
                 Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                AtomicInteger n = new AtomicInteger();
                enterprises.stream(count, b -> {
                    int i = n.getAndIncrement();
                    String code = Enterprises.storedCode(b, i);
                    if (code == null) {
                        withoutCode[0]++;
                    } else if (!code.equals(b.reportedIndustryCode())) {
                        invalidCode[0]++;
                    }
                    ids[i] = b.id();
                    scopes[i] = b.businessScope();
                    try {
                        w.write(row(b, code));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if ((i + 1) % 200_000 == 0) {
                        Log.info("c: %,d borrowers loaded", i + 1);
                    }
                });
            }
            double copy = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // as autovacuum would after a bulk load; the backfill reads the table in key order
                s.execute("vacuum analyze borrower");
            }
            report.add("c", "setup: " + Report.count(count) + " borrowers generated and COPYed into borrower, then VACUUM ANALYZE",
                    Report.seconds(copy) + " + " + Report.seconds((System.nanoTime() - t1) / 1e9), "", "", "");
        }
        return new Loaded(ids, scopes, withoutCode[0], invalidCode[0]);
    }

    private static String row(SimBorrower b, String code) {
        return b.id() + ",1,ENTERPRISE," + b.regionCode() + "," + (code == null ? "" : code) + ","
                + "\"" + b.businessScope().replace("\"", "\"\"") + "\"," + b.employees() + ","
                + b.annualRevenue().movePointRight(2).longValueExact() + "," + b.totalAssets().movePointRight(2).longValueExact()
                + "," + RECEIVED_AT + "\n";
    }

    private record Retag(double wallSeconds, double serverSeconds, long processed, long changed, long events, long unpublished,
                         String cpu) {
    }

    private Retag backfill(int count) throws Exception {
        String token = DevTokens.mint("bench", List.of("admin"), Duration.ofHours(3));
        long eventsBefore = outboxSequence();
        checkpoint();
        Cpu.Snapshot cpu0 = Cpu.now(service.pid());
        long t0 = System.nanoTime();
        JsonNode job = service.http.postJson("/backfills", "{\"reason\":\"benchmark: re-tag " + count + " borrowers\"}",
                Duration.ofSeconds(60), token).expect(202).json();
        String id = job.path("id").asText();
        Log.info("c: backfill %s accepted (%s)", id, job.path("state").asText());
        long lastProcessed = -1;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (true) {
            JsonNode view = service.http.get("/backfills/" + id, Duration.ofSeconds(30)).expect(200).json();
            JsonNode j = view.path("job");
            String state = j.path("state").asText();
            long processed = j.path("processed").asLong();
            if ("DONE".equals(state)) {
                double wall = (System.nanoTime() - t0) / 1e9;
                double server = ImportBench.seconds(j.get("startedAt"), j.get("finishedAt"));
                long events = outboxSequence() - eventsBefore;
                long unpublished = db.scalar("select count(*) from outbox");
                Log.info("c: backfill %s DONE: %,d processed, %,d changed in %.2f s (server %.2f s); %,d events written to "
                                + "the outbox, %,d not yet published", id, processed, j.path("changed").asLong(), wall, server, events,
                        unpublished);
                return new Retag(wall, server, processed, j.path("changed").asLong(), events, unpublished,
                        Cpu.between("service", cpu0, Cpu.now(service.pid())));
            }
            if (processed != lastProcessed) {
                lastProcessed = processed;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                throw new IllegalStateException("backfill " + id + " made no progress for " + STALL.toMinutes() + " minutes ("
                        + state + ", " + processed + " processed); see " + service.log);
            }
            if (System.nanoTime() - t0 > TIMEOUT.toNanos()) {
                throw new IllegalStateException("backfill " + id + " not done after " + TIMEOUT.toMinutes() + " minutes");
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = System.nanoTime();
                double s = (lastPrint - t0) / 1e9;
                Log.info("c: backfill %s %s: %,d of %,d processed (progress %.1f %%), %,d changed, after %.0f s: %,.0f borrowers/s",
                        id, state, processed, j.path("total").asLong(), 100 * view.path("progress").asDouble(),
                        j.path("changed").asLong(), s, processed / s);
            }
            service.checkAlive();
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Rows ever written to the outbox (its id sequence), whether or not the relay has published and deleted them. */
    private long outboxSequence() throws SQLException {
        return db.scalar("select case when is_called then last_value else 0 end from outbox_id_seq");
    }

    /** Flushes what the COPY left dirty, so the timed work that follows does not pay for the load's checkpoint. */
    private void checkpoint() {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
        } catch (SQLException e) {
            Log.info("c: CHECKPOINT not allowed (%s); going on without", e.getMessage());
        }
    }

    private record Baseline(double classifySeconds, double copySeconds, String cpu) {
        double seconds() {
            return classifySeconds + copySeconds;
        }
    }

    /**
     * The same texts through {@code IndustryClassifier.standard()} in this JVM on two threads (the
     * classifier loaded and warmed up first, as the service's is), then one COPY of borrower id,
     * division and confidence per borrower into a scratch table.
     */
    private Baseline baseline(Loaded book) throws Exception {
        int n = book.ids().length;
        long t0 = System.nanoTime();
        IndustryClassifier classifier = IndustryClassifier.standard();
        for (int i = 0; i < Math.min(n, 20_000); i++) {
            classifier.classify(book.scopes()[i]);
        }
        Log.info("c: baseline: classifier loaded and warmed up in %s", Log.secs(System.nanoTime() - t0));
        String[] division = new String[n];
        double[] confidence = new double[n];
        checkpoint();

        Cpu.Snapshot cpu0 = Cpu.now(ProcessHandle.current().pid());
        long t1 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        int chunk = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(BASELINE_THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < BASELINE_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
                        for (int i = from; i < Math.min(n, from + chunk); i++) {
                            Optional<IndustryCandidate> best = classifier.classify(book.scopes()[i]).best();
                            division[i] = best.map(IndustryCandidate::division).orElse(null);
                            confidence[i] = best.map(IndustryCandidate::confidence).orElse(Double.NaN);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        double classify = (System.nanoTime() - t1) / 1e9;
        Log.info("c: baseline: %,d texts classified on %d threads in %.2f s", n, BASELINE_THREADS, classify);

        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_classified (borrower_id text, division text, confidence double precision)");
            }
            long t2 = System.nanoTime();
            try (PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "copy bench_classified (borrower_id, division, confidence) from stdin with (format csv)", 1 << 16);
                 Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                for (int i = 0; i < n; i++) {
                    w.write(book.ids()[i] + "," + (division[i] == null ? "" : division[i]) + ","
                            + (Double.isNaN(confidence[i]) ? "" : Double.toString(confidence[i])) + "\n");
                }
            }
            double copy = (System.nanoTime() - t2) / 1e9;
            Log.info("c: baseline: COPY of %,d results in %.2f s", n, copy);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_classified");
            }
            return new Baseline(classify, copy, Cpu.between("benchmark JVM", cpu0, Cpu.now(ProcessHandle.current().pid())));
        }
    }
}
