package dev.loanwatch.platform.consumer;

import dev.loanwatch.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Dead-letter topics: the original key, value and headers, plus headers saying why
 * ({@code dead-letter-reason}) and where the record came from ({@code dead-letter-topic},
 * {@code -partition}, {@code -offset}). A send waits for the broker's acknowledgement, so a letter
 * is never lost before the consumer commits its offsets.
 */
@ApplicationScoped
public class DeadLetters {
    /** A record that will not be processed, and why (one line a person can act on). */
    public record Letter(ConsumerRecord<?, ?> record, String reason) {
    }

    private final KafkaClients clients;
    private final MeterRegistry registry;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(KafkaClients clients, MeterRegistry registry) {
        this.clients = clients;
        this.registry = registry;
    }

    public void send(String topic, List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Letter l : letters) {
            ConsumerRecord<?, ?> in = l.record();
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, bytes(in.key()), bytes(in.value()));
            for (Header h : in.headers()) {
                r.headers().add(h);
            }
            r.headers().add("dead-letter-reason", l.reason().getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-topic", in.topic().getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-partition", String.valueOf(in.partition()).getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-offset", String.valueOf(in.offset()).getBytes(StandardCharsets.UTF_8));
            acks.add(producer().send(r));
        }
        try {
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dead-letter topic " + topic + " unavailable", e.getCause());
        }
        registry.counter("loanwatch.dead.letters", "topic", topic).increment(letters.size());
    }

    private static byte[] bytes(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof com.google.protobuf.MessageLite m) {
            return m.toByteArray();
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.producer(Map.of(
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent e) {
        if (producer != null) {
            producer.close();
        }
    }
}
