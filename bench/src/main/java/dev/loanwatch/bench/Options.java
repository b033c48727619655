package dev.loanwatch.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The command line of the benchmark. */
record Options(long payments, long loans, long kafka, Set<Character> skip, boolean keep, Path root, Path stackData,
               Path serviceJar, Path localStackJar) {

    static final String USAGE = String.join("\n",
            "usage: java -jar bench/target/bench.jar [options]      (or bench/run.sh [options], which builds first)",
            "  --payments N   payments in the CSV batch import (part a)            default 1000000",
            "  --kafka N      payment records produced to loanbook.in.payments (b)  default 1000000",
            "  --loans N      open loans for the daily close (parts c and d)        default 1000000",
            "  --skip a,b,c   parts to leave out (d belongs to c)",
            Args.COMMON_USAGE,
            "quick smoke run: --payments 20000 --kafka 20000 --loans 20000");

    boolean runs(char part) {
        return !skip.contains(part);
    }

    static Options parse(String[] args) {
        long payments = 1_000_000, loans = 1_000_000, kafka = 1_000_000;
        Set<Character> skip = new TreeSet<>();
        Args.Common common = new Args.Common();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--payments" -> payments = Args.count(a, Args.value(args, ++i, a));
                case "--loans" -> loans = Args.count(a, Args.value(args, ++i, a));
                case "--kafka" -> kafka = Args.count(a, Args.value(args, ++i, a));
                case "--skip" -> Args.parts(a, Args.value(args, ++i, a), "abcd", skip);
                default -> i = common.take(args, i);
            }
        }
        // d is the outbox drain after the closes of c: without c there is nothing to drain
        if (skip.contains('c')) {
            skip.add('d');
        }
        return new Options(payments, loans, kafka, skip, common.keep(), common.root(), common.stackData(),
                common.root().resolve("ingestion-service/target/quarkus-app/quarkus-run.jar"), common.localStackJar());
    }
}
