package dev.loanwatch.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** alert-service's analytics API: what the system itself says of the book. */
public final class AnalyticsClient {
    private final ServiceEndpoint alert;
    private final PrintStream log;

    public AnalyticsClient(String base, PrintStream log) {
        this.alert = new ServiceEndpoint(base);
        this.log = log;
    }

    /** GET {@code path} with the query parameters; the answer's JSON, or an exception naming the status. */
    public JsonNode get(String path, Map<String, String> query) throws IOException, InterruptedException {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = alert.send(alert.request(path + q).header("Accept", "application/json").GET().build());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + q + " answered " + r.statusCode() + ": " + r.body());
        }
        return alert.json(r.body());
    }

    /**
     * Waits until the read model has {@code months} closed month ends and nothing pending, or the time
     * is up; true when it got there.
     */
    public boolean awaitMonths(int months, Duration await) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + await.toNanos();
        int last = -1;
        while (true) {
            try {
                JsonNode m = get("/analytics/months", Map.of());
                int closed = m.get("closed").size();
                if (closed >= months && m.get("pending").isEmpty()) {
                    return true;
                }
                if (closed != last) {
                    log.printf("alert-service: %d of %d month ends counted, %d pending%n", closed, months, m.get("pending").size());
                    last = closed;
                }
            } catch (IOException e) {
                log.println("alert-service not answering yet: " + e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1000); // polling a remote service: nothing to await in-process
        }
    }
}
