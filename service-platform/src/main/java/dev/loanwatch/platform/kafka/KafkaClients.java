package dev.loanwatch.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka clients that the platform builds itself (the outbox relay's transactional producer, the
 * dead-letter producer, the topic admin), configured from the service's own Quarkus Kafka
 * configuration — every {@code kafka.*} property (bootstrap servers, TLS, SASL, client rack, …) —
 * exactly as the SmallRye channels are, plus the settings the caller needs. Each client gets only
 * the properties its type knows, so none of them logs warnings about the others'.
 */
@ApplicationScoped
public class KafkaClients {
    private final Map<String, Object> common;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    public <K, V> KafkaProducer<K, V> producer(Map<String, Object> settings) {
        return new KafkaProducer<>(merge(ProducerConfig.configNames(), settings));
    }

    public <K, V> KafkaConsumer<K, V> consumer(Map<String, Object> settings) {
        return new KafkaConsumer<>(merge(ConsumerConfig.configNames(), settings));
    }

    public Admin admin() {
        return Admin.create(merge(AdminClientConfig.configNames(), Map.of()));
    }

    /** The common properties a client of the given kind accepts, with {@code settings} on top. */
    Map<String, Object> merge(Set<String> known, Map<String, Object> settings) {
        Map<String, Object> out = new HashMap<>();
        common.forEach((k, v) -> {
            if (known.contains(k)) {
                out.put(k, v);
            }
        });
        out.putAll(settings);
        return out;
    }
}
