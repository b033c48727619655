package dev.loanwatch.platform.outbox;

import dev.loanwatch.platform.kafka.KafkaClients;
import dev.loanwatch.platform.kafka.TopicAdmin;
import dev.loanwatch.platform.outbox.OutboxStore.Backlog;
import dev.loanwatch.platform.outbox.OutboxStore.Batch;
import dev.loanwatch.platform.outbox.OutboxStore.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox exactly once. Each batch of rows is sent in one Kafka transaction together
 * with a checkpoint record naming the rows it completed (and the cursor of a streamed row); the rows
 * are deleted only after the commit. If the process dies after the commit but before the delete,
 * the next leader reads the last checkpoint (read_committed) and deletes those rows instead of
 * sending them again; if it dies before the commit, initTransactions() aborts the open transaction
 * and the batch is sent again. One relay runs per database (a PostgreSQL advisory lock elects it;
 * the fixed transactional.id fences a zombie). Consumers must read with isolation.level=read_committed.
 *
 * <p>Metrics: {@code loanwatch.outbox.published} (events, a counter: its rate is events/s),
 * {@code loanwatch.outbox.backlog} (rows waiting), {@code loanwatch.outbox.oldest.age} (seconds),
 * {@code loanwatch.outbox.leader} (1 on the publishing instance).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxConfig config;
    private final KafkaClients clients;
    private final TopicAdmin topics;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean leader;
    private volatile Throwable lastError;
    private volatile boolean crashAfterNextCommit;
    private volatile Backlog backlog = new Backlog(0, 0);
    private volatile ScheduledExecutorService sampler;

    public OutboxRelay(OutboxStore store, OutboxConfig config, KafkaClients clients, TopicAdmin topics, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.clients = clients;
        this.topics = topics;
        this.published = Counter.builder("loanwatch.outbox.published").description("events published from the outbox")
                .register(registry);
        Gauge.builder("loanwatch.outbox.leader", this, r -> r.leader ? 1 : 0)
                .description("1 when this instance is the publishing relay").register(registry);
        Gauge.builder("loanwatch.outbox.backlog", this, r -> r.backlog().rows())
                .description("outbox rows not yet published").register(registry);
        Gauge.builder("loanwatch.outbox.oldest.age", this, r -> r.backlog().oldestSeconds())
                .description("age in seconds of the oldest unpublished outbox row").baseUnit("seconds").register(registry);
    }

    void onStart(@Observes StartupEvent e) {
        if (config.relayEnabled()) {
            topics.ensure(List.of(new TopicAdmin.Topic(config.checkpointTopic(), 1, true)));
            start();
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        stop();
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-backlog");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleWithFixedDelay(this::sampleBacklog, 0, 1, TimeUnit.SECONDS);
        }
    }

    public synchronized void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Fault injection for crash tests: the relay dies right after its next Kafka commit, before
     * deleting the batch from the outbox — the worst moment — and starts over the way a restarted
     * process would (new producer, recovery from the last checkpoint).
     */
    public void crashAfterNextCommit() {
        crashAfterNextCommit = true;
    }

    public boolean isEnabled() {
        return config.relayEnabled();
    }

    public boolean isLeader() {
        return leader;
    }

    /** The relay thread runs (or the relay is switched off). */
    public boolean isAlive() {
        return !running.get() || (thread != null && thread.isAlive());
    }

    public Throwable lastError() {
        return lastError;
    }

    /**
     * The outbox's backlog as last sampled (every second, on a thread of its own): metrics scrapes
     * and probes read it without touching the database, whatever thread they run on.
     */
    public Backlog backlog() {
        return backlog;
    }

    private void sampleBacklog() {
        try {
            backlog = store.backlog();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("cannot sample the outbox backlog: %s", e);
        }
    }

    private void run() {
        while (running.get()) {
            try (OutboxStore.Leadership lease = store.awaitLeadership(running::get)) {
                if (lease == null) {
                    return;
                }
                leader = true;
                relay(lease);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running.get()) {
                    return;
                }
                lastError = e;
                LOG.warnf("outbox relay failed, retrying in 1 s: %s", e.toString());
                sleep(1000);
            } finally {
                leader = false;
            }
        }
    }

    private void relay(OutboxStore.Leadership lease) throws Exception {
        String relayId = config.transactionalId() + "|" + store.databaseIdentity();
        try (KafkaProducer<String, byte[]> producer = clients.producer(producerSettings())) {
            try {
                producer.initTransactions();
                Checkpoint done = lastCheckpoint(relayId);
                apply(done);
                LOG.infof("outbox relay is leader; %d ids of the last committed batch cleaned up", done.ids().size());
                while (running.get()) {
                    lease.check();
                    Batch batch = store.next(config.batchSize());
                    if (batch.isEmpty()) {
                        lastError = null;
                        sleep(config.idleMillis());
                        continue;
                    }
                    producer.beginTransaction();
                    for (PendingEvent ev : batch.events()) {
                        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(ev.topic(), ev.key(), ev.payload());
                        rec.headers().add("event-id", ev.eventId().toString().getBytes(StandardCharsets.UTF_8));
                        rec.headers().add("event-type", ev.eventType().getBytes(StandardCharsets.UTF_8));
                        if (ev.traceparent() != null && !ev.traceparent().isEmpty()) {
                            rec.headers().add("traceparent", ev.traceparent().getBytes(StandardCharsets.UTF_8));
                        }
                        producer.send(rec);
                    }
                    Checkpoint checkpoint = new Checkpoint(batch.done(), batch.cursor());
                    producer.send(new ProducerRecord<>(config.checkpointTopic(), relayId, checkpoint.encode()));
                    producer.commitTransaction();
                    if (crashAfterNextCommit) {
                        crashAfterNextCommit = false;
                        throw new IllegalStateException("injected crash between the Kafka commit and the outbox bookkeeping");
                    }
                    apply(checkpoint);
                    published.increment(batch.events().size());
                }
            } finally {
                // stop() interrupts this thread; clear the flag so that closing the producer waits for
                // its I/O thread instead of logging the interrupt as an error
                Thread.interrupted();
            }
        }
    }

    /** The outbox bookkeeping of a committed batch: delete the rows it completed, store its cursor. */
    private void apply(Checkpoint checkpoint) throws SQLException {
        store.delete(checkpoint.ids());
        if (checkpoint.cursor() != null) {
            store.advance(checkpoint.cursor());
        }
    }

    /** The bookkeeping of the last batch this relay committed to Kafka. */
    private Checkpoint lastCheckpoint(String relayId) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(settings)) {
            TopicPartition tp = new TopicPartition(config.checkpointTopic(), 0);
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            // the tail holds the last batches' checkpoints and their commit markers
            consumer.seek(tp, Math.max(0, end - 50));
            Checkpoint last = new Checkpoint(List.of(), null);
            long position = consumer.position(tp);
            while (position < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (relayId.equals(r.key())) {
                        last = Checkpoint.decode(r.value());
                    }
                }
                position = consumer.position(tp);
            }
            return last;
        }
    }

    private Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
