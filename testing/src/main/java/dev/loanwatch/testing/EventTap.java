package dev.loanwatch.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads the real broker's topics (read_committed, like every consumer must) into memory for assertions. */
public final class EventTap implements AutoCloseable {
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** When (System.nanoTime) the tap last began a check that found it had read every committed record. */
    private volatile long caughtUpAsOf = System.nanoTime();

    public EventTap(List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "tap-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(topics);
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        records.add(r);
                    }
                    checkCaughtUp(consumer);
                }
            }
        }, "event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    private void checkCaughtUp(KafkaConsumer<String, byte[]> consumer) {
        long started = System.nanoTime();
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        // read_committed: the end offsets are those of the last committed transaction
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        if (assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
            caughtUpAsOf = started;
        }
    }

    /**
     * Waits until the tap has read every record committed to its topics before this call: what
     * has not arrived by then was not sent (instead of sleeping and hoping it would have).
     */
    public void awaitCaughtUp() {
        long asOf = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caughtUpAsOf - asOf > 0);
    }

    /** Waits until the relay has published the whole outbox of {@code db} and the tap has read it. */
    public void awaitAllPublished(Database db) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from outbox") == 0);
        awaitCaughtUp();
    }

    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> p) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    public List<ConsumerRecord<String, byte[]>> of(String topic, String key) {
        return matching(r -> r.topic().equals(topic) && key.equals(r.key()));
    }

    /** Waits until at least {@code n} records of the topic with the key have arrived. */
    public List<ConsumerRecord<String, byte[]>> await(String topic, String key, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> of(topic, key).size() >= n);
        return of(topic, key);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
