package dev.loanwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What every benchmark run does around its own parts: the command line, the local stack, a fresh
 * database, the service, the report at the end (also after a failure), and cleaning up exactly
 * what it started, on Ctrl-C too.
 */
abstract class BenchRun {
    final Report report = new Report();
    final Path target;
    private final String title;
    private final String resultFile;
    private final boolean keep;
    Stack stack;
    Db db;
    ServiceProcess service;
    String machine = "";
    /** Databases besides {@link #db} (a service's own), dropped with it. */
    private final List<Db> moreDatabases = new ArrayList<>();
    private boolean cleaned;

    BenchRun(String title, Path root, String resultFile, boolean keep) {
        this.title = title;
        this.target = root.resolve("bench/target");
        this.resultFile = resultFile;
        this.keep = keep;
    }

    /** The parts of the benchmark, after which the report is printed. */
    abstract void execute() throws Exception;

    /** The options of this run, for the report's header. */
    abstract String command();

    /** Parses the arguments, runs, cleans up and exits: 0 when every part ran, 1 after a failure, 2 on bad arguments. */
    static void main(String[] args, Function<String[], BenchRun> parse, String usage) {
        BenchRun run;
        try {
            run = parse.apply(args);
        } catch (Args.HelpRequested e) {
            System.out.println(usage);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        // Ctrl-C must not leave a service, a database or a stack behind
        Thread hook = new Thread(run::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = 0;
        try {
            run.execute();
            run.printReport("Results");
        } catch (Exception e) {
            code = 1;
            System.out.flush();
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            run.printReport("Partial results (the run failed: " + e.getMessage() + ")");
        } finally {
            run.cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook has run or is running
            }
        }
        System.exit(code);
    }

    /** The local stack (started or reused) and a fresh database {@code bench_<timestamp>} on it. */
    void startStackAndDatabase(Path localStackJar, Path stackData) throws Exception {
        Files.createDirectories(target);
        machine = machine();
        Log.info("%s", machine.replace("\n", " | "));
        stack = Stack.startOrReuse(localStackJar, stackData, target.resolve("local-stack.log"));
        db = new Db(stack, "bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")));
        db.create();
        Log.info("database %s created (%s)", db.name, db.text("select version()"));
        machine += "\nPostgreSQL: " + db.text("select version()") + " at " + stack.pgHost() + ":" + stack.pgPort()
                + "; Kafka: " + stack.kafka();
    }

    /** One more fresh database on the stack, {@code <db>_<suffix>}, dropped (or kept) with {@link #db}. */
    Db createDatabase(String suffix) throws SQLException {
        Db more = new Db(stack, db.name + "_" + suffix);
        more.create();
        moreDatabases.add(more);
        Log.info("database %s created", more.name);
        return more;
    }

    void printReport(String heading) {
        String header = "## " + title + ": " + heading + "\n\n"
                + "Run " + LocalDateTime.now().withNano(0) + " with `" + command() + "`\n\n"
                + "```\n" + machine + "\n```\n";
        String md = report.markdown(header);
        System.out.println();
        System.out.println(md);
        System.out.flush();
        Path file = target.resolve(resultFile);
        try {
            Files.writeString(file, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("[bench] cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Idempotent: runs at the end and from the shutdown hook on Ctrl-C. */
    synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        if (service != null) {
            service.close();
        }
        List<Db> databases = new ArrayList<>(moreDatabases);
        if (db != null) {
            databases.add(0, db);
        }
        for (Db d : databases) {
            if (keep) {
                Log.info("database %s kept (--keep): %s", d.name, d.url());
            } else {
                try {
                    d.drop();
                    Log.info("database %s dropped", d.name);
                } catch (Exception e) {
                    Log.info("could not drop database %s: %s", d.name, e.getMessage());
                }
            }
        }
        if (stack != null) {
            if (stack.startedHere()) {
                stack.close();
            } else {
                Log.info("local stack left running (it was running before the benchmark)");
            }
        }
    }

    /** The machine's load averages over 1, 5 and 15 minutes ("" where /proc/loadavg is missing): how busy the shared machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count below still says the essential
        }
        return String.format(Locale.ROOT, "Machine: %d cores%s, %.1f GB RAM, %s %s (%s)%nJVM: %s %s (%s), bench and service on the same JVM build",
                rt.availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")", memory / 1e9,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"));
    }
}
