package dev.loanwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** What the benchmarks' command lines share: option values, counts, the repository root. */
final class Args {

    private Args() {
    }

    /** The repository root is the nearest directory upwards that holds the services' modules. */
    static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("ingestion-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalArgumentException("cannot find the repository root from " + dir + "; pass --root DIR");
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Accepts 1000000, 1_000_000, 1,000,000 and the short forms 20k and 1m. */
    static long count(String option, String text) {
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

    /** --skip a,b: the parts named, each one of {@code parts}. */
    static void parts(String option, String list, String parts, Set<Character> into) {
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.length() != 1 || parts.indexOf(p.charAt(0)) < 0) {
                throw new IllegalArgumentException(option + " takes a comma-separated list of " + String.join(", ",
                        parts.chars().mapToObj(c -> String.valueOf((char) c)).toList()) + ", got: " + part);
            }
            into.add(p.charAt(0));
        }
    }

    /** The usage lines of the options every benchmark has ({@link Common}). */
    static final String COMMON_USAGE = String.join("\n",
            "  --keep         keep the benchmark database instead of dropping it",
            "  --root DIR     the repository root (default: found from the working directory)",
            "  --stack-data DIR  local-stack state directory (default: ROOT/.local)");

    /** The options every benchmark has: --keep, --root, --stack-data, --help; anything else is unknown. */
    static final class Common {
        private boolean keep;
        private Path root;
        private Path stackData;

        /** Takes option {@code args[i]}; returns the index of the last argument it used. */
        int take(String[] args, int i) {
            String a = args[i];
            switch (a) {
                case "--keep" -> keep = true;
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--stack-data" -> stackData = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
            return i;
        }

        boolean keep() {
            return keep;
        }

        Path root() {
            return (root != null ? root : findRoot()).toAbsolutePath().normalize();
        }

        Path stackData() {
            return (stackData != null ? stackData : root().resolve(".local")).toAbsolutePath().normalize();
        }

        Path localStackJar() {
            return root().resolve("local-stack/target/local-stack.jar");
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
