package dev.loanwatch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The command line of the tagging-service benchmark. */
record TaggingOptions(int seconds, int rounds, int warmupSeconds, int rate, int borrowers, List<String> serviceJvm, Set<Character> skip,
                      boolean keep, Path root, Path stackData, Path serviceJar, Path localStackJar) {

    /**
     * The service's JVM unless --service-jvm says otherwise. Without a heap cap the JVM takes up to a
     * quarter of the machine's memory for its heap (6 GB here) and G1 grows into it under this load.
     * Measured on this machine, most VmRSS after re-tagging 100,000–1,000,000 borrowers (the service
     * sits at 265–290 MB right after start): -Xmx256m 451 MB; -Xmx256m -XX:+UseSerialGC 436 MB;
     * -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k
     * 403 MB; -Xmx128m (G1) 387–392 MB; -Xmx128m -XX:+UseSerialGC 381–391 MB (peak 397 MB: too
     * close to the 400 MB target); -Xmx96m -XX:+UseSerialGC 342 MB (peak 349 MB). The heap is what
     * moves: the live set after a young collection is ~30 MB; the rest is metaspace (~90 MB: Quarkus,
     * Hibernate Reactive, Kafka, gRPC), code cache (~30 MB), symbols (~23 MB), the CDS archive and
     * native libraries. The serial collector has no G1 remembered sets (~15–25 MB at these heap
     * sizes), and on two cores its young pauses (1–4 ms) are as short as G1's; the smaller heap
     * collects more often, which shows in Tag's p99 (see TaggingBench). Outside the JVM's flags,
     * MALLOC_ARENA_MAX=2 in the service's environment saves another 15–20 MB.
     * A larger young generation (-Xmx128m -Xmn96m -XX:+UseSerialGC) collects about once a second at
     * 2,000 Tag calls/s and helped Tag's p99 in short runs (~1.8× instead of ~2.1×), but its 32 MB old
     * generation fills during a re-tag: 125 s instead of 96 s for 1,000,000 borrowers, RSS 381 MB.
     */
    static final String DEFAULT_SERVICE_JVM = "-Xmx96m -XX:+UseSerialGC";

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench.jar dev.loanwatch.bench.TaggingBench [options]   (or bench/tagging.sh [options])",
            GrpcBench.LoadArgs.USAGE,
            "                   (the loads of parts a, b)",
            "  --borrowers N    borrowers in the service's read model to re-tag (c)         default 1000000",
            "  --service-jvm \"FLAGS\"  the service's JVM flags                               default " + DEFAULT_SERVICE_JVM,
            "                   (\"\" for none: the JVM's own defaults)",
            "  --skip a,b,c     parts to leave out (d, the service's memory, is always read)",
            Args.COMMON_USAGE,
            "quick smoke run: --seconds 4 --warmup 3 --borrowers 20000");

    GrpcBench.Loading loading() {
        return new GrpcBench.Loading(rate, seconds, rounds, warmupSeconds);
    }

    boolean runs(char part) {
        return !skip.contains(part);
    }

    static TaggingOptions parse(String[] args) {
        long borrowers = 1_000_000;
        GrpcBench.LoadArgs load = new GrpcBench.LoadArgs();
        String jvm = DEFAULT_SERVICE_JVM;
        Set<Character> skip = new TreeSet<>();
        Args.Common common = new Args.Common();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--borrowers" -> borrowers = Args.count(a, Args.value(args, ++i, a));
                case "--service-jvm" -> jvm = Args.value(args, ++i, a);
                case "--skip" -> Args.parts(a, Args.value(args, ++i, a), "abc", skip);
                default -> {
                    int used = load.take(args, i);
                    i = used >= 0 ? used : common.take(args, i);
                }
            }
        }
        if (borrowers > 20_000_000) {
            throw new IllegalArgumentException("at most --borrowers 20000000");
        }
        GrpcBench.Loading l = load.loading();
        List<String> serviceJvm = Arrays.stream(jvm.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        return new TaggingOptions(l.seconds(), l.rounds(), l.warmupSeconds(), l.rate(), (int) borrowers, serviceJvm, skip, common.keep(),
                common.root(), common.stackData(), common.root().resolve("tagging-service/target/quarkus-app/quarkus-run.jar"),
                common.localStackJar());
    }
}
