package dev.loanwatch.tagging;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The loan book's borrower events as ingestion publishes them, for tests. */
final class Borrowers {
    private static final KafkaProducer<String, byte[]> PRODUCER = producer();

    private Borrowers() {
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static BorrowerUpserted.Builder enterprise(String id, int revision, String region, String industry, String scope) {
        BorrowerUpserted.Builder b = BorrowerUpserted.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setSchemaVersion(1).setProducer("test"))
                .setBorrowerId(id).setType(BorrowerType.ENTERPRISE).setRevision(revision)
                .setEnterpriseName("测试企业").setRegionCode(region)
                .setEmployees(50).setAnnualRevenueFen(30_000_000_00L).setTotalAssetsFen(20_000_000_00L);
        if (industry != null) {
            b.setIndustryCode(industry);
        }
        if (scope != null) {
            b.setBusinessScope(scope);
        }
        return b;
    }

    static void send(BorrowerUpserted event) {
        send(event.getBorrowerId(), event.toByteArray(), event.getMeta().getEventId());
    }

    static void send(String key, byte[] value, String eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BORROWERS, key, value);
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", EventTypes.BORROWER_UPSERTED.getBytes(StandardCharsets.UTF_8));
        try {
            PRODUCER.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BorrowerTags> published(EventTap tap, String borrowerId) {
        return tap.of(Topics.BORROWER_TAGS, borrowerId).stream().map(Borrowers::tags).toList();
    }

    static BorrowerTags tags(ConsumerRecord<String, byte[]> r) {
        try {
            return BorrowerTagged.parseFrom(r.value()).getTags();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
