package dev.loanwatch.ingestion.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.ingestion.service.Ingestion;
import dev.loanwatch.ingestion.service.RecordType;
import dev.loanwatch.platform.error.Rejection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The Kafka input topics: JSON values in the same shape as the REST bodies and NDJSON lines.
 * A polled batch is stored in one transaction; records that are rejected go to the dead-letter
 * topic with the reason, and only then is the batch acknowledged (offsets committed), so a
 * crash at any point replays the batch — harmless, because a replay of a stored id is
 * recognised and nothing is stored twice. A failure of the database is retried, never skipped.
 */
@ApplicationScoped
public class InputConsumer {
    private static final Logger LOG = Logger.getLogger(InputConsumer.class);

    private final Ingestion ingestion;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public InputConsumer(Ingestion ingestion, DeadLetters deadLetters, ObjectMapper mapper) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("borrowers-in")
    @Blocking(ordered = true)
    public void borrowers(ConsumerRecords<String, String> records) {
        process(RecordType.BORROWERS, records);
    }

    @Incoming("loans-in")
    @Blocking(ordered = true)
    public void loans(ConsumerRecords<String, String> records) {
        process(RecordType.LOANS, records);
    }

    @Incoming("payments-in")
    @Blocking(ordered = true)
    public void payments(ConsumerRecords<String, String> records) {
        process(RecordType.PAYMENTS, records);
    }

    void process(RecordType type, ConsumerRecords<String, String> records) {
        List<JsonNode> nodes = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> parsed = new ArrayList<>(records.count());
        List<DeadLetters.Letter> letters = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                if (r.value() == null) {
                    throw new IllegalArgumentException("empty value");
                }
                nodes.add(mapper.readTree(r.value()));
                parsed.add(r);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                letters.add(new DeadLetters.Letter(r, "INVALID: malformed JSON: " + firstLine(e.getMessage())));
            }
        }
        List<Rejection> rejections = retrying(() -> ingestion.ingest(type, nodes));
        for (int i = 0; i < rejections.size(); i++) {
            if (rejections.get(i) != null) {
                letters.add(new DeadLetters.Letter(parsed.get(i), rejections.get(i).reason()));
            }
        }
        deadLetters.send(letters);
    }

    private static <T> T retrying(java.util.function.Supplier<T> work) {
        long backoff = 200;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.warnf("storing a Kafka batch failed, retrying in %d ms: %s", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
