package dev.loanwatch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The command line of the scoring-service benchmark. */
record ScoringOptions(int seconds, int rounds, int warmupSeconds, int rate, int streamRows, Path onnx, Path card,
                      List<String> serviceJvm, Set<Character> skip, boolean keep, Path root, Path stackData, Path serviceJar,
                      Path localStackJar) {

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench.jar dev.loanwatch.bench.ScoringBench [options]   (or bench/scoring.sh [options])",
            GrpcBench.LoadArgs.USAGE,
            "                   (the load of part b; --seconds is also the length of each raw run of part a)",
            "  --stream-rows N  rows sent through ScoreStream (c)                                              default 200000",
            "  --onnx FILE --card FILE   the model (default: scoring-service's test scorecard)",
            "  --service-jvm \"FLAGS\"  the service's JVM flags                                               default none",
            "  --skip a,b,c     parts to leave out",
            Args.COMMON_USAGE,
            "quick smoke run: --seconds 4 --warmup 2 --rounds 2 --stream-rows 20000");

    GrpcBench.Loading loading() {
        return new GrpcBench.Loading(rate, seconds, rounds, warmupSeconds);
    }

    boolean runs(char part) {
        return !skip.contains(part);
    }

    static ScoringOptions parse(String[] args) {
        long streamRows = 200_000;
        GrpcBench.LoadArgs load = new GrpcBench.LoadArgs();
        String jvm = "";
        String onnx = null;
        String card = null;
        Set<Character> skip = new TreeSet<>();
        Args.Common common = new Args.Common();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--stream-rows" -> streamRows = Args.count(a, Args.value(args, ++i, a));
                case "--onnx" -> onnx = Args.value(args, ++i, a);
                case "--card" -> card = Args.value(args, ++i, a);
                case "--service-jvm" -> jvm = Args.value(args, ++i, a);
                case "--skip" -> Args.parts(a, Args.value(args, ++i, a), "abc", skip);
                default -> {
                    int used = load.take(args, i);
                    i = used >= 0 ? used : common.take(args, i);
                }
            }
        }
        if (streamRows > 50_000_000) {
            throw new IllegalArgumentException("at most --stream-rows 50000000");
        }
        GrpcBench.Loading l = load.loading();
        List<String> serviceJvm = Arrays.stream(jvm.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        Path models = common.root().resolve("scoring-service/src/test/resources/models");
        return new ScoringOptions(l.seconds(), l.rounds(), l.warmupSeconds(), l.rate(), (int) streamRows,
                onnx == null ? models.resolve("scorecard.onnx") : Path.of(onnx),
                card == null ? models.resolve("scorecard.card.json") : Path.of(card), serviceJvm, skip, common.keep(),
                common.root(), common.stackData(), common.root().resolve("scoring-service/target/quarkus-app/quarkus-run.jar"),
                common.localStackJar());
    }
}
