package dev.loanwatch.platform.consumer;

import dev.loanwatch.platform.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A bulk topic read by a plain {@link KafkaConsumer} on a thread of its own: each poll goes to the
 * handler (which stores it, typically through {@link IncomingBatches}: dead letters, retries), then
 * its offsets are committed synchronously — at least once, so the handler's writes must be
 * idempotent, as every consumer's are. For feeds of millions of records where a SmallRye channel's
 * per-record work on the event loop (a message, its metadata and headers, a trace) costs more than
 * storing the record: alert-service's month-end snapshots, 24 million records per replay of two years
 * of a million loans. The consumer is read_committed (the relays write in transactions), starts from
 * the earliest offset in a new group, and is built from the service's {@code kafka.*} configuration
 * ({@link KafkaClients}). A failure closes the consumer and starts a new one after a pause; what was
 * not committed is delivered again.
 */
public final class PolledFeed {
    private static final Logger LOG = Logger.getLogger(PolledFeed.class);

    /**
     * @param name           the client id and the thread's name
     * @param maxPollRecords the largest batch handed over at once
     * @param maxPollInterval how long a batch may take (retries included) before the group reassigns
     */
    public record Settings(String name, String topic, String groupId, int maxPollRecords, Duration maxPollInterval) {
    }

    private final KafkaClients clients;
    private final Settings settings;
    private final Consumer<ConsumerRecords<String, byte[]>> handler;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public PolledFeed(KafkaClients clients, Settings settings, Consumer<ConsumerRecords<String, byte[]>> handler) {
        this.clients = clients;
        this.settings = settings;
        this.handler = handler;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling; a batch being handled is finished (or, if its handler gives up, delivered again later). */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        while (running) {
            try (KafkaConsumer<String, byte[]> c = clients.consumer(config())) {
                consumer = c;
                c.subscribe(List.of(settings.topic()));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofSeconds(1));
                    if (records.isEmpty()) {
                        continue;
                    }
                    handler.accept(records);
                    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                    for (TopicPartition p : records.partitions()) {
                        List<ConsumerRecord<String, byte[]>> polled = records.records(p);
                        next.put(p, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
                    }
                    c.commitSync(next);
                    backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
                }
            } catch (WakeupException e) {
                // stop() woke the poll up
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("feed %s failed (%s); a new consumer in %d ms reads on from the last committed offset",
                        settings.name(), e.getMessage(), backoff.nextMillis());
                try {
                    backoff.pause();
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 52_428_800);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return c;
    }
}
