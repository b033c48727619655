package dev.loanwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
    static void parts(String option, String list, String parts, java.util.Set<Character> into) {
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.length() != 1 || parts.indexOf(p.charAt(0)) < 0) {
                throw new IllegalArgumentException(option + " takes a comma-separated list of " + String.join(", ",
                        parts.chars().mapToObj(c -> String.valueOf((char) c)).toList()) + ", got: " + part);
            }
            into.add(p.charAt(0));
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
