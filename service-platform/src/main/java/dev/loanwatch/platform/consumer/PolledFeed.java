package dev.loanwatch.platform.consumer;

import dev.loanwatch.platform.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Polls on this thread and handles on another, one batch at a time: while a batch is handled, the
     * next one is fetched and decoded. A batch's offsets are committed once it is handled; a batch that
     * failed is not, and a new consumer reads again from the last committed offset.
     */
    private void run() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        while (running) {
            ExecutorService handling = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, settings.name() + "-handler");
                t.setDaemon(true);
                return t;
            });
            try (KafkaConsumer<String, byte[]> c = clients.consumer(config())) {
                consumer = c;
                c.subscribe(List.of(settings.topic()));
                Future<Map<TopicPartition, OffsetAndMetadata>> inFlight = null;
                try {
                    while (running) {
                        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofSeconds(1));
                        if (inFlight != null && (inFlight.isDone() || !records.isEmpty())) {
                            c.commitSync(handled(inFlight));
                            inFlight = null;
                            backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
                        }
                        if (!records.isEmpty()) {
                            inFlight = handling.submit(() -> {
                                handler.accept(records);
                                return next(records);
                            });
                        }
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll up
                }
                if (inFlight != null) {
                    // stopping: the batch being handled is finished and committed
                    c.commitSync(handled(inFlight));
                }
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
                handling.shutdownNow();
            }
        }
    }

    /** Waits for a batch's handling; its offsets, or the handler's failure. */
    private static Map<TopicPartition, OffsetAndMetadata> handled(Future<Map<TopicPartition, OffsetAndMetadata>> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was handled", e);
        }
    }

    /** The offsets to commit once {@code records} are handled: after the last of each partition. */
    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> polled = records.records(p);
            next.put(p, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
        }
        return next;
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
