package dev.loanwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.contracts.scoring.v1.ScoreRequest;
import dev.loanwatch.contracts.scoring.v1.ScoreStreamResult;
import dev.loanwatch.contracts.scoring.v1.ScoringGrpc;
import dev.loanwatch.model.OnnxScorer;
import dev.loanwatch.stack.DevTokens;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of scoring-service against the targets, each next to a baseline measured in the
 * same run:
 * <ul>
 *   <li>a: raw ONNX Runtime in this JVM, the model's probe rows in batches of 1 and 256, with one
 *       intra-op thread (the service's setting) and with ONNX Runtime's default (one per core) —
 *       the baselines of b and c, and the reason for the setting;</li>
 *   <li>b: gRPC {@code Score} at a fixed open-loop rate against the empty gRPC method
 *       {@code grpc.health.v1.Health/Check} on the same server (target: p99 ≤ 1.5×);</li>
 *   <li>c: {@code ScoreStream}, rows per second through one stream, against raw ONNX Runtime at
 *       batch 1 (target: ≥ 50 %).</li>
 * </ul>
 * Re-scoring the whole book comes with the loan-score events (issue 11's next part).
 */
public final class ScoringBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests a bulk caller keeps unanswered on its stream. */
    private static final int WINDOW = 4_096;

    private ScoringBench() {
    }

    public static void main(String[] args) {
        BenchRun.main(args, a -> new Run(ScoringOptions.parse(a)), ScoringOptions.USAGE);
    }

    private static final class Run extends BenchRun {
        private final ScoringOptions o;

        Run(ScoringOptions o) {
            super("scoring-service benchmark", o.root(), "scoring-bench-result.md", o.keep());
            this.o = o;
        }

        @Override
        void execute() throws Exception {
            Log.info("scoring benchmark: %s", command());
            byte[] onnx = Files.readAllBytes(o.onnx());
            byte[] card = Files.readAllBytes(o.card());
            Rows rows = Rows.of(JSON.readTree(card));
            Log.info("model %s: %d numeric and %d categorical inputs, %d probe rows cycled", o.onnx(), rows.numericNames.size(),
                    rows.categoricalNames.size(), rows.numeric.length);

            double rawSingle = Double.NaN;
            if (o.runs('a') || o.runs('c')) {
                try (OnnxScorer one = new OnnxScorer(onnx, 1); OnnxScorer pool = new OnnxScorer(onnx, 0)) {
                    rawSingle = raw(one, rows, 1, "1 intra-op thread", true);
                    double single256 = raw(one, rows, 256, "1 intra-op thread", true);
                    double pool1 = raw(pool, rows, 1, "ONNX Runtime's default threads", o.runs('a'));
                    double pool256 = raw(pool, rows, 256, "ONNX Runtime's default threads", o.runs('a'));
                    report.note(String.format(Locale.ROOT, "a: the service scores with one intra-op thread per session: at batch 1 "
                                    + "%,.0f rows/s against %,.0f with ONNX Runtime's default pool, at batch 256 %,.0f against %,.0f "
                                    + "(same run, %d s each, this JVM)", rawSingle, pool1, single256, pool256, o.seconds()));
                }
            }

            startStackAndDatabase(o.localStackJar(), o.stackData());
            service = ServiceProcess.start("scoring-service", o.serviceJar(), o.serviceJvm(), stack,
                    Map.of("PG_URL_SCORING", db.url(), "PG_REACTIVE_URL_SCORING", db.reactiveUrl()),
                    target.resolve("scoring-service.log"));
            String token = DevTokens.mint("bench", List.of("admin"), Duration.ofHours(3));
            JsonNode registered = service.http.postParts("/models", Map.of("onnx", onnx, "card", card), Duration.ofMinutes(2), token)
                    .expect(201).json();
            String name = registered.path("name").asText();
            String version = registered.path("version").asText();
            service.http.postJson("/models/" + name + "/" + version + "/activate", "", Duration.ofMinutes(2), token).expect(200);
            Log.info("model %s %s registered and active", name, version);

            List<ScoreRequest> requests = rows.requests(4096);
            if (o.runs('b')) {
                GrpcBench.Method score = (channel, i) -> ScoringGrpc.newFutureStub(channel)
                        .withDeadlineAfter(30, TimeUnit.SECONDS).score(requests.get(i % requests.size()));
                new GrpcBench(service, report, o.loading()).compare(List.of(new GrpcBench.Named('b', "Score", "Score", score, 1.5)));
            }
            if (o.runs('c')) {
                double streamed = stream(requests);
                double share = streamed / rawSingle;
                report.add("c", String.format(Locale.ROOT, "gRPC ScoreStream: %,d rows through one stream", o.streamRows()),
                        String.format(Locale.ROOT, "%,.0f rows/s", streamed),
                        String.format(Locale.ROOT, "raw ONNX Runtime, batch 1: %,.0f rows/s", rawSingle),
                        String.format(Locale.ROOT, "%.0f %%", 100 * share), ImportBench.verdict(share >= 0.5) + " ≥ 50 %");
            }
        }

        /** Rows per second of raw ONNX Runtime over {@code o.seconds()} (after a second of warm-up). */
        private double raw(OnnxScorer scorer, Rows rows, int batch, String threads, boolean reported) throws Exception {
            float[][] numeric = new float[batch][];
            String[][] categorical = new String[batch][];
            for (int i = 0; i < batch; i++) {
                numeric[i] = rows.numeric[i % rows.numeric.length];
                categorical[i] = rows.categorical[i % rows.categorical.length];
            }
            float[][] n = rows.numericNames.isEmpty() ? null : numeric;
            String[][] c = rows.categoricalNames.isEmpty() ? null : categorical;
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < warm) {
                scorer.logitAndPd(n, c);
            }
            long scored = 0;
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(o.seconds());
            while (System.nanoTime() < end) {
                scorer.logitAndPd(n, c);
                scored += batch;
            }
            double perSecond = scored / ((System.nanoTime() - t0) / 1e9);
            Log.info("a: raw ONNX Runtime, batch %d, %s: %,.0f rows/s", batch, threads, perSecond);
            if (reported) {
                report.add("a", String.format(Locale.ROOT, "raw ONNX Runtime in process, batch %d, %s (%d s)", batch, threads, o.seconds()),
                        String.format(Locale.ROOT, "%,.0f rows/s", perSecond), "", "", "baseline");
            }
            return perSecond;
        }

        /** Rows per second through one ScoreStream, at most {@link #WINDOW} requests unanswered at a time. */
        private double stream(List<ScoreRequest> requests) throws Exception {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", service.port).usePlaintext().directExecutor().build();
            try {
                for (int round = 0; round < 2; round++) {
                    boolean warmUp = round == 0;
                    int total = warmUp ? Math.min(o.streamRows(), 20_000) : o.streamRows();
                    Semaphore window = new Semaphore(WINDOW);
                    AtomicLong answered = new AtomicLong();
                    AtomicLong errors = new AtomicLong();
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    long t0 = System.nanoTime();
                    StreamObserver<ScoreRequest> out = ScoringGrpc.newStub(channel).scoreStream(new StreamObserver<>() {
                        @Override
                        public void onNext(ScoreStreamResult r) {
                            if (r.hasError()) {
                                errors.incrementAndGet();
                            }
                            answered.incrementAndGet();
                            window.release();
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            done.complete(null);
                        }
                    });
                    for (int i = 0; i < total; i++) {
                        window.acquire();
                        out.onNext(requests.get(i % requests.size()));
                    }
                    out.onCompleted();
                    done.get(30, TimeUnit.MINUTES);
                    double perSecond = answered.get() / ((System.nanoTime() - t0) / 1e9);
                    if (answered.get() != total || errors.get() > 0) {
                        throw new IllegalStateException("ScoreStream answered " + answered.get() + " of " + total + ", " + errors.get() + " errors");
                    }
                    Log.info("c: ScoreStream %s: %,d rows, %,.0f rows/s", warmUp ? "warm-up" : "measured", total, perSecond);
                    if (!warmUp) {
                        return perSecond;
                    }
                }
                throw new AssertionError("unreachable");
            } finally {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
        }

        @Override
        String command() {
            return String.format(Locale.ROOT, "--seconds %d --rounds %d --warmup %d --rate %d --stream-rows %d --onnx %s --card %s"
                            + " --service-jvm \"%s\"%s", o.seconds(), o.rounds(), o.warmupSeconds(), o.rate(), o.streamRows(),
                    o.onnx(), o.card(), String.join(" ", o.serviceJvm()),
                    o.skip().isEmpty() ? "" : " --skip " + String.join(",", o.skip().stream().map(String::valueOf).toList()));
        }
    }

    /** The card's probe rows: the inputs a real caller sends, cycled. */
    private record Rows(List<String> numericNames, List<String> categoricalNames, float[][] numeric, String[][] categorical) {
        static Rows of(JsonNode card) {
            List<String> numericNames = new ArrayList<>();
            card.path("inputs").path("numeric").forEach(n -> numericNames.add(n.asText()));
            List<String> categoricalNames = new ArrayList<>();
            card.path("inputs").path("categorical").forEach(c -> categoricalNames.add(c.path("name").asText()));
            JsonNode probes = card.path("probes");
            float[][] numeric = new float[probes.size()][];
            String[][] categorical = new String[probes.size()][];
            for (int i = 0; i < probes.size(); i++) {
                JsonNode p = probes.get(i);
                numeric[i] = new float[numericNames.size()];
                for (int j = 0; j < numeric[i].length; j++) {
                    JsonNode v = p.path("numeric").get(j);
                    numeric[i][j] = v.isNull() ? Float.NaN : (float) v.asDouble();
                }
                categorical[i] = new String[categoricalNames.size()];
                for (int j = 0; j < categorical[i].length; j++) {
                    String v = p.path("categorical").get(j).asText();
                    categorical[i][j] = v.isEmpty() ? null : v;
                }
            }
            return new Rows(numericNames, categoricalNames, numeric, categorical);
        }

        /** {@code count} requests cycling through the rows, each with its own reference. */
        List<ScoreRequest> requests(int count) {
            List<ScoreRequest> out = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                int i = k % numeric.length;
                ScoreRequest.Builder b = ScoreRequest.newBuilder().setReference("row-" + k);
                Map<String, Double> values = new LinkedHashMap<>();
                for (int j = 0; j < numericNames.size(); j++) {
                    if (Float.isNaN(numeric[i][j])) {
                        b.addMissing(numericNames.get(j));
                    } else {
                        values.put(numericNames.get(j), (double) numeric[i][j]);
                    }
                }
                b.putAllNumeric(values);
                for (int j = 0; j < categoricalNames.size(); j++) {
                    if (categorical[i][j] == null) {
                        b.addMissing(categoricalNames.get(j));
                    } else {
                        b.putCategorical(categoricalNames.get(j), categorical[i][j]);
                    }
                }
                out.add(b.build());
            }
            return out;
        }
    }
}
