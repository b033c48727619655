package dev.loanwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.postgresql.PGConnection;

/** Part a: batch import through POST /imports/{type}, against COPY of the same rows. */
final class ImportBench {
    /** What a finished import job said, and how long the client saw it take. */
    record Job(String id, String state, long rowsRead, long rowsAccepted, long rowsRejected, Double rowsPerSecond,
               double serverSeconds, double wallSeconds, double uploadSeconds, String error) {
    }

    private final ServiceProcess service;
    private final Db db;
    private final Path dataDir;

    ImportBench(ServiceProcess service, Db db, Path dataDir) {
        this.service = service;
        this.db = db;
        this.dataDir = dataDir;
    }

    /** Borrowers and loans of the book through the import API (parts a and b pay on these loans). */
    void loadBook(Book book, Report report) throws Exception {
        Path borrowers = dataDir.resolve("borrowers.csv");
        Path loans = dataDir.resolve("loans.csv");
        book.writeBorrowers(borrowers);
        book.writeLoans(loans);
        Job b = importFile("borrowers", borrowers);
        requireClean(b, "borrowers");
        report.add("a", "import " + Report.count(b.rowsRead()) + " borrowers (setup)", Report.rate(b.rowsRead() / b.serverSeconds()),
                "", "", "");
        Job l = importFile("loans", loans);
        requireClean(l, "loans");
        report.add("a", "import " + Report.count(l.rowsRead()) + " loans with their schedules (setup)",
                Report.rate(l.rowsRead() / l.serverSeconds()), "", "", "");
    }

    void run(Book book, long count, Report report) throws Exception {
        Path payments = dataDir.resolve("payments.csv");
        long t0 = System.nanoTime();
        book.writePayments(payments, count);
        Log.info("a: wrote %,d payments to %s (%,d MB) in %s", count, payments, Files.size(payments) >> 20,
                Log.secs(System.nanoTime() - t0));

        long before = db.scalar("select count(*) from payment");
        Job job = importFile("payments", payments);
        long stored = db.scalar("select count(*) from payment") - before;
        double serverRate = job.rowsRead() / job.serverSeconds();
        double wallRate = job.rowsRead() / job.wallSeconds();

        double copySeconds = copyBaseline(payments, count);
        double copyRate = count / copySeconds;

        report.add("a", "batch import of " + Report.count(job.rowsRead()) + " payments: rows / (finishedAt − startedAt)",
                Report.rate(serverRate), Report.rate(copyRate) + " (COPY)", Report.ratio(serverRate / copyRate),
                verdict(serverRate >= 10_000) + " ≥ 10,000 rows/s");
        report.add("a", "same import, wall clock from upload start (upload " + Report.seconds(job.uploadSeconds()) + ")",
                Report.rate(wallRate) + " (" + Report.seconds(job.wallSeconds()) + ")",
                Report.seconds(copySeconds), Report.ratio(wallRate / copyRate), verdict(wallRate >= 10_000) + " ≥ 10,000 rows/s");
        report.add("a", "rows rejected / rows stored", Report.count(job.rowsRejected()) + " / " + Report.count(stored),
                "", "", verdict(job.rowsRejected() == 0 && stored == count) + " 0 / " + Report.count(count));
        if (job.rowsRejected() > 0) {
            Http.Reply r = service.http.get("/imports/" + job.id() + "/rejections?limit=5", Duration.ofSeconds(30));
            report.note("a: first rejections of import " + job.id() + ": " + r.body());
        }
    }

    static String verdict(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    private static void requireClean(Job job, String what) {
        if (!"COMPLETED".equals(job.state()) || job.rowsRejected() > 0) {
            throw new IllegalStateException("the " + what + " import ended " + job.state() + " with " + job.rowsRejected()
                    + " rejected rows (error: " + job.error() + "); see GET /imports/" + job.id() + "/rejections");
        }
    }

    /** Uploads the file and follows the job until it is COMPLETED or FAILED. */
    Job importFile(String type, Path file) throws Exception {
        long t0 = System.nanoTime();
        Http.Reply submitted = service.http.postFile("/imports/" + type + "?fileName=" + file.getFileName(), "text/csv", file,
                Duration.ofMinutes(30)).expect(202);
        double upload = (System.nanoTime() - t0) / 1e9;
        String id = submitted.json().get("id").asText();
        Log.info("a: %s import %s accepted after an upload of %s", type, id, Log.secs(System.nanoTime() - t0));
        long lastRows = -1;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (true) {
            JsonNode j = service.http.get("/imports/" + id, Duration.ofSeconds(30)).expect(200).json();
            String state = j.path("state").asText();
            long rows = j.path("rowsRead").asLong();
            if ("COMPLETED".equals(state) || "FAILED".equals(state)) {
                double wall = (System.nanoTime() - t0) / 1e9;
                double server = seconds(j.get("startedAt"), j.get("finishedAt"));
                Job job = new Job(id, state, rows, j.path("rowsAccepted").asLong(), j.path("rowsRejected").asLong(),
                        j.hasNonNull("rowsPerSecond") ? j.get("rowsPerSecond").asDouble() : null, server, wall, upload,
                        j.path("error").isNull() ? null : j.path("error").asText());
                Log.info("a: %s import %s %s: %,d rows read, %,d accepted, %,d rejected in %.2f s (server), %.2f s (wall); "
                                + "the job reports %s rows/s", type, id, state, job.rowsRead(), job.rowsAccepted(),
                        job.rowsRejected(), server, wall, job.rowsPerSecond());
                return job;
            }
            if (rows != lastRows) {
                lastRows = rows;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException("import " + id + " made no progress for 5 minutes (state " + state
                        + ", " + rows + " rows read); see " + service.log);
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = System.nanoTime();
                Log.info("a: %s import %s %s, %,d rows read (%s %%)", type, id, state, rows, j.path("percent").asText());
            }
            service.checkAlive();
            Thread.sleep(250);
        }
    }

    /** The job's timestamps as the service recorded them (ISO text, or epoch seconds if so serialised). */
    static double seconds(JsonNode start, JsonNode end) {
        return (toInstant(end).toEpochMilli() - toInstant(start).toEpochMilli()) / 1000.0;
    }

    private static Instant toInstant(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new IllegalStateException("a job without startedAt/finishedAt");
        }
        if (n.isNumber()) {
            BigDecimal s = n.decimalValue();
            return Instant.ofEpochSecond(s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return OffsetDateTime.parse(n.asText()).toInstant();
    }

    /**
     * The floor for loading these rows into this database: COPY of the same CSV into a plain
     * table with the file's columns and the payment table's types (no keys, no indexes, no
     * allocation), committed.
     */
    private double copyBaseline(Path csv, long count) throws SQLException, IOException {
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_copy_payment (id text, loan_id text, value_date date, amount numeric(18, 2))");
            }
            long t0 = System.nanoTime();
            long copied;
            try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy bench_copy_payment (id, loan_id, value_date, amount) from stdin with (format csv, header true)", r);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (copied != count) {
                throw new IllegalStateException("COPY stored " + copied + " rows, expected " + count);
            }
            Log.info("a: baseline COPY of %,d rows in %.2f s", copied, seconds);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_copy_payment");
            }
            return seconds;
        }
    }
}
