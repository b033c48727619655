package dev.loanwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service from its built jar, as a child process with its own JVM, configured only by environment. */
final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    final int port;
    final Path log;
    final Http http;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = new Http(port);
    }

    /**
     * Starts {@code module}'s Quarkus jar on a free port against the stack's Kafka and PostgreSQL
     * (the environment every service reads) plus {@code env}, and waits until it is ready.
     */
    static ServiceProcess start(String module, Path jar, List<String> jvmArgs, Stack stack, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -q -pl " + module + " -am package -DskipTests");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Stack.java());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                // Quarkus resolves paths (and the import spool directory under java.io.tmpdir) independently of this
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> e = pb.environment();
        e.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka());
        e.put("PG_USER", stack.pgUser());
        e.put("PG_PASSWORD", stack.pgPassword());
        e.put("HTTP_PORT", Integer.toString(port));
        e.put("LOG_JSON", "false");
        e.putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        ServiceProcess service = new ServiceProcess(module, p, port, log);
        Log.info("%s: started pid %d on port %d%s with %s (log: %s)", module, p.pid(), port,
                jvmArgs.isEmpty() ? "" : " (JVM " + String.join(" ", jvmArgs) + ")", env, log);
        try {
            service.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException ex) {
            service.close();
            throw ex;
        }
        Log.info("%s: ready in %s", module, Log.secs(System.nanoTime() - t0));
        return service;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
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
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s (last readiness answer: " + last + "); see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Throws when the service died, so a wait loop does not wait for a dead process. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " died with exit code " + process.exitValue() + "; see " + log);
        }
    }

    /** Resident memory now and at its peak (VmRSS, VmHWM of /proc/PID/status), in KiB. */
    record Memory(long rssKb, long peakKb) {
        String text() {
            return String.format(Locale.ROOT, "%,d MB (peak %,d MB)", rssKb / 1024, peakKb / 1024);
        }
    }

    Memory memory() throws IOException {
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kb(line);
            }
        }
        return new Memory(rss, peak);
    }

    /**
     * What the JVM says of its memory: {@code jcmd PID GC.heap_info}, and the native memory summary
     * when the service runs with {@code -XX:NativeMemoryTracking=summary}; for explaining the RSS.
     */
    String jvmMemory(boolean nativeTracking) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder(jcmd("GC.heap_info"));
        if (nativeTracking) {
            out.append(jcmd("VM.native_memory", "summary"));
        }
        return out.toString();
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private static long kb(String line) {
        // "VmRSS:	  123456 kB"
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
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
        Log.info("%s: stopping pid %d", name, process.pid());
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Log.info("%s: did not stop within 60 s; killing it", name);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
