package dev.loanwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

/**
 * Runs Kafka and PostgreSQL for local development without Docker.
 *
 * <pre>
 * local-stack start [--data DIR] [--databases a,b,c]   foreground; Ctrl-C or SIGTERM stops it
 * local-stack stop  [--data DIR]                        stops the stack started with that data dir
 * local-stack env   [--data DIR]                        prints the running stack's KEY=value lines
 * local-stack token --user U --roles a,b [--minutes 60]  prints a signed dev JWT ({@link DevTokens})
 * </pre>
 *
 * Only {@code KEY=value} lines go to stdout; progress goes to stderr, so stdout can be eval'ed.
 */
public final class LocalStack {

    private static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_-]{0,62}");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]*");
    /** How the launcher's command line is recognised: run as the jar, or by class name. */
    private static final String[] MARKERS = {"local-stack", LocalStack.class.getName()};

    private final Path dataDir;
    private final List<String> databases;

    private LocalStack(Path dataDir, List<String> databases) {
        this.dataDir = dataDir;
        this.databases = databases;
    }

    public static void main(String[] args) {
        String command = null;
        Path data = Path.of(".local");
        List<String> databases = List.of("ingestion");
        try {
            if (args.length > 0 && args[0].equals("token")) {
                // only the token on stdout, so TOKEN=$(... token ...) works
                System.out.println(DevTokens.command(Arrays.copyOfRange(args, 1, args.length)));
                return;
            }
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i, "--data"));
                    case "--databases" -> databases = parseDatabases(value(args, ++i, "--databases"));
                    case "-h", "--help" -> {
                        usage();
                        return;
                    }
                    default -> {
                        if (command != null || args[i].startsWith("-")) {
                            throw new IllegalArgumentException("Unexpected argument: " + args[i]);
                        }
                        command = args[i];
                    }
                }
            }
            LocalStack stack = new LocalStack(data.toAbsolutePath().normalize(), databases);
            switch (command == null ? "" : command) {
                case "start" -> stack.start();
                case "stop" -> System.exit(stack.stop() ? 0 : 1);
                case "env" -> System.exit(stack.printEnv() ? 0 : 1);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("[local-stack] " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("[local-stack] failed:");
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println(String.join("\n",
                "usage: local-stack start|stop|env [--data DIR] [--databases a,b,c]",
                "       local-stack token --user NAME --roles a,b [--minutes 60]",
                "  start      run Kafka and PostgreSQL in the foreground until Ctrl-C / SIGTERM",
                "  stop       stop the stack that uses DIR",
                "  env        print the running stack's KEY=value lines (for eval)",
                "  token      print an RS256 JWT signed with the development key (iss https://loanwatch.dev/issuer,",
                "             upn NAME, groups a,b), valid --minutes (default 60)",
                "  --data DIR         state directory (default: .local)",
                "  --databases a,b,c  databases to create if missing (default: ingestion)",
                "environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1),",
                "  PGHOST/PGPORT/PGUSER/PGPASSWORD (an existing server, 127.0.0.1:5432),",
                "  PGPORT_EMBEDDED (55432)"));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> parseDatabases(String list) {
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!DATABASE.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a valid database name (lower case, digits, _ and -): " + name);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private Path pidFile() {
        return dataDir.resolve("local-stack.pid");
    }

    private Path envFile() {
        return dataDir.resolve("stack.env");
    }

    private void start() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(dataDir);
        Optional<ProcessHandle> running = Pids.alive(pidFile(), MARKERS);
        if (running.isPresent()) {
            throw new IllegalStateException("A stack already runs on " + dataDir + " (pid " + running.get().pid()
                    + "); its addresses are in " + envFile());
        }
        Pids.write(pidFile(), ProcessHandle.current().pid());

        int kafkaPort = Ports.fromEnv("KAFKA_PORT", 9092);
        StandaloneKafka kafka = new StandaloneKafka(dataDir, kafkaPort,
                Ports.fromEnv("KAFKA_CONTROLLER_PORT", kafkaPort + 1));
        LocalPostgres postgres = new LocalPostgres(dataDir, Ports.fromEnv("PGPORT_EMBEDDED", 55432));

        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so Ctrl-C during start-up also cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.stop();
                postgres.stop();
                Files.deleteIfExists(envFile());
                Files.deleteIfExists(pidFile());
                System.err.println("[local-stack] stopped");
            } catch (IOException e) {
                System.err.println("[local-stack] cleanup: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "local-stack-shutdown"));

        // SLF4J initialised from two threads at once drops and complains about early log calls.
        LoggerFactory.getILoggerFactory();
        // Both take seconds and do not depend on each other.
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> unchecked(kafka::start));
        LocalPostgres.Endpoint pg;
        try {
            pg = postgres.start();
            postgres.createDatabases(databases);
            kafkaStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("PG_HOST", pg.host());
        env.put("PG_PORT", Integer.toString(pg.port()));
        env.put("PG_USER", pg.user());
        env.put("PG_PASSWORD", pg.password());
        for (String db : databases) {
            String key = db.toUpperCase(Locale.ROOT).replace('-', '_');
            env.put("PG_URL_" + key, pg.jdbcUrl(db));
            env.put("PG_REACTIVE_URL_" + key, pg.reactiveUrl(db));
        }
        String lines = render(env);
        Path tmp = envFile().resolveSibling("stack.env.tmp");
        Files.writeString(tmp, lines, StandardCharsets.UTF_8);
        // Readers must never see a half-written file.
        Files.move(tmp, envFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.print(lines);
        System.out.flush();
        System.err.printf("[local-stack] ready in %d ms; addresses also in %s. Ctrl-C or 'stop' to stop.%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), envFile());

        stopped.await();
    }

    private static String render(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append(k).append('=').append(shellQuote(v)).append('\n'));
        return out.toString();
    }

    private static String shellQuote(String value) {
        if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private boolean stop() {
        Optional<ProcessHandle> launcher = Pids.alive(pidFile(), MARKERS);
        if (launcher.isPresent()) {
            System.err.println("[local-stack] stopping the stack (pid " + launcher.get().pid() + ")");
            // TERM runs the launcher's shutdown hook, which stops the broker and the database in order.
            if (Pids.signalAndWait(launcher.get(), "TERM", Duration.ofSeconds(150))) {
                System.err.println("[local-stack] stopped");
                return true;
            }
            System.err.println("[local-stack] the stack did not stop within 150 s");
            return false;
        }
        // No launcher: stop what a killed launcher may have left behind.
        boolean found = false;
        StandaloneKafka kafka = new StandaloneKafka(dataDir, 0, 0);
        Optional<ProcessHandle> broker = Pids.alive(kafka.pidFile(), StandaloneKafka.MAIN_CLASS);
        if (broker.isPresent()) {
            found = true;
            System.err.println("[local-stack] stopping a left-over broker (pid " + broker.get().pid() + ")");
            if (!Pids.signalAndWait(broker.get(), "TERM", Duration.ofSeconds(60))) {
                broker.get().destroyForcibly();
            }
        }
        Optional<ProcessHandle> postmaster = Pids.alive(new LocalPostgres(dataDir, 0).postmasterPidFile(), "postgres");
        if (postmaster.isPresent()) {
            found = true;
            LocalPostgres.stopPostmaster(postmaster.get());
        }
        try {
            Files.deleteIfExists(envFile());
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // stale files are ignored by the next start
        }
        System.err.println(found ? "[local-stack] stopped left-overs" : "[local-stack] nothing runs on " + dataDir);
        return true;
    }

    private boolean printEnv() throws IOException {
        if (Pids.alive(pidFile(), MARKERS).isEmpty() || !Files.exists(envFile())) {
            System.err.println("[local-stack] no stack runs on " + dataDir);
            return false;
        }
        System.out.print(Files.readString(envFile(), StandardCharsets.UTF_8));
        return true;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static void unchecked(Action action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
