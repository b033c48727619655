package dev.loanwatch.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The service's kafka.* configuration (TLS, SASL, … here a harmless one) reaches the platform's own clients. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class KafkaClientsTest {
    @Inject
    KafkaClients clients;

    @Test
    void kafkaPropertiesReachEveryClient() {
        Map<String, Object> producer = clients.merge(ProducerConfig.configNames(), Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        assertEquals(KafkaBroker.bootstrapServers(), producer.get("bootstrap.servers"));
        assertEquals("12345", String.valueOf(producer.get("metadata.max.age.ms")));
        assertEquals("all", producer.get(ProducerConfig.ACKS_CONFIG));
        Map<String, Object> admin = clients.merge(AdminClientConfig.configNames(), Map.of());
        assertEquals("12345", String.valueOf(admin.get("metadata.max.age.ms")));
        // a property only consumers know is not handed to a producer
        assertFalse(clients.merge(ProducerConfig.configNames(), Map.of()).containsKey("auto.offset.reset"));
    }
}
