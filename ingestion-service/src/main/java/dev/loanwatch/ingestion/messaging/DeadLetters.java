package dev.loanwatch.ingestion.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dead-letter topic of the input topics: the original key and value, and headers saying
 * why ({@code dead-letter-reason}) and where it came from (topic, partition, offset).
 */
@ApplicationScoped
public class DeadLetters {
    public record Letter(ConsumerRecord<String, String> record, String reason) {
    }

    private final String topic;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "loanwatch.topics.dead-letter", defaultValue = "loanbook.in.dead-letter") String topic,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends and waits for the broker's acknowledgement, so a letter is never lost before the offset commit. */
    public void send(List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Letter l : letters) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, l.record().key(), l.record().value());
            r.headers().add("dead-letter-reason", l.reason().getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-topic", l.record().topic().getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-partition", String.valueOf(l.record().partition()).getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-offset", String.valueOf(l.record().offset()).getBytes(StandardCharsets.UTF_8));
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
            throw new IllegalStateException("dead-letter topic unavailable", e.getCause());
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties p = new Properties();
                    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    p.put(ProducerConfig.ACKS_CONFIG, "all");
                    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(p);
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
