package dev.loanwatch.ingestion;

import static dev.loanwatch.ingestion.Api.application;
import static dev.loanwatch.ingestion.Api.post;
import static dev.loanwatch.ingestion.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.contracts.events.v1.ApplicationDecision;
import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.contracts.events.v1.DecisionRoute;
import dev.loanwatch.contracts.events.v1.ModelDecision;
import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loan applications (进件) through REST, files and the Kafka input: revisions, replays, conflicts, one event per revision. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ApplicationsTest {
    static final Database DB = new Database("ingestion");
    static final String TOPIC = "loanbook.applications";
    static final String APPROVED = "\"decision\":\"APPROVED\",\"decidedOn\":\"2024-01-12\",\"route\":\"MACHINE\","
            + "\"ruleHits\":[\"R07\",\"R12\"],\"modelDecision\":\"PASS\",\"modelScore\":655,\"riskGrade\":\"B\"";
    static EventTap tap;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of(TOPIC, "loanbook.in.dead-letter"));
    }

    @AfterAll
    static void untap() throws InterruptedException {
        tap.close();
    }

    static String borrower() {
        String b = uniqueId("AB");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        return b;
    }

    static long revisions(String id) {
        return DB.count("select count(*) from application_revision where application_id = '" + id + "'");
    }

    @Test
    void anApplicationIsRevisedUntilItsLoanAndPublishedOncePerRevision() throws Exception {
        String b = borrower();
        String a = uniqueId("A");
        String pending = application(a, b, "\"decision\":\"PENDING\",\"route\":\"MANUAL\"");
        post("/applications", pending).statusCode(201).header("Location", containsString("/applications/" + a))
                .body("revision", equalTo(1)).body("decision", equalTo("PENDING")).body("amount", equalTo(300000.00f))
                .body("ruleHits.size()", equalTo(0)).body("modelDecision", equalTo("NOT_SCORED"));
        post("/applications", pending).statusCode(200).header("Idempotent-Replay", "true").body("revision", equalTo(1));

        // decided: the next revision
        String approved = application(a, b, APPROVED.replace("MACHINE", "MANUAL"));
        post("/applications", approved).statusCode(200).body("revision", equalTo(2)).body("decision", equalTo("APPROVED"))
                .body("ruleHits", equalTo(List.of("R07", "R12")));
        // the pending record arriving late (a redelivery) is a replay of revision 1, not a third revision
        post("/applications", pending).statusCode(200).header("Idempotent-Replay", "true").body("revision", equalTo(2));
        // a decided application does not become pending again (other content than any revision)
        post("/applications", pending.replace("MANUAL", "MACHINE")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot become PENDING again"));
        // nor moves to another borrower
        String other = borrower();
        post("/applications", application(a, other, APPROVED)).statusCode(409).body("detail", containsString("another borrower"));

        // disbursed: linked to its loan
        String l = uniqueId("AL");
        post("/loans", Api.loan(l, b, "2024-01-15", "300000.00", "0.05", 12, "EQUAL_INSTALLMENT")).statusCode(201);
        String linked = application(a, b, APPROVED.replace("MACHINE", "MANUAL") + ",\"loanId\":\"" + l + "\"");
        post("/applications", linked).statusCode(200).body("revision", equalTo(3)).body("loanId", equalTo(l));
        post("/applications", approved).statusCode(200).header("Idempotent-Replay", "true").body("loanId", equalTo(l));
        post("/applications", linked.replace(",\"loanId\":\"" + l + "\"", ",\"riskGrade\":\"C\"").replace(",\"riskGrade\":\"B\"", ""))
                .statusCode(409).body("detail", containsString("already linked to loan " + l));
        given().get("/applications/" + a).then().statusCode(200).body("revision", equalTo(3)).body("route", equalTo("MANUAL"))
                .body("decidedOn", equalTo("2024-01-12")).body("riskGrade", equalTo("B"));

        List<ConsumerRecord<String, byte[]>> events = tap.await(TOPIC, a, 3);
        ApplicationRecorded first = ApplicationRecorded.parseFrom(events.get(0).value());
        assertEquals(1, first.getRevision());
        assertEquals(ApplicationDecision.PENDING, first.getDecision());
        assertEquals("", first.getDecidedOn());
        assertEquals(30_000_000L, first.getAmountFen());
        assertEquals("2024-01-10", first.getMeta().getBusinessDate());
        ApplicationRecorded last = ApplicationRecorded.parseFrom(events.get(2).value());
        assertEquals(3, last.getRevision());
        assertEquals(ApplicationDecision.APPROVED, last.getDecision());
        assertEquals(DecisionRoute.MANUAL, last.getRoute());
        assertEquals(ModelDecision.PASS, last.getModelDecision());
        assertEquals(655, last.getModelScore());
        assertEquals(List.of("R07", "R12"), last.getRuleHitsList());
        assertEquals(l, last.getLoanId());
        assertEquals("2024-01-12", last.getMeta().getBusinessDate());
        assertEquals("ApplicationRecorded", EventTap.header(events.get(2), "event-type"));
        tap.awaitAllPublished(DB);
        assertEquals(3, tap.of(TOPIC, a).size(), "replays and conflicts publish nothing");
        assertEquals(3, revisions(a));
    }

    @Test
    void aBadApplicationNamesTheFieldAndStoresNothing() {
        String b = borrower();
        String a = uniqueId("A");
        Map<String, String> cases = Map.ofEntries(
                Map.entry("decidedOn", "\"decision\":\"APPROVED\",\"route\":\"MACHINE\""),
                Map.entry("decidedOn ", "\"decision\":\"REJECTED\",\"decidedOn\":\"2024-01-09\",\"route\":\"MACHINE\",\"rejectReason\":\"R01\""),
                Map.entry(" decidedOn", "\"decision\":\"PENDING\",\"decidedOn\":\"2024-01-11\""),
                Map.entry("rejectReason", "\"decision\":\"REJECTED\",\"decidedOn\":\"2024-01-11\",\"route\":\"MACHINE\""),
                Map.entry("rejectReason ", APPROVED + ",\"rejectReason\":\"R01\""),
                Map.entry("deviation", "\"decision\":\"CANCELLED\",\"decidedOn\":\"2024-01-11\",\"deviation\":true"),
                Map.entry("route", "\"decision\":\"APPROVED\",\"decidedOn\":\"2024-01-11\""),
                Map.entry("loanId", "\"decision\":\"PENDING\",\"loanId\":\"L-1\""),
                Map.entry("modelScore", APPROVED.replace("\"PASS\"", "\"NOT_SCORED\"")),
                Map.entry("ruleHits", APPROVED.replace("\"R12\"", "\"R 12\"")));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            post("/applications", application(a, b, c.getValue())).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getKey().strip()));
        }
        post("/applications", application(a, b, APPROVED).replace("\"300000.00\"", "\"0.00\"")).statusCode(400)
                .body("errors.field", hasItem("amount"));
        post("/applications", application(a, b, APPROVED).replace("\"termMonths\":12", "\"termMonths\":601")).statusCode(400)
                .body("errors.field", hasItem("termMonths"));
        post("/applications", application(a, uniqueId("nobody"), APPROVED)).statusCode(404).body("errors.field", hasItem("borrowerId"));
        post("/applications", application(a, b, APPROVED + ",\"loanId\":\"" + uniqueId("nothing") + "\"")).statusCode(404)
                .body("errors.field", hasItem("loanId"));
        String othersLoan = Api.openLoan("2024-01-15", "1000.00", "0.05", 3, "EQUAL_INSTALLMENT");
        post("/applications", application(a, b, APPROVED + ",\"loanId\":\"" + othersLoan + "\"")).statusCode(400)
                .body("errors.field", hasItem("loanId")).body("errors[0].message", containsString("belongs to borrower"));
        given().get("/applications/" + a).then().statusCode(404);
        assertEquals(0, revisions(a));

        // one loan, one application
        String l = uniqueId("AL");
        post("/loans", Api.loan(l, b, "2024-01-15", "300000.00", "0.05", 12, "EQUAL_INSTALLMENT")).statusCode(201);
        post("/applications", application(a, b, APPROVED + ",\"loanId\":\"" + l + "\"")).statusCode(201);
        post("/applications", application(uniqueId("A"), b, APPROVED + ",\"loanId\":\"" + l + "\"")).statusCode(409)
                .body("detail", containsString("already disbursed from application " + a));
        // a CANCELLED application without a route and a REJECTED one with its reason are fine
        post("/applications", application(uniqueId("A"), b, "\"decision\":\"CANCELLED\",\"decidedOn\":\"2024-01-10\"")).statusCode(201);
        post("/applications", application(uniqueId("A"), b, "\"decision\":\"REJECTED\",\"decidedOn\":\"2024-01-10\",\"route\":\"MACHINE\","
                + "\"rejectReason\":\"R01\",\"modelDecision\":\"REJECT\",\"modelScore\":412")).statusCode(201).body("rejectReason", equalTo("R01"));
    }

    @Test
    void filesCarryApplicationsAndTheirRevisions() {
        String b = borrower();
        String a1 = uniqueId("A"), a2 = uniqueId("A"), a3 = uniqueId("A");
        String csv = "id,borrowerId,product,channel,appliedOn,amount,termMonths,decision,decidedOn,route,deviation,ruleHits,modelDecision,modelScore,rejectReason\n"
                + a1 + "," + b + ",consumer-instalment,app,2024-02-01,15000.00,12,REJECTED,2024-02-01,MACHINE,,R01;R07,REJECT,388,R07\n"
                + a2 + "," + b + ",consumer-instalment,app,2024-02-02,8000,6,APPROVED,2024-02-03,MANUAL,true,R12,PASS,602,\n"
                + a3 + "," + b + ",consumer-instalment,app,2024-02-02,8000,6,APPROVED,2024-02-01,MANUAL,,,,,\n"; // decided before applied
        Response r = given().contentType("text/csv").body(csv).post("/imports/applications?fileName=apps.csv");
        Map<String, Object> job = Api.awaitJob(r.then().statusCode(202).extract().header("Location"));
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(2, ((Number) job.get("rowsAccepted")).intValue(), job.toString());
        given().get(r.header("Location") + "/rejections").then().body("line", equalTo(List.of(4)))
                .body("[0].errors.field", hasItem("decidedOn"));
        given().get("/applications/" + a1).then().statusCode(200).body("ruleHits", equalTo(List.of("R01", "R07")))
                .body("rejectReason", equalTo("R07")).body("modelScore", equalTo(388));
        given().get("/applications/" + a2).then().statusCode(200).body("deviation", equalTo(true)).body("amount", equalTo(8000.00f));

        // NDJSON: an application received and decided in the same file is two revisions; the file again changes nothing
        String a4 = uniqueId("A");
        String nd = application(a4, b, "\"decision\":\"PENDING\"").replace("\n", " ") + "\n"
                + application(a4, b, APPROVED).replace("\n", " ") + "\n";
        for (int run = 0; run < 2; run++) {
            Response n = given().contentType("application/x-ndjson").body(nd.getBytes(StandardCharsets.UTF_8)).post("/imports/applications");
            Map<String, Object> j = Api.awaitJob(n.header("Location"));
            assertEquals(2, ((Number) j.get("rowsAccepted")).intValue(), j.toString());
        }
        given().get("/applications/" + a4).then().body("revision", equalTo(2)).body("decision", equalTo("APPROVED"));
        assertEquals(2, revisions(a4));
        tap.awaitAllPublished(DB);
        assertEquals(2, tap.of(TOPIC, a4).size());
    }

    @Test
    void theKafkaInputStoresApplicationsAndDeadLettersBadOnes() throws Exception {
        String b = borrower();
        String good = uniqueId("A"), bad = uniqueId("A");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("loanbook.in.applications", good, application(good, b, "\"decision\":\"PENDING\""))).get();
            producer.send(new ProducerRecord<>("loanbook.in.applications", bad,
                    application(bad, b, "\"decision\":\"REJECTED\",\"decidedOn\":\"2024-01-11\",\"route\":\"MACHINE\""))).get();
            producer.send(new ProducerRecord<>("loanbook.in.applications", good, application(good, b, APPROVED))).get();
            // redelivered: both revisions are replays
            producer.send(new ProducerRecord<>("loanbook.in.applications", good, application(good, b, "\"decision\":\"PENDING\""))).get();
            producer.send(new ProducerRecord<>("loanbook.in.applications", good, application(good, b, APPROVED))).get();
            // a bad record under the same key, so in the same partition: dead-lettered after the replays were read
            producer.send(new ProducerRecord<>("loanbook.in.applications", good, "{after the replays")).get();
        }
        List<ConsumerRecord<String, byte[]>> letters = tap.await("loanbook.in.dead-letter", bad, 1);
        String reason = EventTap.header(letters.get(0), "dead-letter-reason");
        assertTrue(reason.contains("rejectReason"), reason);
        assertEquals("loanbook.in.applications", EventTap.header(letters.get(0), "dead-letter-topic"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/applications/" + good).then().statusCode(200).body("revision", equalTo(2)));
        given().get("/applications/" + bad).then().statusCode(404);
        tap.awaitAllPublished(DB);
        assertEquals(2, tap.of(TOPIC, good).size());
        assertEquals(List.of("{after the replays"), tap.await("loanbook.in.dead-letter", good, 1).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList(), "replays are not dead letters");
    }
}
