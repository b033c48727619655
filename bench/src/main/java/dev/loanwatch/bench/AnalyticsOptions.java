package dev.loanwatch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of the alert-service analytics benchmark. */
record AnalyticsOptions(int loans, int months, long seed, int apiRuns, int sqlRuns, int warmup, List<String> serviceJvm,
                        boolean keep, Path root, Path stackData, Path serviceJar, Path localStackJar) {

    /** A modest heap: the machine is shared, and the service's work is in PostgreSQL. */
    static final String DEFAULT_SERVICE_JVM = "-Xmx1g";

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench.jar dev.loanwatch.bench.AnalyticsBench [options]   (or bench/analytics.sh [options])",
            "  --loans N        loans open at every month end                                default 1000000",
            "  --months N       month ends (the last is 2025-12)                              default 24",
            "  --seed N         the book's random seed                                        default 42",
            "  --api-runs N     timed calls per report and filter, after the warm-up         default 10",
            "  --sql-runs N     timed runs of the plain SQL per report and filter             default 3",
            "  --warmup N       untimed API calls first (the plain SQL gets one)              default 3",
            "  --service-jvm \"FLAGS\"  alert-service's JVM flags                              default " + DEFAULT_SERVICE_JVM,
            Args.COMMON_USAGE,
            "quick run: --loans 20000 --months 6");

    static AnalyticsOptions parse(String[] args) {
        long loans = 1_000_000, months = 24, seed = 42, apiRuns = 10, sqlRuns = 3, warmup = 3;
        String jvm = DEFAULT_SERVICE_JVM;
        Args.Common common = new Args.Common();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--loans" -> loans = Args.count(a, Args.value(args, ++i, a));
                case "--months" -> months = Args.count(a, Args.value(args, ++i, a));
                case "--seed" -> seed = Args.count(a, Args.value(args, ++i, a));
                case "--api-runs" -> apiRuns = Args.count(a, Args.value(args, ++i, a));
                case "--sql-runs" -> sqlRuns = Args.count(a, Args.value(args, ++i, a));
                case "--warmup" -> warmup = Args.count(a, Args.value(args, ++i, a));
                case "--service-jvm" -> jvm = Args.value(args, ++i, a);
                default -> i = common.take(args, i);
            }
        }
        if (loans > 20_000_000 || months < 2 || months > 120 || apiRuns > 1000 || sqlRuns > 100 || warmup > 100) {
            throw new IllegalArgumentException("at most --loans 20000000, --months 2 … 120, --api-runs 1000, --sql-runs 100, --warmup 100");
        }
        List<String> serviceJvm = Arrays.stream(jvm.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        return new AnalyticsOptions((int) loans, (int) months, seed, (int) apiRuns, (int) sqlRuns, (int) warmup, serviceJvm,
                common.keep(), common.root(), common.stackData(),
                common.root().resolve("alert-service/target/quarkus-app/quarkus-run.jar"), common.localStackJar());
    }
}
