package dev.loanwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kafka and PostgreSQL from the local-stack module: a stack already running on the data
 * directory is reused (and left running); otherwise one is started as a child process and
 * stopped at the end.
 */
final class Stack implements AutoCloseable {
    static final List<String> REQUIRED = List.of("KAFKA_BOOTSTRAP_SERVERS", "PG_HOST", "PG_PORT", "PG_USER", "PG_PASSWORD");
    private static final long START_TIMEOUT_SECONDS = 240;

    private final Map<String, String> env;
    private final Process started;

    private Stack(Map<String, String> env, Process started) {
        this.env = env;
        this.started = started;
    }

    String kafka() {
        return env.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    String pgHost() {
        return env.get("PG_HOST");
    }

    int pgPort() {
        return Integer.parseInt(env.get("PG_PORT"));
    }

    String pgUser() {
        return env.get("PG_USER");
    }

    String pgPassword() {
        return env.get("PG_PASSWORD");
    }

    boolean startedHere() {
        return started != null;
    }

    static Stack startOrReuse(Path localStackJar, Path stackData, Path logFile) throws IOException, InterruptedException {
        if (!Files.isRegularFile(localStackJar)) {
            throw new IllegalStateException(localStackJar + " is missing: build it with "
                    + "./mvnw -q -pl local-stack -am package -DskipTests");
        }
        // "env" answers only when the stack's launcher is alive, so a stale stack.env is not trusted
        Process probe = new ProcessBuilder(java(), "-jar", localStackJar.toString(), "env", "--data", stackData.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (probe.waitFor() == 0) {
            Map<String, String> env = parse(out.lines().toList());
            if (env.keySet().containsAll(REQUIRED)) {
                Log.info("local stack: reusing the one running on %s (Kafka %s, PostgreSQL %s:%s)", stackData,
                        env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("PG_HOST"), env.get("PG_PORT"));
                return new Stack(env, null);
            }
        }

        Log.info("local stack: starting it on %s (its log: %s)", stackData, logFile);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", localStackJar.toString(), "start", "--data", stackData.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        // stdout carries only the KEY=value lines, printed once the stack is ready
        Map<String, String> env = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    env.putAll(parse(List.of(line)));
                }
            } catch (IOException e) {
                // the process ended; the waiting loop below notices
            }
        }, "local-stack-stdout");
        reader.setDaemon(true);
        reader.start();
        Stack stack = new Stack(env, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!env.keySet().containsAll(REQUIRED)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("local-stack exited with code " + p.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                stack.close();
                throw new IllegalStateException("local-stack was not ready within " + START_TIMEOUT_SECONDS + " s; see " + logFile);
            }
            Thread.sleep(100);
        }
        Log.info("local stack: ready in %s (Kafka %s, PostgreSQL %s:%s)", Log.secs(System.nanoTime() - t0),
                stack.kafka(), stack.pgHost(), stack.pgPort());
        return stack;
    }

    /** KEY=value lines as local-stack writes them (values shell-quoted when needed). */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
                continue;
            }
            env.put(line.substring(0, eq), unquote(line.substring(eq + 1).strip()));
        }
        return env;
    }

    /** Undoes POSIX single-quoting: 'a'\''b' is a'b. */
    private static String unquote(String v) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == '\\' && !quoted && i + 1 < v.length()) {
                out.append(v.charAt(++i));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Stops the stack only if this run started it; TERM lets its shutdown hook stop Kafka and PostgreSQL in order. */
    @Override
    public void close() {
        if (started == null || !started.isAlive()) {
            return;
        }
        Log.info("local stack: stopping it");
        started.destroy();
        try {
            if (!started.waitFor(150, TimeUnit.SECONDS)) {
                Log.info("local stack: did not stop within 150 s; killing the launcher");
                started.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
