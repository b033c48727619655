package dev.loanwatch.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts a topic's committed records (read_committed, as every consumer reads) and how many keys
 * occur more than once — the duplicate check of the kill drills:
 * {@code java -cp bench/target/bench.jar dev.loanwatch.bench.TopicCount BOOTSTRAP TOPIC}.
 */
public final class TopicCount {
    private TopicCount() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TopicCount BOOTSTRAP_SERVERS TOPIC");
            System.exit(2);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-count-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Integer> perKey = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1]).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    perKey.merge(r.key(), 1, Integer::sum);
                }
            }
        }
        long repeated = perKey.values().stream().filter(n -> n > 1).count();
        System.out.printf("records=%d keys=%d keys-with-more-than-one=%d%n", records, perKey.size(), repeated);
    }
}
