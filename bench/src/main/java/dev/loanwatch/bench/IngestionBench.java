package dev.loanwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Benchmark of ingestion-service: batch import (a), Kafka input (b), daily close (c) and
 * outbox relay (d), each next to a baseline measured in the same run on the same database.
 * The service runs as a child process from its built jar, on a fresh database of the local
 * stack; see bench/README.md.
 */
public final class IngestionBench {

    private IngestionBench() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Run run = new Run(o);
        // Ctrl-C must not leave a service, a database or a stack behind
        Thread hook = new Thread(run::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = 0;
        try {
            run.execute();
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

    /** One run: what it started, so that cleanUp stops exactly that. */
    private static final class Run {
        private final Options o;
        private final Report report = new Report();
        private final Path target;
        private Stack stack;
        private Db db;
        private ServiceProcess service;
        private boolean cleaned;
        private String machine = "";

        Run(Options o) {
            this.o = o;
            this.target = o.root().resolve("bench/target");
        }

        void execute() throws Exception {
            Files.createDirectories(target);
            machine = machine();
            Log.info("%s", machine.replace("\n", " | "));
            Log.info("parts: %s; payments %,d, kafka %,d, loans %,d%s", parts(), o.payments(), o.kafka(), o.loans(),
                    o.keep() ? ", keeping the database" : "");

            stack = Stack.startOrReuse(o, target.resolve("local-stack.log"));
            KafkaBench kafka = new KafkaBench(stack.kafka());
            if (o.runs('b')) {
                kafka.skipLeftovers();
            }
            db = new Db(stack, "bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")));
            db.create();
            Log.info("database %s created (%s)", db.name, db.text("select version()"));
            machine += "\nPostgreSQL: " + db.text("select version()") + " at " + stack.pgHost() + ":" + stack.pgPort()
                    + "; Kafka: " + stack.kafka();

            service = ServiceProcess.start(o, stack, db, target.resolve("ingestion-service.log"));

            Book book = null;
            if (o.runs('a') || o.runs('b')) {
                long most = Math.max(o.runs('a') ? o.payments() : 0, o.runs('b') ? o.kafka() : 0);
                book = new Book((int) Math.max(1, (most + Book.PAYMENTS_PER_LOAN - 1) / Book.PAYMENTS_PER_LOAN));
                Log.info("a: loading %,d borrowers and %,d loans through the import API", book.loans, book.loans);
                new ImportBench(service, db, target.resolve("data")).loadBook(book, report);
            }
            if (o.runs('a')) {
                new ImportBench(service, db, target.resolve("data")).run(book, o.payments(), report);
            }
            Outbox outbox = new Outbox(service, db, report);
            if (o.runs('b')) {
                // the relay publishing part a's events would otherwise compete with the consumer
                outbox.awaitEmpty("before part b");
                kafka.run(book, o.kafka(), db, service, report);
            }
            if (o.runs('c')) {
                new CloseBench(service, db, report, outbox).run(o.loans(), o.runs('d'));
            }
            printReport("Results");
        }

        private String parts() {
            StringBuilder sb = new StringBuilder();
            for (char p : new char[]{'a', 'b', 'c', 'd'}) {
                if (o.runs(p)) {
                    sb.append(sb.length() == 0 ? "" : ",").append(p);
                }
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }

        void printReport(String title) {
            String header = "## ingestion-service benchmark: " + title + "\n\n"
                    + "Run " + LocalDateTime.now().withNano(0) + " with `" + command() + "`\n\n"
                    + "```\n" + machine + "\n```\n";
            String md = report.markdown(header);
            System.out.println();
            System.out.println(md);
            System.out.flush();
            try {
                Files.writeString(target.resolve("bench-result.md"), md, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("[bench] cannot write " + target.resolve("bench-result.md") + ": " + e.getMessage());
            }
        }

        private String command() {
            return String.format(Locale.ROOT, "--payments %d --kafka %d --loans %d%s", o.payments(), o.kafka(), o.loans(),
                    o.skip().isEmpty() ? "" : " --skip " + String.join(",", o.skip().stream().map(String::valueOf).toList()));
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
            if (db != null) {
                if (o.keep()) {
                    Log.info("database %s kept (--keep): %s", db.name, db.url());
                } else {
                    try {
                        db.drop();
                        Log.info("database %s dropped", db.name);
                    } catch (Exception e) {
                        Log.info("could not drop database %s: %s", db.name, e.getMessage());
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

        private static String machine() {
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
}
