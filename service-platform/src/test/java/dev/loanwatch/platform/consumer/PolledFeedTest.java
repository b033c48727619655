package dev.loanwatch.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.platform.kafka.KafkaClients;
import dev.loanwatch.testing.KafkaBroker;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.loanwatch.testing.Postgres;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A bulk feed on the real broker: every record reaches the handler once its batch is polled; a feed
 * started again in the same group reads on from the committed offset; a batch whose handler failed is
 * delivered again (nothing of it was committed).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class PolledFeedTest {

    @Inject
    KafkaClients clients;

    @Test
    void handsOverEveryRecordCommitsAndRedeliversWhatFailed() throws Exception {
        String topic = "feed-" + UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        send(topic, 0, 50);
        List<String> seen = new CopyOnWriteArrayList<>();
        PolledFeed.Settings settings = new PolledFeed.Settings("test-feed", topic, group, 20, Duration.ofMinutes(1));
        PolledFeed first = new PolledFeed(clients, settings, records -> records.forEach(r -> seen.add(r.key())));
        first.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 50);
        first.stop();
        assertEquals(keys(0, 50), seen);

        // a second feed in the same group sees only what came after; its first attempt at a batch fails
        send(topic, 50, 80);
        List<String> later = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        PolledFeed second = new PolledFeed(clients, settings, records -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the database is away");
            }
            records.forEach((ConsumerRecord<String, byte[]> r) -> later.add(r.key()));
        });
        second.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> later.size() >= 30);
        second.stop();
        assertEquals(keys(50, 80), later);
    }

    private static List<String> keys(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> "k" + i).toList();
    }

    private static void send(String topic, int from, int to) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, new byte[] {(byte) i})).get();
            }
        }
    }
}
