package dev.loanwatch.ingestion.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.service.Ingestion;
import dev.loanwatch.ingestion.service.RecordType;
import dev.loanwatch.platform.consumer.IncomingBatches;
import dev.loanwatch.platform.error.Rejection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka input topics: JSON values in the same shape as the REST bodies and NDJSON lines,
 * stored through the same chunked path. A polled batch goes through {@link IncomingBatches}: records
 * that are malformed or rejected go to the dead-letter topic with the reason before the batch is
 * acknowledged; a database outage is retried, never skipped; a record that makes storing fail for
 * another reason becomes a dead letter after a few tries while the rest of its batch is stored.
 * A crash at any point replays the batch — harmless, because a replay of a stored id is recognised
 * and nothing is stored twice.
 */
@ApplicationScoped
public class InputConsumer {
    private final Ingestion ingestion;
    private final IncomingBatches batches;
    private final ObjectMapper mapper;
    private final String deadLetterTopic;

    public InputConsumer(Ingestion ingestion, IncomingBatches batches, ObjectMapper mapper, IngestionConfig config) {
        this.ingestion = ingestion;
        this.batches = batches;
        this.mapper = mapper;
        this.deadLetterTopic = config.topics().deadLetter();
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

    @Incoming("applications-in")
    @Blocking(ordered = true)
    public void applications(ConsumerRecords<String, String> records) {
        process(RecordType.APPLICATIONS, records);
    }

    void process(RecordType type, ConsumerRecords<String, String> records) {
        batches.process(deadLetterTopic, records, batch -> store(type, batch));
    }

    /** Per record: null when stored (or a replay), else why it was rejected. */
    private List<String> store(RecordType type, List<ConsumerRecord<String, String>> batch) {
        String[] reasons = new String[batch.size()];
        List<JsonNode> nodes = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String value = batch.get(i).value();
            if (value == null) {
                reasons[i] = "INVALID: malformed JSON: empty value";
                continue;
            }
            try {
                nodes.add(mapper.readTree(value));
                positions.add(i);
            } catch (IOException e) {
                reasons[i] = "INVALID: malformed JSON: " + firstLine(e.getMessage());
            }
        }
        List<Rejection> rejections = ingestion.ingest(type, nodes);
        for (int i = 0; i < rejections.size(); i++) {
            if (rejections.get(i) != null) {
                reasons[positions.get(i)] = rejections.get(i).reason();
            }
        }
        return Arrays.asList(reasons);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
