package dev.loanwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
            "  --keep         keep the benchmark database instead of dropping it",
            "  --root DIR     the repository root (default: found from the working directory)",
            "  --stack-data DIR  local-stack state directory (default: ROOT/.local)",
            "quick smoke run: --payments 20000 --kafka 20000 --loans 20000");

    boolean runs(char part) {
        return !skip.contains(part);
    }

    static Options parse(String[] args) {
        long payments = 1_000_000, loans = 1_000_000, kafka = 1_000_000;
        Set<Character> skip = new TreeSet<>();
        boolean keep = false;
        Path root = null, stackData = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--payments" -> payments = count(a, value(args, ++i, a));
                case "--loans" -> loans = count(a, value(args, ++i, a));
                case "--kafka" -> kafka = count(a, value(args, ++i, a));
                case "--skip" -> {
                    for (String part : value(args, ++i, a).split(",")) {
                        String p = part.trim().toLowerCase(Locale.ROOT);
                        if (!p.matches("[abcd]")) {
                            throw new IllegalArgumentException("--skip takes a comma-separated list of a, b, c, got: " + part);
                        }
                        skip.add(p.charAt(0));
                    }
                }
                case "--keep" -> keep = true;
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--stack-data" -> stackData = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        // d is the outbox drain after the closes of c: without c there is nothing to drain
        if (skip.contains('c')) {
            skip.add('d');
        }
        root = (root != null ? root : findRoot()).toAbsolutePath().normalize();
        stackData = (stackData != null ? stackData : root.resolve(".local")).toAbsolutePath().normalize();
        return new Options(payments, loans, kafka, skip, keep, root, stackData,
                root.resolve("ingestion-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("local-stack/target/local-stack.jar"));
    }

    /** The repository root is the nearest directory upwards that holds the ingestion-service module. */
    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("ingestion-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalArgumentException("cannot find the repository root from " + dir + "; pass --root DIR");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Accepts 1000000, 1_000_000, 1,000,000 and the short forms 20k and 1m. */
    private static long count(String option, String text) {
        String s = text.replace("_", "").replace(",", "").trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (s.endsWith("k")) {
            factor = 1_000;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            factor = 1_000_000;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s) * factor;
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive count, got: " + text);
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
