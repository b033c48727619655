package dev.loanwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Part b: payments arriving on loanbook.in.payments, against a plain consumer of the same records. */
final class KafkaBench {
    static final String PAYMENTS_TOPIC = "loanbook.in.payments";
    static final String DEAD_LETTER_TOPIC = "loanbook.in.dead-letter";
    static final List<String> INPUT_TOPICS = List.of("loanbook.in.borrowers", "loanbook.in.loans", PAYMENTS_TOPIC);
    /** The service's consumer group (mp.messaging.connector.smallrye-kafka.group.id). */
    static final String SERVICE_GROUP = "ingestion-service";
    /** Stop waiting when the payment count has not moved for this long. */
    private static final Duration STALL = Duration.ofSeconds(90);

    private final String bootstrap;

    KafkaBench(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * The broker outlives benchmark runs, and the service's group resumes from its committed
     * offsets: records left in the input topics by an earlier, interrupted run would land in this
     * run's fresh database (as unknown loans, i.e. dead letters). So the group starts at the end
     * of the input topics. Refuses when the group has live members: another ingestion-service on
     * this broker would also take a share of the partitions and falsify part b.
     */
    void skipLeftovers() throws Exception {
        skipLeftovers(bootstrap, SERVICE_GROUP, INPUT_TOPICS, "b");
    }

    /**
     * Moves consumer group {@code group} to the end of {@code topics} (those that exist), so that
     * a service started on a fresh database reads none of the records already there; refuses
     * when the group has live members (another instance of the service on this broker).
     */
    static void skipLeftovers(String bootstrap, String group, List<String> topics, String part) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            ConsumerGroupDescription described;
            try {
                described = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
            } catch (ExecutionException e) {
                // a broker that never saw the group may say so instead of describing an empty one
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                described = null;
            }
            if (described != null && !described.members().isEmpty()) {
                throw new IllegalStateException("consumer group " + group + " has " + described.members().size()
                        + " live member(s) on " + bootstrap + ": another " + group + " is running against this broker;"
                        + " stop it first");
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> present = topics.stream().filter(existing::contains).toList();
            if (present.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = endOffsets(admin, present);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            ends.forEach((tp, end) -> commit.put(tp, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(group, commit).all().get(30, TimeUnit.SECONDS);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            Log.info("%s: consumer group %s set to the end of %s (%,d records already there are skipped)", part, group,
                    present, total);
        }
    }

    void run(Book book, long count, Db db, ServiceProcess service, Report report) throws Exception {
        Map<TopicPartition, Long> start;
        long deadLettersBefore;
        try (Admin admin = admin()) {
            start = endOffsets(admin, List.of(PAYMENTS_TOPIC));
            deadLettersBefore = sum(endOffsets(admin, List.of(DEAD_LETTER_TOPIC)));
        }
        long before = db.scalar("select count(*) from payment");
        long target = before + count;
        Log.info("b: producing %,d payment records to %s (%d partitions), %,d payments stored before", count,
                PAYMENTS_TOPIC, start.size(), before);

        AtomicReference<Exception> sendError = new AtomicReference<>();
        long[] producedNanos = new long[1];
        long t0 = System.nanoTime();
        // the producer runs on its own thread so that the count is watched from the first send on
        Thread producer = new Thread(() -> {
            try (KafkaProducer<String, String> p = new KafkaProducer<>(producerProperties())) {
                for (long n = 0; n < count && sendError.get() == null; n++) {
                    Book.Payment pay = book.payment('K', n);
                    p.send(new ProducerRecord<>(PAYMENTS_TOPIC, pay.loanId(), pay.json()), (md, e) -> {
                        if (e != null) {
                            sendError.compareAndSet(null, e);
                        }
                    });
                }
                p.flush();
                producedNanos[0] = System.nanoTime() - t0;
            } catch (Exception e) {
                sendError.compareAndSet(null, e);
            }
        }, "bench-producer");
        producer.start();

        long stored = before;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        boolean stalled = false;
        while (stored < target) {
            Thread.sleep(500);
            service.checkAlive();
            if (sendError.get() != null) {
                throw new IllegalStateException("producing to " + PAYMENTS_TOPIC + " failed", sendError.get());
            }
            long now = db.scalar("select count(*) from payment");
            if (now != stored) {
                stored = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos() && !producer.isAlive()) {
                stalled = true;
                break;
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = System.nanoTime();
                Log.info("b: %,d of %,d stored after %s", stored - before, count, Log.secs(System.nanoTime() - t0));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        producer.join();
        Log.info("b: %,d of %,d stored in %.2f s (the producer needed %.2f s)%s", stored - before, count, seconds,
                producedNanos[0] / 1e9, stalled ? "; gave up waiting: no progress for " + STALL.toSeconds() + " s" : "");

        long deadLetters;
        Map<TopicPartition, Long> end;
        try (Admin admin = admin()) {
            deadLetters = sum(endOffsets(admin, List.of(DEAD_LETTER_TOPIC))) - deadLettersBefore;
            end = endOffsets(admin, List.of(PAYMENTS_TOPIC));
        }
        double consumerSeconds = plainConsumer(start, end, count);
        double rate = (stored - before) / seconds;
        double baseline = count / consumerSeconds;
        report.add("b", Report.count(count) + " payment records on Kafka: first send → count(payment) grew by "
                        + Report.count(count), stalled ? "incomplete: " + Report.count(stored - before) + " stored"
                        : Report.rate(rate) + " (" + Report.seconds(seconds) + ")",
                Report.rate(baseline) + " (plain KafkaConsumer, " + Report.seconds(consumerSeconds) + ")",
                Report.ratio(rate / baseline), ImportBench.verdict(!stalled && rate >= 10_000) + " ≥ 10,000 rows/s");
        report.add("b", "records on " + DEAD_LETTER_TOPIC, Report.count(deadLetters), "", "",
                ImportBench.verdict(deadLetters == 0) + " 0");
        report.add("b", "the producer (acks=all, while the service consumes), for reference", Report.rate(count / (producedNanos[0] / 1e9)), "", "", "");
        if (stalled) {
            report.note("b: the service stored " + (stored - before) + " of " + count + " records; see " + service.log);
        }
    }

    /** Reads the same records as the service did, from the same start offsets, with a bare consumer. */
    private double plainConsumer(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, long count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the service's settings, so the difference is the work done per record, not the fetching
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long read = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(e -> e.getValue() <= start.getOrDefault(e.getKey(), 0L));
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    read++;
                    // touch the value, as any consumer would
                    bytes += r.value().length();
                }
                for (TopicPartition tp : new ArrayList<>(remaining.keySet())) {
                    if (consumer.position(tp) >= remaining.get(tp)) {
                        remaining.remove(tp);
                    }
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the plain consumer read only " + read + " records in 10 minutes");
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Log.info("b: baseline: a plain consumer read %,d records (%,d MB of values) in %.2f s", read, bytes >> 20, seconds);
        if (read != count) {
            Log.info("b: note: the plain consumer read %,d records where %,d were produced", read, count);
        }
        return seconds;
    }

    private Properties producerProperties() {
        return producerProperties(bootstrap, 5, 128 * 1024, StringSerializer.class);
    }

    /** A producer that does not lose records (acknowledged by the broker, idempotent), string keys. */
    static Properties producerProperties(String bootstrap, int lingerMs, int batchBytes, Class<?> valueSerializer) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // a lender's system that must not lose payments: acknowledged by the broker, idempotent
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchBytes));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getName());
        return p;
    }

    private Admin admin() {
        return admin(bootstrap);
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    /** End offsets of every partition of the topics; a topic that does not exist yet counts as empty. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(pi -> new TopicPartition(d.name(), pi.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
