package dev.loanwatch.bench;

import dev.loanwatch.simulator.book.SimBorrower;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of tagging-service, each figure next to a baseline measured in the same run:
 * <ul>
 *   <li>a: gRPC {@code Tag} latency at a fixed open-loop rate, against the gRPC health check on
 *       the same server (target: p99 ≤ 1.5× the baseline's);</li>
 *   <li>b: gRPC {@code ClassifyIndustry} the same way (target: p99 ≤ 3×);</li>
 *   <li>c: re-tagging a million borrowers with {@code POST /backfills}, against classifying the
 *       same texts in-process on two threads plus a COPY of the results (target: ≤ 2×);</li>
 *   <li>d: the service's resident memory after the load, classifier loaded (target: ≤ 400 MB).</li>
 * </ul>
 * The service runs from its built jar as a child process (JVM flags from {@code --service-jvm},
 * default {@value TaggingOptions#DEFAULT_SERVICE_JVM}) on a fresh database of the local stack.
 *
 * <pre>
 * ./mvnw -q -pl tagging-service,local-stack,bench -am package -DskipTests
 * java -cp bench/target/bench.jar dev.loanwatch.bench.TaggingBench [--seconds 20] [--rate 2000] [--borrowers 1000000]
 * </pre>
 */
public final class TaggingBench {
    /** The service's consumer group and input topic (application.properties, mp.messaging.incoming.borrowers). */
    static final String SERVICE_GROUP = "tagging-service";
    static final List<String> INPUT_TOPICS = List.of("loanbook.borrowers");
    private static final long RSS_TARGET_KB = 400 * 1024;

    private TaggingBench() {
    }

    public static void main(String[] args) {
        BenchRun.main(args, a -> new Run(TaggingOptions.parse(a)), TaggingOptions.USAGE);
    }

    private static final class Run extends BenchRun {
        private final TaggingOptions o;
        private final List<String> memoryRows = new ArrayList<>();
        private final List<String> loadRows = new ArrayList<>();
        private long mostRssKb;

        Run(TaggingOptions o) {
            super("tagging-service benchmark", o.root(), "tagging-bench-result.md", o.keep());
            this.o = o;
        }

        @Override
        void execute() throws Exception {
            Log.info("tagging benchmark: %s", command());
            startStackAndDatabase(o.localStackJar(), o.stackData());
            // borrower events left on the broker by other runs must not land in this run's read model
            KafkaBench.skipLeftovers(stack.kafka(), SERVICE_GROUP, INPUT_TOPICS, "setup");
            service = ServiceProcess.start("tagging-service", o.serviceJar(), o.serviceJvm(), stack,
                    Map.of("PG_URL_TAGGING", db.url(), "PG_REACTIVE_URL_TAGGING", db.reactiveUrl()),
                    target.resolve("tagging-service.log"));
            Files.deleteIfExists(memoryFile());
            memory("after start (classifier loaded at start-up), before any load", service.memory());

            Enterprises enterprises = new Enterprises();
            if (o.runs('a') || o.runs('b')) {
                load("before a, b");
                List<SimBorrower> payloads = enterprises.first(4096);
                new GrpcBench(service, report, o.loading()).runTagging(payloads, o);
                memory("after the gRPC load of parts a, b", service.memory());
            }
            if (o.runs('c')) {
                load("before c");
                new RetagBench(service, db, report).run(enterprises, o.borrowers(), when -> memory(when, service.memory()));
                memory("after the outbox drained and the baseline ran", service.memory());
            }
            load("at the end");
            report.note("the machine's load average (1 / 5 / 15 min; 2 cores, shared with other work): " + String.join("; ", loadRows));
            for (String row : memoryRows) {
                Log.info("d: %s", row);
            }
            report.add("d", "service memory, most VmRSS of the readings below", String.format(Locale.ROOT, "%,d MB", mostRssKb / 1024),
                    "", "", ImportBench.verdict(mostRssKb <= RSS_TARGET_KB) + " ≤ 400 MB");
            report.note("d: the service's JVM: " + (o.serviceJvm().isEmpty() ? "the JVM's defaults" : String.join(" ", o.serviceJvm()))
                    + "; VmRSS (peak VmHWM) of /proc/PID/status " + String.join("; ", memoryRows));
        }

        private void load(String when) {
            loadRows.add(when + " " + loadAverage());
        }

        private void memory(String when, ServiceProcess.Memory m) throws IOException, InterruptedException {
            mostRssKb = Math.max(mostRssKb, m.rssKb());
            memoryRows.add(when + ": " + m.text());
            Log.info("d: service memory %s: %s", when, m.text());
            boolean nmt = o.serviceJvm().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking=") && !f.endsWith("=off"));
            Files.writeString(memoryFile(), "== " + when + ": VmRSS " + m.text() + "\n" + service.jvmMemory(nmt) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        /** The JVM's own account of the service's memory at each reading (heap; native memory with NMT on). */
        private Path memoryFile() {
            return target.resolve("tagging-service-memory.txt");
        }

        @Override
        String command() {
            return String.format(Locale.ROOT, "--seconds %d --rounds %d --warmup %d --rate %d --borrowers %d --service-jvm \"%s\"%s",
                    o.seconds(), o.rounds(), o.warmupSeconds(), o.rate(), o.borrowers(), String.join(" ", o.serviceJvm()),
                    o.skip().isEmpty() ? "" : " --skip " + String.join(",", o.skip().stream().map(String::valueOf).toList()));
        }
    }
}
