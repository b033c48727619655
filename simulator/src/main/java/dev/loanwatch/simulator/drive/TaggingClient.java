package dev.loanwatch.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.simulator.report.TagReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a running tagging-service: how many borrowers it has labelled ({@code GET /mix}) and each
 * borrower's labels ({@code GET /borrowers/{id}/tags}), a few requests at a time.
 */
public final class TaggingClient {
    private static final int ATTEMPTS = 3;

    private final ServiceEndpoint tagging;
    private final PrintStream log;

    public TaggingClient(String base, PrintStream log) {
        this.tagging = new ServiceEndpoint(base);
        this.log = log;
    }

    /** How many borrowers tagging holds labels for. */
    public long tagged() throws IOException, InterruptedException {
        return get("/mix").orElseThrow(() -> new IllegalStateException(tagging.base() + "/mix not found")).path("borrowers").asLong();
    }

    /**
     * Waits until tagging holds labels for at least {@code expected} borrowers, saying how far it
     * is every 10 s; false when {@code timeout} passes first.
     */
    public boolean awaitTagged(long expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextNote = 0;
        while (true) {
            long now = System.nanoTime();
            long tagged = tagged();
            if (tagged >= expected) {
                log.printf("  tagging has labelled %d of %d borrowers%n", tagged, expected);
                return true;
            }
            if (now >= deadline) {
                log.printf("  gave up waiting after %d s: tagging has labelled %d of %d borrowers%n", timeout.toSeconds(), tagged, expected);
                return false;
            }
            if (now >= nextNote) {
                log.printf("  waiting for tagging: %d of %d borrowers labelled%n", tagged, expected);
                nextNote = now + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(1000);
        }
    }

    /** The labels of each borrower that has them, by id, fetched {@code concurrency} at a time. */
    public Map<String, TagReport.Tags> tags(List<String> borrowerIds, int concurrency) throws IOException, InterruptedException {
        Map<String, TagReport.Tags> out = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (String id : borrowerIds) {
                pending.add(pool.submit(() -> {
                    get("/borrowers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/tags")
                            .ifPresent(json -> out.put(id, TagReport.Tags.of(json)));
                    return null;
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** The JSON at {@code path}; empty on 404; retried on a broken connection. */
    private Optional<JsonNode> get(String path) throws IOException, InterruptedException {
        HttpRequest request = tagging.request(path).timeout(Duration.ofSeconds(30)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = tagging.send(request);
                if (r.statusCode() == 404) {
                    return Optional.empty();
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
                }
                return Optional.of(tagging.json(r.body()));
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }
}
