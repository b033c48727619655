package dev.loanwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.platform.app.NoteConsumer;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer on the platform against the real broker and database: redelivered events change
 * nothing; a rejected record and a poison record become dead letters with their reasons while the
 * rest of their batch is stored; a transient failure is retried until it passes, never dead-lettered.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class IncomingBatchesTest {
    static EventTap tap;
    static KafkaProducer<String, String> producer;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        tap = new EventTap(List.of(NoteConsumer.DEAD_LETTER));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        producer.close();
        tap.close();
    }

    static void send(String key, String value, UUID eventId) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>("platform-test.notes-in", key, value);
        r.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        producer.send(r).get();
    }

    String note(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select text from note where id = ?")) {
            ps.setObject(1, UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String key = "dup-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        send(key, "first", id);
        send(key, "first", id);
        String after = "after-" + UUID.randomUUID();
        send(after, "x", UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> note(after) != null);
        assertEquals("first", note(key));
    }

    @Test
    void poisonAndRejectedRecordsBecomeDeadLettersAndTheRestIsStored() throws Exception {
        String good = "good-" + UUID.randomUUID(), poison = "poison-" + UUID.randomUUID(), rejected = "rejected-" + UUID.randomUUID();
        send(good, "fine", UUID.randomUUID());
        send(poison, "poison", UUID.randomUUID());
        send(rejected, "reject:text must not be empty", UUID.randomUUID());
        String poisonReason = EventTap.header(tap.await(NoteConsumer.DEAD_LETTER, poison, 1).get(0), "dead-letter-reason");
        assertTrue(poisonReason.startsWith("FAILED after 3 attempts: IllegalArgumentException: cannot digest poison"), poisonReason);
        var letter = tap.await(NoteConsumer.DEAD_LETTER, rejected, 1).get(0);
        assertEquals("INVALID: text must not be empty", EventTap.header(letter, "dead-letter-reason"));
        assertEquals("platform-test.notes-in", EventTap.header(letter, "dead-letter-topic"));
        assertTrue(EventTap.header(letter, "event-id") != null, "the original headers travel with the letter");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> note(good) != null);
        assertEquals("fine", note(good));
        assertEquals(null, note(poison));
        assertEquals(null, note(rejected));
    }

    @Test
    void aTransientFailureIsRetriedNotSkipped() throws Exception {
        String key = "flaky-" + UUID.randomUUID();
        // five transient failures: more than max-attempts (3), yet never a dead letter
        send(key, "flaky-5", UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> note(key) != null);
        assertEquals("flaky-5", note(key));
        assertEquals(0, tap.of(NoteConsumer.DEAD_LETTER, key).size());
    }
}
