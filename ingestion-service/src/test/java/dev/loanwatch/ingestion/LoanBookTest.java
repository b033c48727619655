package dev.loanwatch.ingestion;

import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import static dev.loanwatch.ingestion.Api.post;
import static dev.loanwatch.ingestion.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.PaymentReceived;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REST → PostgreSQL → the event on the real Kafka topic; and every kind of bad input. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class LoanBookTest {
    static final Database DB = new Database("ingestion");
    static EventTap tap;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of("loanbook.borrowers", "loanbook.loans", "loanbook.payments"));
    }

    @AfterAll
    static void untap() throws InterruptedException {
        tap.close();
    }

    @Test
    void borrowerIsStoredPublishedAndIdempotent() throws Exception {
        String id = uniqueId("B");
        String body = Api.enterprise(id);
        post("/borrowers", body).statusCode(201)
                .header("Location", containsString("/borrowers/" + id))
                .body("identityNumberMasked", containsString("****"))
                .body("revision", equalTo(1));
        // same id, same content: answered the same way, stored once
        post("/borrowers", body).statusCode(200).header("Idempotent-Replay", "true").body("id", equalTo(id));
        // same id, different content: 409 naming the conflict
        post("/borrowers", body.replace("330106", "330108")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("different content"));
        assertEquals(1, DB.count("select count(*) from borrower where id = '" + id + "'"));

        List<ConsumerRecord<String, byte[]>> events = tap.await("loanbook.borrowers", id, 1);
        BorrowerUpserted e = BorrowerUpserted.parseFrom(events.get(0).value());
        assertEquals("330106", e.getRegionCode());
        assertEquals("H62", e.getIndustryCode());
        assertEquals(420_000_000L, e.getAnnualRevenueFen());
        assertEquals(1, e.getMeta().getSchemaVersion());
        assertEquals(64, e.getIdentityHash().length());
        // the identity number never leaves in clear
        assertTrue(!new String(events.get(0).value()).contains(Api.uscc(Math.abs(id.hashCode()))));

        // a change is a new revision and a new event
        given().contentType(ContentType.JSON).body(body.replace("\"employees\":35", "\"employees\":40"))
                .put("/borrowers/" + id).then().statusCode(200).body("revision", equalTo(2));
        assertEquals(2, BorrowerUpserted.parseFrom(tap.await("loanbook.borrowers", id, 2).get(1).value()).getRevision());
        // the relay publishes in outbox order and a borrower's events share a partition: an event of the
        // replay would have arrived between revision 1 and revision 2
        assertEquals(2, tap.of("loanbook.borrowers", id).size(), "a replay publishes nothing");
    }

    @Test
    void badBorrowerNamesEveryBadField() throws Exception {
        String id = uniqueId("B");
        String badUscc = "91350100M000100Y44"; // check character of 91350100M000100Y4? is 3
        post("/borrowers", """
                {"id":"%s","type":"ENTERPRISE","name":"x","identityNumber":"%s","regionCode":"33010","employees":-1,
                 "annualRevenue":"12.345","colour":"red"}
                """.formatted(id, badUscc))
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("identityNumber"))
                .body("errors.field", hasItem("regionCode"))
                .body("errors.field", hasItem("employees"))
                .body("errors.field", hasItem("annualRevenue"))
                .body("errors.field", hasItem("colour"));
        post("/borrowers", "{\"id\": \"x\", ").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        post("/borrowers", "{\"type\":\"INDIVIDUAL\",\"name\":\"张三\",\"identityNumber\":\"11010519491231002X\",\"regionCode\":\"110105\"}")
                .statusCode(400).body("errors.field", hasItem("id"));
        assertEquals(0, DB.count("select count(*) from borrower where id = '" + id + "'"));
        // an individual with a valid ID number is fine
        post("/borrowers", "{\"id\":\"" + uniqueId("P") + "\",\"type\":\"INDIVIDUAL\",\"name\":\"张三\",\"identityNumber\":\"11010519491231002X\",\"regionCode\":\"110105\"}")
                .statusCode(201);
    }

    @Test
    void loanScheduleAndBadLoans() throws Exception {
        String b = uniqueId("B");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        String l = uniqueId("L");
        // 12,000.00 at 12 % over 12 months, equal installments: 1066.19 a month, the last absorbs rounding
        post("/loans", Api.loan(l, b, "2024-01-31", "12000.00", "0.12", 12, "EQUAL_INSTALLMENT")).statusCode(201)
                .body("schedule", hasSize(12))
                .body("schedule[0].dueDate", equalTo("2024-02-29"))
                .body("schedule[0].interestDue", equalTo(120.00f))
                .body("schedule[0].principalDue", equalTo(946.19f))
                .body("schedule[2].dueDate", equalTo("2024-04-30"))
                .body("outstandingPrincipal", equalTo(12000.00f));
        LoanEvent opened = LoanEvent.parseFrom(tap.await("loanbook.loans", l, 1).get(0).value());
        assertEquals(12, opened.getOpened().getScheduleCount());
        assertEquals(1_200_000L, opened.getOpened().getScheduleList().stream().mapToLong(i -> i.getPrincipalDueFen()).sum());

        post("/loans", Api.loan(uniqueId("L"), b, "2024-01-31", "12000.001", "0.37", 0, "BALLOON")).statusCode(400)
                .body("errors.field", hasItem("principal")).body("errors.field", hasItem("annualRate"))
                .body("errors.field", hasItem("termMonths")).body("errors.field", hasItem("method"));
        post("/loans", Api.loan(uniqueId("L"), b, "2024-01-31", "-5", "0.1", 361, "EQUAL_PRINCIPAL")).statusCode(400)
                .body("errors.field", hasItem("principal")).body("errors.field", hasItem("termMonths"));
        post("/loans", Api.loan(uniqueId("L"), "nobody", "2024-01-31", "1000", "0.1", 12, "EQUAL_PRINCIPAL")).statusCode(404)
                .body("errors.field", hasItem("borrowerId"));
        // a supplied schedule must add up to the principal
        String supplied = Api.loan(uniqueId("L"), b, "2024-01-15", "1000.00", "0.12", 2, "INTEREST_ONLY")
                .replace("\"method\":\"INTEREST_ONLY\"", "\"method\":\"INTEREST_ONLY\",\"schedule\":["
                        + "{\"number\":1,\"dueDate\":\"2024-02-15\",\"principalDue\":\"0\",\"interestDue\":\"10.00\"},"
                        + "{\"number\":2,\"dueDate\":\"2024-03-15\",\"principalDue\":\"999.00\",\"interestDue\":\"10.00\"}]");
        post("/loans", supplied).statusCode(400).body("errors.field", hasItem("schedule"));
        post("/loans", supplied.replace("999.00", "1000.00")).statusCode(201).body("scheduleSupplied", equalTo(true));
    }

    @Test
    void paymentIsAllocatedOldestFirstAndPublished() throws Exception {
        String l = Api.openLoan("2024-01-15", "3000.00", "0.12", 3, "EQUAL_PRINCIPAL");
        // installments: 1000 + 30.00, 1000 + 20.00, 1000 + 10.00
        String p = uniqueId("P");
        String body = Api.payment(p, l, "2024-03-20", "1500.00");
        post("/payments", body).statusCode(201)
                .body("allocation", hasSize(2))
                .body("allocation[0].installment", equalTo(1)).body("allocation[0].interest", equalTo(30.00f))
                .body("allocation[0].principal", equalTo(1000.00f))
                .body("allocation[1].installment", equalTo(2)).body("allocation[1].interest", equalTo(20.00f))
                .body("allocation[1].principal", equalTo(450.00f))
                .body("outstandingPrincipal", equalTo(1550.00f));
        post("/payments", body).statusCode(200).header("Idempotent-Replay", "true").body("outstandingPrincipal", equalTo(1550.00f));
        post("/payments", body.replace("1500.00", "1500.01")).statusCode(409);
        PaymentReceived e = PaymentReceived.parseFrom(tap.await("loanbook.payments", l, 1).get(0).value());
        assertEquals(150_000L, e.getAmountFen());
        assertEquals(155_000L, e.getOutstandingPrincipalFen());

        post("/payments", Api.payment(uniqueId("P"), l, "2024-01-14", "10.00")).statusCode(400).body("errors.field", hasItem("valueDate"));
        post("/payments", Api.payment(uniqueId("P"), "no-such-loan", "2024-03-20", "10.00")).statusCode(404).body("errors.field", hasItem("loanId"));
        post("/payments", Api.payment(uniqueId("P"), l, "2024-03-20", "0")).statusCode(400).body("errors.field", hasItem("amount"));
        post("/payments", Api.payment(uniqueId("P"), l, "2024-03-20", "-3.00")).statusCode(400).body("errors.field", hasItem("amount"));
        post("/payments", Api.payment(uniqueId("P"), l, "2024-03-20", "3.001")).statusCode(400).body("errors.field", hasItem("amount"));

        // settle the rest (1550 principal + 10 interest), then the loan is closed to payments
        post("/payments", Api.payment(uniqueId("P"), l, "2024-03-21", "1560.00")).statusCode(201).body("loanState", equalTo("SETTLED"));
        post("/payments", Api.payment(uniqueId("P"), l, "2024-03-22", "1.00")).statusCode(409).body("detail", containsString("settled"));
        assertEquals(new BigDecimal("0.00"), new BigDecimal(given().get("/loans/" + l).then().extract().path("outstandingPrincipal").toString()).setScale(2));
    }

    @Test
    void restructureAndWriteOff() throws Exception {
        // 3000 over 3 months equal principal at 12 %: 1000 + 30.00, 1000 + 20.00, 1000 + 10.00; nothing paid
        String l = Api.openLoan("2024-01-15", "3000.00", "0.12", 3, "EQUAL_PRINCIPAL");
        given().get("/loans/" + l + "/status?asOf=2024-05-20").then().statusCode(200)
                .body("dpd", equalTo(95)).body("bucket", equalTo("M4")).body("grade", equalTo("SUBSTANDARD"))
                .body("overdueInterest", equalTo(60.00f)).body("mob", equalTo(3));
        String restructure = "{\"effectiveDate\":\"2024-05-20\",\"annualRate\":\"0.06\",\"termMonths\":6,"
                + "\"method\":\"EQUAL_PRINCIPAL\",\"reason\":\"hardship\"}";
        post("/loans/" + l + "/restructure", restructure).statusCode(200)
                .body("restructured", equalTo(true))
                // the 60.00 of interest already due is capitalised
                .body("outstandingPrincipal", equalTo(3060.00f));
        post("/loans/" + l + "/restructure", restructure).statusCode(200).header("Idempotent-Replay", "true");
        post("/loans/" + l + "/restructure", restructure.replace("hardship", "other")).statusCode(409);
        post("/loans/" + l + "/restructure", "{\"effectiveDate\":\"2024-05-21\",\"annualRate\":\"0.5\"}").statusCode(400)
                .body("errors.field", hasItem("annualRate")).body("errors.field", hasItem("termMonths"));
        // after the restructuring: nothing past due yet, but it keeps at least the substandard grade it had
        given().get("/loans/" + l + "/status?asOf=2024-06-01").then().statusCode(200)
                .body("dpd", equalTo(0)).body("grade", equalTo("SUBSTANDARD")).body("outstandingPrincipal", equalTo(3060.00f));
        // before it, the old schedule still tells the story
        given().get("/loans/" + l + "/status?asOf=2024-05-01").then().body("dpd", equalTo(76)).body("bucket", equalTo("M3"));
        assertEquals(1, LoanEvent.parseFrom(tap.await("loanbook.loans", l, 2).get(1).value()).getRestructured().getScheduleCount() / 6);

        String writeOff = "{\"writeOffDate\":\"2024-12-31\",\"reason\":\"uncollectable\"}";
        post("/loans/" + l + "/write-off", writeOff).statusCode(200).body("state", equalTo("WRITTEN_OFF"));
        post("/loans/" + l + "/write-off", writeOff).statusCode(200).header("Idempotent-Replay", "true");
        post("/loans/" + l + "/write-off", writeOff.replace("uncollectable", "fraud")).statusCode(409);
        post("/loans/" + l + "/restructure", restructure.replace("05-20", "06-20")).statusCode(409);
        post("/loans/nope/write-off", writeOff).statusCode(404);
        LoanEvent wo = LoanEvent.parseFrom(tap.await("loanbook.loans", l, 3).get(2).value());
        assertEquals(306_000L, wo.getWrittenOff().getPrincipalFen());
        // a payment after write-off is a recovery: accepted, the loan stays written off
        post("/payments", Api.payment(uniqueId("P"), l, "2025-01-10", "100.00")).statusCode(201).body("loanState", equalTo("WRITTEN_OFF"));
        given().get("/loans/" + l + "/status?asOf=2025-01-10").then().body("state", equalTo("WRITTEN_OFF"));
    }

    @Test
    void transportErrorsAreProblems() {
        given().contentType("text/plain").body("hello").post("/payments").then().statusCode(415)
                .contentType("application/problem+json");
        String huge = "{\"id\":\"" + "x".repeat(2_000_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/payments").then().statusCode(413)
                .contentType("application/problem+json");
        given().get("/loans/none").then().statusCode(404).contentType("application/problem+json");
        given().get("/loans/none/status?asOf=2024-13-01").then().statusCode(400).body("errors.field", hasItem("asOf"));
    }

    @Test
    void openApiHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/loans/{id}/status"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200).body(containsString("outbox-relay"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("loanwatch_outbox_published"));
    }
}
