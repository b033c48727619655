package dev.loanwatch.ingestion;

import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import static dev.loanwatch.ingestion.Api.post;
import static dev.loanwatch.ingestion.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.platform.outbox.OutboxRelay;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch files, the Kafka input topics with their dead-letter topic, and the outbox under a crash. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ImportAndKafkaInputTest {
    static final Database DB = new Database("ingestion");
    static EventTap tap;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of("loanbook.borrowers", "loanbook.loans", "loanbook.payments", "loanbook.in.dead-letter"));
    }

    @AfterAll
    static void untap() throws InterruptedException {
        tap.close();
    }

    @Test
    void csvFileWithGoodAndBadRows() {
        String l = Api.openLoan("2024-01-15", "3000.00", "0.12", 3, "EQUAL_PRINCIPAL");
        String p1 = uniqueId("P"), p2 = uniqueId("P");
        String csv = "id,loanId,valueDate,amount\n"
                + p1 + "," + l + ",2024-02-15,1030.00\n"          // line 2: good
                + uniqueId("P") + ",nope,2024-02-15,10.00\n"      // line 3: unknown loan
                + uniqueId("P") + "," + l + ",2024-02-15,-1\n"    // line 4: negative
                + uniqueId("P") + "," + l + ",15/02/2024,10.00\n" // line 5: bad date
                + "only,two\n"                                      // line 6: wrong field count
                + p2 + "," + l + ",2024-03-15,1020.00\n";         // line 7: good
        Response r = given().contentType("text/csv").body(csv).post("/imports/payments?fileName=p.csv");
        r.then().statusCode(202).header("Location", containsString("/imports/"));
        Map<String, Object> job = Api.awaitJob(r.header("Location"));
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(6, ((Number) job.get("rowsRead")).intValue(), job.toString());
        assertEquals(2, ((Number) job.get("rowsAccepted")).intValue());
        assertEquals(4, ((Number) job.get("rowsRejected")).intValue());
        given().get(r.header("Location") + "/rejections").then().statusCode(200)
                .body("line", equalTo(List.of(3, 4, 5, 6)))
                .body("[0].errors.field", hasItem("loanId"))
                .body("[1].errors.field", hasItem("amount"))
                .body("[2].errors.field", hasItem("valueDate"))
                .body("[3].errors[0].message", containsString("malformed CSV row"));
        given().get("/payments/" + p2).then().statusCode(200).body("allocation[0].installment", equalTo(2));

        // the same file again: every good row is a replay, nothing stored twice
        Response again = given().contentType("text/csv").body(csv).post("/imports/payments");
        Map<String, Object> job2 = Api.awaitJob(again.header("Location"));
        assertEquals(2, ((Number) job2.get("rowsAccepted")).intValue());
        given().get("/loans/" + l).then().body("outstandingPrincipal", equalTo(1000.00f));
        assertEquals(2, tap.await("loanbook.payments", l, 2).size());
    }

    @Test
    void ndjsonAndBadFiles() {
        String b1 = uniqueId("B");
        String nd = Api.enterprise(b1).replace("\n", " ") + "\n\n{\"id\": broken\n"
                + "{\"id\":\"" + uniqueId("B") + "\",\"type\":\"ALIEN\"}\n";
        Response r = given().contentType("application/x-ndjson").body(nd.getBytes(StandardCharsets.UTF_8)).post("/imports/borrowers");
        Map<String, Object> job = Api.awaitJob(r.header("Location"));
        assertEquals(1, ((Number) job.get("rowsAccepted")).intValue(), job.toString());
        assertEquals(2, ((Number) job.get("rowsRejected")).intValue());
        given().get(r.header("Location") + "/rejections").then()
                .body("line", equalTo(List.of(3, 4)))
                .body("[0].errors[0].message", containsString("malformed JSON"))
                .body("[1].errors.field", hasItem("type"));
        given().get("/borrowers/" + b1).then().statusCode(200);

        Response bad = given().contentType("text/csv").body("id,colour\n1,red\n").post("/imports/payments");
        Map<String, Object> failed = Api.awaitJob(bad.header("Location"));
        assertEquals("FAILED", failed.get("state"));
        assertTrue(failed.get("error").toString().contains("unknown column 'colour'"));
        given().contentType("text/csv").body("x").post("/imports/widgets").then().statusCode(400).body("errors.field", hasItem("recordType"));
        given().contentType("application/pdf").body(new byte[]{1}).post("/imports/payments").then().statusCode(415);
    }

    @Test
    void kafkaInputStoresGoodRecordsAndDeadLettersBadOnes() throws Exception {
        String good = uniqueId("B"), bad = uniqueId("B");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("loanbook.in.borrowers", good, Api.enterprise(good))).get();
            producer.send(new ProducerRecord<>("loanbook.in.borrowers", bad, Api.enterprise(bad).replace("330106", "3301"))).get();
            producer.send(new ProducerRecord<>("loanbook.in.borrowers", "garbage", "{not json")).get();
            // a replay of the good record is not a dead letter and stores nothing new
            producer.send(new ProducerRecord<>("loanbook.in.borrowers", good, Api.enterprise(good))).get();
            // a bad record under the same key, so in the same partition: read, and dead-lettered, after the replay
            producer.send(new ProducerRecord<>("loanbook.in.borrowers", good, "{after the replay")).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/borrowers/" + good).then().statusCode(200));
        List<ConsumerRecord<String, byte[]>> letters = tap.await("loanbook.in.dead-letter", bad, 1);
        String reason = EventTap.header(letters.get(0), "dead-letter-reason");
        assertTrue(reason.contains("regionCode"), reason);
        assertEquals("loanbook.in.borrowers", EventTap.header(letters.get(0), "dead-letter-topic"));
        assertTrue(EventTap.header(tap.await("loanbook.in.dead-letter", "garbage", 1).get(0), "dead-letter-reason").contains("malformed JSON"));
        given().get("/borrowers/" + bad).then().statusCode(404);
        List<ConsumerRecord<String, byte[]>> lettersOfGood = tap.await("loanbook.in.dead-letter", good, 1);
        assertEquals(List.of("{after the replay"), lettersOfGood.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList(),
                "the replay is not a dead letter");
        tap.awaitAllPublished(DB);
        assertEquals(1, tap.of("loanbook.borrowers", good).size());
    }

    /** The platform's default relay lock (loanwatch.outbox.lock-key). */
    private static final long RELAY_LOCK = 73010002L;

    /**
     * A stopped relay gives its lock back before its connection returns to the pool: an idle pooled
     * session holding it would keep every relay from leading again.
     */
    private static void assertRelayLockReleased() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                DB.count("select count(*) from pg_locks where locktype = 'advisory' and objid = " + RELAY_LOCK) == 0);
    }

    /**
     * Events committed while the relay is down are published when it comes back; a relay that
     * dies after its Kafka commit but before clearing the outbox does not publish them twice.
     */
    @Test
    void outboxSurvivesCrashesWithoutLossOrDuplicates() throws SQLException {
        relay.stop();
        assertRelayLockReleased();
        String b = uniqueId("B");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        String l = uniqueId("L");
        post("/loans", Api.loan(l, b, "2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT")).statusCode(201);
        for (int i = 0; i < 5; i++) {
            post("/payments", Api.payment(l + "-p" + i, l, "2024-02-1" + i, "10.00")).statusCode(201);
        }
        tap.awaitCaughtUp();
        assertEquals(0, tap.of("loanbook.payments", l).size(), "nothing leaves while the relay is down");
        assertEquals(7, DB.count("select count(*) from outbox where msg_key in ('" + b + "','" + l + "')"));

        relay.crashAfterNextCommit();
        relay.start();
        tap.await("loanbook.payments", l, 5);
        tap.awaitAllPublished(DB);
        List<ConsumerRecord<String, byte[]>> events = tap.matching(r -> r.key() != null && (r.key().equals(b) || r.key().equals(l)));
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> e : events) {
            ids.add(EventTap.header(e, "event-id"));
        }
        assertEquals(7, events.size(), "every event arrives exactly once");
        assertEquals(7, ids.size());
    }
}
