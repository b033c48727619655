package dev.loanwatch.stack;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (combined broker and controller) from Apache's own jars, run as a child
 * JVM so that it behaves like a production broker and survives a crash of this launcher's threads.
 */
final class StandaloneKafka {

    static final String MAIN_CLASS = "kafka.Kafka";
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path logDir;
    private final Path pidFile;
    private final int port;
    private final int controllerPort;

    /** Set when this launcher is responsible for stopping the broker. */
    private volatile ProcessHandle owned;

    StandaloneKafka(Path dataDir, int port, int controllerPort) {
        this.dir = dataDir.resolve("kafka");
        this.logDir = dir.resolve("data");
        this.pidFile = dir.resolve("kafka.pid");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    Path pidFile() {
        return pidFile;
    }

    void start() throws IOException, InterruptedException {
        Optional<ProcessHandle> previous = Pids.alive(pidFile, MAIN_CLASS);
        if (Ports.accepts(HOST, port)) {
            if (!isKafka()) {
                throw new IllegalStateException("Port " + port + " is in use by something that is not a Kafka broker;"
                        + " set KAFKA_PORT to another port");
            }
            // Typically a broker left behind by a launcher that was killed with SIGKILL.
            if (previous.isPresent()) {
                owned = previous.get();
                log("Kafka: adopting the broker still running from " + dir + " (pid " + owned.pid() + ")");
            } else {
                log("Kafka: a broker already listens on " + bootstrapServers() + "; using it (not stopping it later)");
            }
            return;
        }
        if (previous.isPresent()) {
            // Alive but not on our port (e.g. KAFKA_PORT changed): a second broker on the same log dir
            // would corrupt it, so refuse instead.
            throw new IllegalStateException("A broker from " + dir + " is still running as pid " + previous.get().pid()
                    + " but not on port " + port + "; stop it first (local-stack stop)");
        }

        long t0 = System.nanoTime();
        Files.createDirectories(logDir);
        Files.createDirectories(dir.resolve("logs"));
        Path serverProperties = writeServerProperties();
        Path log4j = writeLog4jConfig();
        String classpath = brokerClasspath();

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(classpath, log4j, serverProperties);
        }

        List<String> command = javaCommand(classpath, log4j, "-Xmx512m");
        command.add(MAIN_CLASS);
        command.add(serverProperties.toString());
        File out = dir.resolve("logs").resolve("kafka.out").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
                .start();
        owned = process.toHandle();
        Pids.write(pidFile, process.pid());
        process.onExit().thenRun(() -> {
            if (owned != null) {
                log("Kafka: the broker exited unexpectedly with code " + process.exitValue()
                        + "; see " + dir.resolve("logs"));
            }
        });
        awaitReady(process);
        log(String.format("Kafka: broker ready on %s in %d ms (pid %d, logs in %s)", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), process.pid(), dir.resolve("logs")));
    }

    void stop() {
        ProcessHandle process = owned;
        owned = null;
        if (process == null || !process.isAlive()) {
            return;
        }
        log("Kafka: stopping broker (pid " + process.pid() + ")");
        // TERM makes the broker shut down cleanly, so the next start needs no log recovery.
        if (!Pids.signalAndWait(process, "TERM", Duration.ofSeconds(60))) {
            log("Kafka: broker did not stop within 60 s; killing it");
            process.destroyForcibly();
            Pids.waitFor(process, Duration.ofSeconds(10));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is harmless: start() checks that the process is alive.
        }
    }

    private Path writeServerProperties() throws IOException {
        String listener = "PLAINTEXT://" + HOST + ":" + port;
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        String content = String.join("\n",
                "# Written by local-stack at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                // Static voters: the quorum is fixed by configuration, so format runs without --standalone.
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=" + listener + "," + controller,
                "advertised.listeners=" + listener,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=1",
                // One node cannot hold more replicas than one.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // The default delay only helps large consumer groups; locally it is waiting time.
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        Path logs = dir.resolve("logs").toAbsolutePath();
        String content = String.join("\n",
                "status = warn",
                // Log4j's own hook would close the file before the broker's shutdown hook has finished
                // logging; the appender flushes every line anyway.
                "shutdownHook = disable",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = " + logs.resolve("server.log"),
                "appender.file.filePattern = " + logs.resolve("server.log.%i"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 50MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "");
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void format(String classpath, Path log4j, Path serverProperties) throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = javaCommand(classpath, log4j);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Formatting " + logDir + " failed:\n" + output);
        }
        log("Kafka: formatted " + logDir + " (cluster id " + clusterId + ")");
    }

    private static List<String> javaCommand(String classpath, Path log4j, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    /**
     * The broker needs this module's runtime dependencies. In the packaged layout they sit in
     * {@code lib/} next to the jar; when run from an IDE or {@code target/classes}, the JVM's own
     * class path already lists them.
     */
    static String brokerClasspath() {
        try {
            Path self = Path.of(StandaloneKafka.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = self.getParent().resolve("lib");
            if (Files.isRegularFile(self) && Files.isDirectory(lib)) {
                return lib.toAbsolutePath() + File.separator + "*";
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the JVM class path below
        }
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains("kafka_2.13")) {
            throw new IllegalStateException("Cannot find the Kafka jars: run local-stack from its packaged layout"
                    + " (local-stack/target/local-stack.jar with target/lib next to it)");
        }
        return classpath;
    }

    private void awaitReady(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Ports.accepts(HOST, port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                        + "; see " + dir.resolve("logs"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kafka broker did not open port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; see " + dir.resolve("logs"));
            }
            Thread.sleep(100);
        }
        // An open port is not yet a usable broker: wait until it answers metadata requests.
        while (!isKafka()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kafka broker does not answer; see " + dir.resolve("logs"));
            }
            Thread.sleep(200);
        }
    }

    private boolean isKafka() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                // A foreign service on the port must not make the client retry for minutes.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void log(String message) {
        System.err.println("[local-stack] " + message);
    }
}
