package dev.loanwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark of alert-service's read model against the targets, each next to a baseline of
 * the same run:
 * <ul>
 *   <li>a: a synthetic book ({@link AnalyticsBook}: loans × month ends snapshots, the loans, their
 *       borrowers' labels, status changes and write-offs) published onto the topics;</li>
 *   <li>b: the rebuild's baseline: a plain consumer reads those records and COPYs the rows into
 *       plain tables ({@link RawCopy});</li>
 *   <li>c: alert-service, started on its own empty database, consumes the same records until the
 *       read model is complete: every fact stored and held in its columns, every month closed (target ≤ 3× b);</li>
 *   <li>d: reports × segment filters through the API against the plain SQL aggregate over b's raw
 *       rows ({@link AnalyticsQueries}; target ≥ 10× faster, and under a second for a filtered segment).</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl alert-service,local-stack,bench -am package -DskipTests
 * java -cp bench/target/bench.jar dev.loanwatch.bench.AnalyticsBench [--loans 1000000] [--months 24]
 * </pre>
 */
public final class AnalyticsBench {
    /** alert-service's consumer group (mp.messaging.connector.smallrye-kafka.group.id). */
    static final String SERVICE_GROUP = "alert-service";
    /** Give up when the read model has not moved for this long. */
    private static final Duration STALL = Duration.ofMinutes(15);

    private AnalyticsBench() {
    }

    public static void main(String[] args) {
        BenchRun.main(args, a -> new Run(AnalyticsOptions.parse(a)), AnalyticsOptions.USAGE);
    }

    private static final class Run extends BenchRun {
        private final AnalyticsOptions o;

        Run(AnalyticsOptions o) {
            super("alert-service analytics benchmark", o.root(), "analytics-bench-result.md", o.keep());
            this.o = o;
        }

        @Override
        void execute() throws Exception {
            Log.info("analytics benchmark: %s", command());
            startStackAndDatabase(o.localStackJar(), o.stackData());
            Db serviceDb = createDatabase("alert");
            // records left on the broker by earlier runs must not land in this run's read model
            KafkaBench.skipLeftovers(stack.kafka(), SERVICE_GROUP, AnalyticsBook.TOPICS, "setup");

            // a: the book onto the topics
            AnalyticsBook book = new AnalyticsBook(o.seed(), o.loans(), o.months(), stack.kafka());
            Map<TopicPartition, Long> start;
            try (Admin admin = KafkaBench.admin(stack.kafka())) {
                start = new HashMap<>(KafkaBench.endOffsets(admin, AnalyticsBook.TOPICS));
            }
            AnalyticsBook.Published pub = book.publish();
            Map<TopicPartition, Long> end;
            try (Admin admin = KafkaBench.admin(stack.kafka())) {
                end = KafkaBench.endOffsets(admin, AnalyticsBook.TOPICS);
            }
            // a topic that did not exist before starts at offset 0
            end.keySet().forEach(tp -> start.putIfAbsent(tp, 0L));
            long records = KafkaBench.sum(end) - KafkaBench.sum(start);
            Log.info("a: published %,d records (%,d MB of values) in %.1f s: %,d borrowers, %,d loans opened, %,d month-end"
                            + " snapshots, %,d status changes (%,d out of C), %,d write-offs", pub.records(), pub.bytes() >> 20,
                    pub.seconds(), pub.borrowers(), pub.loansOpened(), pub.snapshots(), pub.statusChanges(),
                    pub.delinquencyEntries(), pub.writeOffs());
            if (records != pub.records()) {
                throw new IllegalStateException("the topics grew by " + records + " records, " + pub.records() + " were sent");
            }
            report.add("a", "the book on the topics (" + String.format(Locale.ROOT, "%,d loans × %d month ends", o.loans(), o.months())
                            + "), for reference", Report.count(pub.records()) + " records in " + Report.seconds(pub.seconds()),
                    "", "", "");
            report.note(String.format(Locale.ROOT, "a: the book: %,d borrowers, %,d loans opened (%,d open at every month end,"
                            + " the rest replacing matured, paid-off and written-off ones), %,d month-end snapshots, %,d status changes"
                            + " (%,d out of C), %,d write-offs; %,d MB of protobuf values; seed %d", pub.borrowers(),
                    pub.loansOpened(), o.loans(), pub.snapshots(), pub.statusChanges(), pub.delinquencyEntries(),
                    pub.writeOffs(), pub.bytes() >> 20, o.seed()));

            // b: the plain consumer and COPY
            RawCopy raw = new RawCopy(stack.kafka(), db);
            raw.createTables(book.monthEnds());
            Log.info("b: a plain consumer reads the %,d records and COPYs the rows", records);
            RawCopy.Result baseline = raw.run(start, end);
            Log.info("b: baseline: %,d records read, %,d month-end rows copied in %.2f s", baseline.records(),
                    baseline.snapshots(), baseline.seconds());
            long copied = db.scalar("select count(*) from raw_month_end");
            if (copied != pub.snapshots()) {
                throw new IllegalStateException("the baseline copied " + copied + " month-end rows of " + pub.snapshots());
            }
            double indexSeconds = raw.index();
            Log.info("b: primary keys and statistics on the raw tables for the plain SQL in %.1f s (not part of the baseline)",
                    indexSeconds);

            // c: the service rebuilds its read model from the same records
            long t0 = System.nanoTime();
            service = ServiceProcess.start("alert-service", o.serviceJar(), o.serviceJvm(), stack,
                    Map.of("PG_URL_ALERT", serviceDb.url()), target.resolve("alert-service.log"));
            double ready = (System.nanoTime() - t0) / 1e9;
            double rebuilt = awaitReadModel(serviceDb, pub, t0);
            double ratio = rebuilt / baseline.seconds();
            report.add("b, c", "rebuild the read model from the topics: " + Report.count(records) + " records, "
                            + Report.count(pub.snapshots()) + " month-end rows", Report.seconds(rebuilt)
                            + " (service launch → every fact stored and in its columns, every month closed; start-up " + Report.seconds(ready) + ")",
                    Report.seconds(baseline.seconds()) + " (plain KafkaConsumer + COPY)", Report.ratio(ratio),
                    ImportBench.verdict(ratio <= 3) + " ≤ 3×");
            report.note(String.format(Locale.ROOT, "b: after the baseline's clock: primary keys, the write-offs onto the loans"
                    + " and VACUUM ANALYZE of the raw tables for the plain SQL, %.1f s", indexSeconds));
            report.note("c: the service's database after the rebuild: " + sizes(serviceDb));

            // d: the reports
            AnalyticsQueries queries = new AnalyticsQueries(service.http, db, book.monthEnds(), o.apiRuns(), o.sqlRuns(), o.warmup());
            List<AnalyticsQueries.Filter> filters = queries.filters();
            Log.info("d: filters %s", filters.stream().map(AnalyticsQueries.Filter::describe).toList());
            crossCheck(service.http, db, book.monthEnds());
            List<AnalyticsQueries.Timing> timings = queries.run(filters);
            long passed = timings.stream().filter(AnalyticsQueries.Timing::pass).count();
            report.add("d", "reports × segment filters: API (median of " + o.apiRuns() + " calls after " + o.warmup()
                            + " warm-up) against the plain SQL over the raw rows (median of " + o.sqlRuns() + " after one)",
                    passed + " of " + timings.size() + " pass", "", "",
                    ImportBench.verdict(passed == timings.size()) + " ≥ 10× faster; filtered p95 < 1 s");
            report.section("### Reports × filters\n\n" + AnalyticsQueries.markdown(timings));
            report.note("load average (1 / 5 / 15 min) at the end: " + loadAverage());
        }

        /**
         * Polls until the read model is complete: the facts' counts in the tables and in the service's
         * columns (its readiness check) equal what was published, every month is closed and none
         * pending. Returns seconds since {@code t0}. Each poll asks only what the service holds in
         * memory (its readiness check and closed months) and the group's offsets, on one admin client;
         * the tables are counted when those say complete and for the progress line every 15 s: counting
         * them on every poll (scans of the loan table twice a second, and a new admin client each time)
         * took CPU from the rebuild it measured (bench/README.md).
         */
        private double awaitReadModel(Db serviceDb, AnalyticsBook.Published pub, long t0) throws Exception {
            long lastChange = System.nanoTime();
            long lastPrint = System.nanoTime();
            String lastState = "";
            double consumed = Double.NaN;
            try (Admin admin = KafkaBench.admin(stack.kafka())) {
                while (true) {
                    service.checkAlive();
                    JsonNode ready = service.http.get("/q/health/ready", Duration.ofSeconds(60)).json();
                    long held = 0;
                    long loans = 0;
                    for (JsonNode check : ready.path("checks")) {
                        if ("read-model".equals(check.path("name").asText())) {
                            held = check.path("data").path("monthEndRows").asLong();
                            loans = check.path("data").path("loans").asLong();
                        }
                    }
                    JsonNode months = service.http.get("/analytics/months", Duration.ofSeconds(60)).expect(200).json();
                    int closed = months.get("closed").size();
                    int pending = months.get("pending").size();
                    if (Double.isNaN(consumed) && lagZero(admin)) {
                        consumed = (System.nanoTime() - t0) / 1e9;
                        Log.info("c: every record consumed and its offset committed after %.1f s", consumed);
                    }
                    boolean columnsComplete = held == pub.snapshots() && closed == o.months() && pending == 0;
                    boolean print = System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(15);
                    String state = String.format(Locale.ROOT, "%,d loans and %,d month-end rows in memory; %d months closed,"
                            + " %d pending", loans, held, closed, pending);
                    if (columnsComplete || print) {
                        long[] n = serviceDb.longs("select (select count(*) from loan), (select count(*) from borrower),"
                                + " (select count(*) from delinquency_entry), (select count(*) from loan where written_off_on is not null)");
                        boolean facts = n[0] == pub.loansOpened() && n[1] == pub.borrowers() && n[2] == pub.delinquencyEntries()
                                && n[3] == pub.writeOffs();
                        if (columnsComplete && facts && serviceDb.scalar("select count(*) from month_end") == pub.snapshots()) {
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            Log.info("c: read model complete after %.1f s", seconds);
                            if (!Double.isNaN(consumed)) {
                                report.note(String.format(Locale.ROOT, "c: the service had consumed every record (offsets committed)"
                                        + " %.1f s after its launch; read model complete (every month closed, none pending) after %.1f s",
                                        consumed, seconds));
                            }
                            return seconds;
                        }
                        if (print) {
                            lastPrint = System.nanoTime();
                            Log.info("c: after %s: %s; stored: %,d loans, %,d borrowers, %,d entries, %,d written off",
                                    Log.secs(System.nanoTime() - t0), state, n[0], n[1], n[2], n[3]);
                        }
                    }
                    if (!state.equals(lastState)) {
                        lastState = state;
                        lastChange = System.nanoTime();
                    } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                        throw new IllegalStateException("the read model has not moved for " + STALL.toMinutes() + " minutes: " + state
                                + "; see " + service.log);
                    }
                    Thread.sleep(500);
                }
            }
        }

        /** True when the service's group has committed the end offset of every partition of the topics. */
        private boolean lagZero(Admin admin) throws Exception {
            Map<TopicPartition, Long> end = KafkaBench.endOffsets(admin, AnalyticsBook.TOPICS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SERVICE_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        /** The whole book's loans and balance at the last month end, from the API and from the raw rows: they must agree. */
        private void crossCheck(Http http, Db raw, List<LocalDate> monthEnds) throws Exception {
            LocalDate last = monthEnds.get(monthEnds.size() - 1);
            long[] plain = raw.longs("select count(*), sum(outstanding_fen) from raw_month_end where month_end = '" + last + "'");
            String body = http.get("/analytics/asset-quality?month=" + last.toString().substring(0, 7), Duration.ofMinutes(1))
                    .expect(200).body();
            Log.info("d: cross-check at %s: raw rows %,d loans, balance %,d fen; the API's asset-quality: %s", last, plain[0],
                    plain[1], body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }

        private static String sizes(Db d) throws Exception {
            return d.text("select string_agg(t, ', ') from (select format('%s %s', relname, pg_size_pretty(pg_total_relation_size(c.oid))) t"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')"
                    + " and c.relname not like 'month_end_%' order by pg_total_relation_size(c.oid) desc limit 8) x")
                    + "; month_end partitions " + d.text("select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c"
                    + " where c.relname like 'month_end_%' and c.relkind = 'r'");
        }

        @Override
        String command() {
            return String.format(Locale.ROOT, "--loans %d --months %d --seed %d --api-runs %d --sql-runs %d --warmup %d --service-jvm \"%s\"",
                    o.loans(), o.months(), o.seed(), o.apiRuns(), o.sqlRuns(), o.warmup(), String.join(" ", o.serviceJvm()));
        }
    }
}
