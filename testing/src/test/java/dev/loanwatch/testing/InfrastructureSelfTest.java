package dev.loanwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureSelfTest {

    @Test
    void kafkaRoundTrip() throws Exception {
        Map<String, String> config = new KafkaBroker().start();
        String servers = config.get("kafka.bootstrap.servers");
        assertEquals(servers, config.get("mp.messaging.connector.smallrye-kafka.bootstrap.servers"));
        assertEquals(servers, KafkaBroker.bootstrapServers(), "second use must share the broker");

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("self-test", "k", "hello")).get();
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "self-test");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of("self-test"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        assertEquals(List.of("hello"), values);
    }

    @Test
    void postgresDatabasePerStart() throws Exception {
        Postgres resource = new Postgres();
        resource.init(Map.of("database", "selftest"));
        Map<String, String> config = resource.start();
        String url = config.get("quarkus.datasource.jdbc.url");
        assertTrue(url.startsWith("jdbc:postgresql://127.0.0.1:") && url.endsWith("/selftest"), url);
        assertEquals("postgresql" + url.substring("jdbc:postgresql".length()),
                config.get("quarkus.datasource.reactive.url"));

        try (Connection conn = Postgres.dataSource("selftest").getConnection();
                Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("show server_encoding")) {
                assertTrue(rs.next());
                assertEquals("UTF8", rs.getString(1));
            }
            s.execute("create table leftover(id int)");
        }

        // A new lifecycle start (e.g. the next test profile) must see an empty database.
        resource.start();
        try (Connection conn = Postgres.dataSource("selftest").getConnection();
                Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_tables where tablename = 'leftover'")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }
}
