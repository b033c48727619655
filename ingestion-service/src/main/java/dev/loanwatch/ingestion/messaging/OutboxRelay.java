package dev.loanwatch.ingestion.messaging;

import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.repository.OutboxRelayRepository;
import dev.loanwatch.ingestion.repository.OutboxRelayRepository.Batch;
import dev.loanwatch.ingestion.repository.OutboxRelayRepository.Cursor;
import dev.loanwatch.ingestion.repository.OutboxRelayRepository.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox exactly once. Each batch goes out in one Kafka transaction together with
 * a checkpoint record naming the outbox ids it carried; the ids are deleted from the outbox
 * only after the commit. If the process dies after the commit but before the delete, the
 * next relay reads the last checkpoint (read_committed) and deletes those ids instead of
 * sending them again; if it dies before the commit, initTransactions() aborts the open
 * transaction and the batch is sent again. One relay runs at a time (a PostgreSQL advisory
 * lock elects it; the fixed transactional.id fences a zombie). Consumers must read with
 * isolation.level=read_committed.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRelayRepository repository;
    private final IngestionConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean leader;
    private volatile Throwable lastError;
    private volatile boolean crashAfterNextCommit;

    public OutboxRelay(OutboxRelayRepository repository, IngestionConfig config, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.repository = repository;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("loanwatch.outbox.published").description("events published from the outbox")
                .register(registry);
        registry.gauge("loanwatch.outbox.leader", this, r -> r.leader ? 1 : 0);
    }

    void onStart(@Observes StartupEvent e) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        stop();
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
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
     * Fault injection for the crash test: the relay dies right after its next Kafka commit,
     * before deleting the batch from the outbox — the worst moment — and starts over the way a
     * restarted process would (new producer, recovery from the last checkpoint).
     */
    public void crashAfterNextCommit() {
        crashAfterNextCommit = true;
    }

    public boolean isLeader() {
        return leader;
    }

    public boolean isHealthy() {
        return !running.get() || (thread != null && thread.isAlive());
    }

    public Throwable lastError() {
        return lastError;
    }

    private void run() {
        while (running.get()) {
            try (OutboxRelayRepository.Leadership lease = repository.awaitLeadership(running::get)) {
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

    private void relay(OutboxRelayRepository.Leadership lease) throws Exception {
        String checkpointTopic = config.topics().outboxCheckpoints();
        String relayId = config.outbox().transactionalId() + "|" + repository.databaseIdentity();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.initTransactions();
            Checkpoint done = lastCheckpoint(checkpointTopic, relayId);
            apply(done);
            LOG.infof("outbox relay is leader; %d ids of the last committed batch cleaned up", done.ids().size());
            while (running.get()) {
                lease.check();
                Batch batch = repository.next(config.outbox().batchSize());
                if (batch.isEmpty()) {
                    sleep(config.outbox().idleMillis());
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
                producer.send(new ProducerRecord<>(checkpointTopic, relayId, checkpoint.encode()));
                producer.commitTransaction();
                if (crashAfterNextCommit) {
                    crashAfterNextCommit = false;
                    throw new IllegalStateException("injected crash between the Kafka commit and the outbox bookkeeping");
                }
                apply(checkpoint);
                published.increment(batch.events().size());
            }
        }
    }

    /** The outbox bookkeeping of a committed batch: delete the rows it completed, store its cursor. */
    private void apply(Checkpoint checkpoint) throws java.sql.SQLException {
        repository.delete(checkpoint.ids());
        if (checkpoint.cursor() != null) {
            repository.advance(checkpoint.cursor());
        }
    }

    /** The bookkeeping of the last batch this relay committed to Kafka. */
    private Checkpoint lastCheckpoint(String topic, String relayId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
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

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.outbox().transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a committed batch did to the outbox: the ids it completed, as ranges ("1-5000,5003"),
     * so a checkpoint stays small however large the batch, and the cursor of a snapshot being
     * streamed ("…;cursor=42:L0001234").
     */
    record Checkpoint(List<Long> ids, Cursor cursor) {
        byte[] encode() {
            List<Long> sorted = new ArrayList<>(ids);
            sorted.sort(null);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sorted.size(); ) {
                int j = i;
                while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                    j++;
                }
                sb.append(sb.length() == 0 ? "" : ",").append(sorted.get(i));
                if (j > i) {
                    sb.append('-').append(sorted.get(j));
                }
                i = j + 1;
            }
            if (cursor != null) {
                sb.append(";cursor=").append(cursor.outboxId()).append(':').append(cursor.lastKey());
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        static Checkpoint decode(byte[] value) {
            String s = new String(value, StandardCharsets.UTF_8);
            Cursor cursor = null;
            int c = s.indexOf(";cursor=");
            if (c >= 0) {
                String spec = s.substring(c + ";cursor=".length());
                int colon = spec.indexOf(':');
                cursor = new Cursor(Long.parseLong(spec.substring(0, colon)), spec.substring(colon + 1));
                s = s.substring(0, c);
            }
            List<Long> ids = new ArrayList<>();
            if (!s.isEmpty()) {
                for (String part : s.split(",")) {
                    int dash = part.indexOf('-');
                    if (dash < 0) {
                        ids.add(Long.parseLong(part));
                    } else {
                        for (long v = Long.parseLong(part.substring(0, dash)); v <= Long.parseLong(part.substring(dash + 1)); v++) {
                            ids.add(v);
                        }
                    }
                }
            }
            return new Checkpoint(ids, cursor);
        }
    }
}
