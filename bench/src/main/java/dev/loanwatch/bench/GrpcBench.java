package dev.loanwatch.bench;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.CodedInputStream;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.tagging.v1.ClassifyIndustryRequest;
import dev.loanwatch.contracts.tagging.v1.TagRequest;
import dev.loanwatch.contracts.tagging.v1.TaggingGrpc;
import dev.loanwatch.simulator.book.SimBorrower;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Parts a and b: gRPC {@code Tag} and {@code ClassifyIndustry} at a fixed open-loop rate, against
 * the standard health check {@code grpc.health.v1.Health/Check} on the same server, connection and
 * rate in the same run — the cost of an empty gRPC method on this server, which is what the
 * tagging methods add their work to. Each method is warmed up at the same rate first.
 *
 * <p>The health check is called with a hand-made method descriptor over raw bytes (the request is
 * the empty message; the answer {@code 08 01} is status SERVING), so the benchmark needs no
 * grpc-services artifact for its stubs.
 */
final class GrpcBench {
    static final MethodDescriptor<byte[], byte[]> HEALTH_CHECK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("grpc.health.v1.Health/Check")
            .setRequestMarshaller(Bytes.INSTANCE)
            .setResponseMarshaller(Bytes.INSTANCE)
            .build();
    /** Payloads cycled through: enough that the texts vary, few enough to build in a moment. */
    private static final int PAYLOADS = 4096;
    /**
     * Long enough that calls are not cancelled while the server works off a backlog (a cancelled
     * call is an HTTP/2 RST_STREAM, and many of them make the server close the connection); a call
     * that takes this long has failed the target anyway.
     */
    private static final long DEADLINE_SECONDS = 30;
    private static final long PAUSE_MILLIS = 2_000;

    /** The open-loop load: calls per second, measured seconds per method (in rounds), warm-up seconds per method. */
    record Loading(int rate, int seconds, int rounds, int warmupSeconds) {
    }

    /** The load's command-line options, shared by the gRPC benchmarks: --seconds, --rounds, --warmup, --rate. */
    static final class LoadArgs {
        static final String USAGE = String.join("\n",
                "  --seconds N      measured seconds of each gRPC load                         default 20",
                "  --rounds N       the measured seconds of each method split into N rounds    default 4",
                "                   that take the methods in turn",
                "  --warmup N       seconds of warm-up load per method before measuring        default 10",
                "  --rate N         requests per second, open loop                             default 2000");
        private long seconds = 20;
        private long rounds = 4;
        private long warmup = 10;
        private long rate = 2000;

        /** Takes option {@code args[i]} if it is one of the load's: the index of the last argument used, else -1. */
        int take(String[] args, int i) {
            String a = args[i];
            switch (a) {
                case "--seconds" -> seconds = Args.count(a, Args.value(args, ++i, a));
                case "--rounds" -> rounds = Args.count(a, Args.value(args, ++i, a));
                case "--warmup" -> warmup = Args.count(a, Args.value(args, ++i, a));
                case "--rate" -> rate = Args.count(a, Args.value(args, ++i, a));
                default -> {
                    return -1;
                }
            }
            return i;
        }

        Loading loading() {
            if (rate > 50_000 || seconds > 3_600 || warmup > 600) {
                throw new IllegalArgumentException("at most --rate 50000, --seconds 3600, --warmup 600");
            }
            return new Loading((int) rate, (int) seconds, (int) Math.min(rounds, seconds), (int) warmup);
        }
    }

    /** A method measured against the health check: its report part, name, row label and p99 limit (× the check's). */
    record Named(char part, String name, String label, Method method, double limit) {
    }

    private final ServiceProcess service;
    private final Report report;
    private final Loading o;

    GrpcBench(ServiceProcess service, Report report, Loading o) {
        this.service = service;
        this.report = report;
        this.o = o;
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A method of the server, called as call {@code i} of a load on {@code channel}. */
    @FunctionalInterface
    interface Method {
        ListenableFuture<?> send(Channel channel, int i);
    }

    /** tagging-service's {@code Tag} (part a) and {@code ClassifyIndustry} (part b) on simulator enterprises. */
    void runTagging(List<SimBorrower> borrowers, TaggingOptions options) throws Exception {
        List<TagRequest> tags = borrowers.stream().limit(PAYLOADS).map(GrpcBench::tagRequest).toList();
        List<ClassifyIndustryRequest> texts = borrowers.stream().limit(PAYLOADS)
                .map(b -> ClassifyIndustryRequest.newBuilder().setText(b.businessScope()).setMaxCandidates(3).build()).toList();
        describe(borrowers.subList(0, Math.min(PAYLOADS, borrowers.size())));
        Method tag = (channel, i) -> TaggingGrpc.newFutureStub(channel)
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).tag(tags.get(i % tags.size()));
        Method classify = (channel, i) -> TaggingGrpc.newFutureStub(channel)
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).classifyIndustry(texts.get(i % texts.size()));
        List<Named> methods = new ArrayList<>();
        if (options.runs('a')) {
            methods.add(new Named('a', "Tag", "Tag", tag, 1.5));
        }
        if (options.runs('b')) {
            methods.add(new Named('b', "ClassifyIndustry", "ClassifyIndustry (3 candidates)", classify, 3.0));
        }
        compare(methods);
    }

    /**
     * Each method at the open-loop rate against the health check on the same server, connection kind
     * and rate, in rounds that take the methods in turn; a report row per method (p99 against the
     * check's p99, within its limit, no failed call).
     */
    void compare(List<Named> methods) throws Exception {
        Method check = (channel, i) -> ClientCalls.futureUnaryCall(
                channel.newCall(HEALTH_CHECK, CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)), new byte[0]);
        ManagedChannel probe = channel();
        try {
            Log.info("grpc.health.v1.Health/Check answers %s on port %d (quarkus-grpc's health service, on by default)",
                    healthStatus(check.send(probe, 0)), service.port);
        } finally {
            close(probe);
        }
        List<Load> loads = new ArrayList<>();
        loads.add(new Load("health Check", check, channel()));
        for (Named m : methods) {
            loads.add(new Load(m.name(), m.method(), channel()));
        }
        try {
            measure(loads);
        } finally {
            for (Load load : loads) {
                close(load.channel());
            }
        }
        OpenLoop.Result baseline = loads.get(0).result();
        StringBuilder parts = new StringBuilder();
        for (int k = 0; k < methods.size(); k++) {
            Named m = methods.get(k);
            add(m.part(), m.label(), loads.get(k + 1).result(), baseline, m.limit());
            parts.append(k == 0 ? "" : ", ").append(m.part());
        }
        report.note(String.format(Locale.ROOT, "%s: open loop at %,d calls/s, %d s per method in %d rounds that take the methods "
                        + "in turn (a stretch of noise from the shared machine falls on all of them alike), after %d s of warm-up "
                        + "per method; latency from each call's scheduled send time to its answer; one HTTP/2 connection per "
                        + "method; baseline = grpc.health.v1.Health/Check on the same port. Baseline: %s",
                parts, o.rate(), o.seconds(), o.rounds(), o.warmupSeconds(), baseline.summary()));
    }

    /** One method's load: its own connection, and the latencies of its rounds. */
    private record Load(String name, Method method, ManagedChannel channel, List<OpenLoop.Result> rounds) {
        Load(String name, Method method, ManagedChannel channel) {
            this(name, method, channel, new ArrayList<>());
        }

        OpenLoop.Result run(String label, int rate, int seconds) throws InterruptedException {
            OpenLoop.Result r = OpenLoop.run(label, rate, seconds, i -> method.send(channel, i));
            Log.info("%s", r.summary());
            return r;
        }

        OpenLoop.Result result() {
            return OpenLoop.Result.merge(name, rounds);
        }
    }

    /**
     * Every method warmed up, then {@code --rounds} rounds of {@code --seconds / --rounds} seconds per
     * method, the first method of a round turning with each round. Each load starts after a pause and
     * only once the one before it has every answer, so what one leaves behind (a backlog, a connection
     * the server closed) does not reach the next.
     */
    private void measure(List<Load> loads) throws Exception {
        for (Load load : loads) {
            Thread.sleep(PAUSE_MILLIS);
            load.run(load.name() + " warm-up", o.rate(), o.warmupSeconds());
        }
        int rounds = o.rounds();
        for (int r = 0; r < rounds; r++) {
            int seconds = o.seconds() / rounds + (r < o.seconds() % rounds ? 1 : 0);
            for (int k = 0; k < loads.size(); k++) {
                Load load = loads.get((r + k) % loads.size());
                Thread.sleep(PAUSE_MILLIS);
                service.checkAlive();
                load.rounds().add(load.run(load.name() + " round " + (r + 1) + "/" + rounds, o.rate(), seconds));
            }
        }
    }

    /** A channel of its own, i.e. one HTTP/2 connection; answers are handled on its event loop (the callbacks only record a time). */
    private ManagedChannel channel() {
        return NettyChannelBuilder.forAddress("127.0.0.1", service.port).usePlaintext().directExecutor().build();
    }

    private static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void add(char part, String method, OpenLoop.Result r, OpenLoop.Result baseline, double limit) {
        double ratio = (double) r.percentile(99) / baseline.percentile(99);
        boolean clean = r.failed() == 0 && r.unanswered() == 0;
        report.add(String.valueOf(part), String.format(Locale.ROOT, "gRPC %s, %,d calls/s open loop for %d s (%,d calls, %,d failed)",
                        method, o.rate(), o.seconds(), r.calls(), r.failed() + r.unanswered()),
                r.latencies(), "health Check: " + baseline.latencies(), "p99 " + Report.ratio(ratio),
                ImportBench.verdict(clean && ratio <= limit) + " p99 ≤ " + Report.ratio(limit) + ", no failed calls");
        if (!clean) {
            report.note(part + ": " + r.summary());
        }
    }

    private static String healthStatus(ListenableFuture<?> answer) throws Exception {
        byte[] body;
        try {
            body = (byte[]) answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grpc.health.v1.Health/Check failed (" + Status.fromThrowable(e.getCause())
                    + "): the baseline needs the gRPC health service (quarkus.grpc.server.health.enabled)", e.getCause());
        }
        // HealthCheckResponse { ServingStatus status = 1; }: UNKNOWN 0, SERVING 1, NOT_SERVING 2, SERVICE_UNKNOWN 3
        CodedInputStream in = CodedInputStream.newInstance(body);
        int status = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == (1 << 3)) {
                status = in.readEnum();
            } else {
                in.skipField(tag);
            }
        }
        String name = switch (status) {
            case 1 -> "SERVING";
            case 2 -> "NOT_SERVING";
            case 3 -> "SERVICE_UNKNOWN";
            default -> "UNKNOWN";
        };
        if (status != 1) {
            throw new IllegalStateException("grpc.health.v1.Health/Check answers " + name);
        }
        return name;
    }

    static TagRequest tagRequest(SimBorrower b) {
        TagRequest.Builder r = TagRequest.newBuilder().setBorrowerId(b.id()).setType(BorrowerType.ENTERPRISE)
                .setRegionCode(b.regionCode()).setBusinessScope(b.businessScope())
                .setEmployees(b.employees())
                .setAnnualRevenueFen(b.annualRevenue().movePointRight(2).longValueExact())
                .setTotalAssetsFen(b.totalAssets().movePointRight(2).longValueExact());
        if (b.reportedIndustryCode() != null) {
            r.setIndustryCode(b.reportedIndustryCode());
        }
        return r.build();
    }

    /** What the payloads are like, for the report: text lengths and how many carry a code. */
    private void describe(List<SimBorrower> payloads) {
        int[] lengths = payloads.stream().mapToInt(b -> b.businessScope().length()).sorted().toArray();
        long withCode = payloads.stream().filter(b -> b.reportedIndustryCode() != null).count();
        report.note(String.format(Locale.ROOT, "a, b: %,d different payloads (simulator enterprises), business scopes of %d–%d "
                        + "characters (median %d), %.0f %% with the lender's industry code (a division or a class; some wrong)",
                payloads.size(), lengths[0], lengths[lengths.length - 1], lengths[lengths.length / 2],
                100.0 * withCode / payloads.size()));
    }
}
