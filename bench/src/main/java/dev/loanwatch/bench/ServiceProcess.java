package dev.loanwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** ingestion-service from its built jar, as a child process with its own JVM, configured only by environment. */
final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    final int port;
    final Path log;
    final Http http;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = new Http(port);
    }

    static ServiceProcess start(Options o, Stack stack, Db db, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(o.serviceJar())) {
            throw new IllegalStateException(o.serviceJar() + " is missing: build it with "
                    + "./mvnw -q -pl ingestion-service -am package -DskipTests");
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(List.of(Stack.java(), "-jar", o.serviceJar().toString()))
                // Quarkus resolves paths (and the import spool directory under java.io.tmpdir) independently of this
                .directory(o.serviceJar().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka());
        env.put("PG_URL_INGESTION", db.url());
        env.put("PG_USER", stack.pgUser());
        env.put("PG_PASSWORD", stack.pgPassword());
        env.put("HTTP_PORT", Integer.toString(port));
        // the benchmark chooses the business dates; a scheduled close at 00:30 must not interfere
        env.put("CLOSE_SCHEDULED", "false");
        env.put("LOG_JSON", "false");
        long t0 = System.nanoTime();
        Process p = pb.start();
        ServiceProcess service = new ServiceProcess(p, port, log);
        Log.info("ingestion-service: started pid %d on port %d against database %s (log: %s)", p.pid(), port, db.name, log);
        try {
            service.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException e) {
            service.close();
            throw e;
        }
        Log.info("ingestion-service: ready in %s", Log.secs(System.nanoTime() - t0));
        return service;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ingestion-service exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                Http.Reply r = http.get("/q/health/ready", Duration.ofSeconds(5));
                if (r.status() == 200) {
                    return;
                }
                last = "HTTP " + r.status() + " " + r.body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ingestion-service was not ready within " + READY_TIMEOUT.toSeconds()
                + " s (last readiness answer: " + last + "); see " + log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Throws when the service died, so a wait loop does not wait for a dead process. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("ingestion-service died with exit code " + process.exitValue() + "; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** SIGTERM, so Quarkus shuts down in order (consumers, relay, pool); killed only if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        Log.info("ingestion-service: stopping pid %d", process.pid());
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Log.info("ingestion-service: did not stop within 60 s; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
