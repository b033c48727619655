package dev.loanwatch.ingestion;

import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import static dev.loanwatch.ingestion.Api.post;
import static dev.loanwatch.ingestion.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The set-based daily close against the domain core: after each close, every loan's recorded
 * status must equal what DelinquencyStatus/FiveTierClassification compute for that date
 * (GET /loans/{id}/status?asOf=D) — the SQL repeats no rule, and this holds it to that.
 *
 * <p>A close is global and business dates only move forward, so this class has a database of its
 * own (no other class's close can be ahead of its dates; every open loan there is one of its own),
 * and its methods are one book in steps through the dates, in order.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "daily_close"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyCloseTest {
    static final Database DB = new Database("daily_close");
    static EventTap tap;
    static String paysOnTime, missesSecond, paysNothing, cardLate, bankLate;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of("loanbook.loan-status", "loanbook.month-end-snapshots"));
    }

    @AfterAll
    static void untap() throws InterruptedException {
        tap.close();
    }

    static String loanOfProduct(String product, String disbursed) {
        String b = uniqueId("B");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        String l = uniqueId("L");
        post("/loans", Api.loan(l, b, disbursed, "1200.00", "0.12", 12, "EQUAL_PRINCIPAL").replace("sme-operating", product))
                .statusCode(201);
        return l;
    }

    @Test
    @Order(1)
    void firstCloseRecordsEveryStatusAndPublishesIt() throws Exception {
        // 1200 over 12 months, equal principal at 12 %: installment 1 = 100 + 12.00, installment 2 = 100 + 11.00
        paysOnTime = Api.openLoan("2025-01-15", "1200.00", "0.12", 12, "EQUAL_PRINCIPAL");
        post("/payments", Api.payment(uniqueId("P"), paysOnTime, "2025-02-15", "112.00")).statusCode(201);
        post("/payments", Api.payment(uniqueId("P"), paysOnTime, "2025-03-15", "111.00")).statusCode(201);
        missesSecond = Api.openLoan("2025-01-15", "1200.00", "0.12", 12, "EQUAL_PRINCIPAL");
        post("/payments", Api.payment(uniqueId("P"), missesSecond, "2025-02-14", "112.00")).statusCode(201);
        paysNothing = Api.openLoan("2025-01-15", "1200.00", "0.12", 12, "EQUAL_PRINCIPAL");
        // 2024-06-10 disbursed, first due 2024-07-10, nothing paid: 253 days past due on 2025-03-20
        cardLate = loanOfProduct("credit-card", "2024-06-10");
        bankLate = loanOfProduct("sme-operating", "2024-06-10");

        post("/closes", "{\"businessDate\":\"2025-03-20\"}").statusCode(201)
                .body("alreadyClosed", equalTo(false)).body("monthEnd", equalTo(false));

        given().get("/loans/" + paysOnTime).then().body("lastClose.dpd", equalTo(0)).body("lastClose.bucket", equalTo("C"))
                .body("lastClose.grade", equalTo("NORMAL"));
        // due 2025-03-15 unpaid: 5 days, M1, special mention; at month end it would be 16 days — not 准M2
        given().get("/loans/" + missesSecond).then().body("lastClose.dpd", equalTo(5)).body("lastClose.bucket", equalTo("M1"))
                .body("lastClose.stage", equalTo("EARLY")).body("lastClose.grade", equalTo("SPECIAL_MENTION"))
                .body("lastClose.overduePrincipal", equalTo(100.00f)).body("lastClose.overdueInterest", equalTo(11.00f))
                .body("lastClose.nearM2", equalTo(false));
        // due 2025-02-15 unpaid: 33 days, M2
        given().get("/loans/" + paysNothing).then().body("lastClose.dpd", equalTo(33)).body("lastClose.bucket", equalTo("M2"))
                .body("lastClose.stage", equalTo("MIDDLE")).body("lastClose.overduePrincipal", equalTo(200.00f))
                .body("lastClose.nearM3", equalTo(false));
        // the same 253 days: the card rules say loss (> 180), the bank rules substandard (90 < 253 ≤ 270)
        given().get("/loans/" + cardLate).then().body("lastClose.dpd", equalTo(253)).body("lastClose.bucket", equalTo("M7+"))
                .body("lastClose.grade", equalTo("LOSS"));
        given().get("/loans/" + bankLate).then().body("lastClose.grade", equalTo("SUBSTANDARD")).body("lastClose.stage", equalTo("LATE"));

        LoanStatusChanged e = LoanStatusChanged.parseFrom(tap.await("loanbook.loan-status", missesSecond, 1).get(0).value());
        assertEquals("M1", e.getStatus().getBucket());
        assertEquals(5, e.getStatus().getDpd());
        assertEquals("2025-03-20", e.getStatus().getAsOf());
        assertEquals(FiveTierGrade.SPECIAL_MENTION, e.getStatus().getGrade());
        assertEquals(10_000L, e.getStatus().getOverduePrincipalFen());
        // disbursed in January: 31 Jan is MOB 0, 28 Feb MOB 1 — the last month end before 20 March
        assertEquals(1, e.getStatus().getMob());
        assertAllLoansAgreeWithTheDomainCore("2025-03-20");
    }

    @Test
    @Order(2)
    void closingTheSameDateAgainChangesNothingAndDatesMoveForward() {
        tap.awaitAllPublished(DB);
        int events = statusEvents();
        post("/closes", "{\"businessDate\":\"2025-03-20\"}").statusCode(200).body("alreadyClosed", equalTo(true)).body("runs", equalTo(1));
        post("/closes", "{\"businessDate\":\"2025-03-19\"}").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("forward only"));
        post("/closes", "{\"businessDate\":\"2025-02-30\"}").statusCode(400);
        post("/closes", "{\"date\":\"2025-03-21\"}").statusCode(400);
        tap.awaitAllPublished(DB);
        assertEquals(events, statusEvents());
    }

    @Test
    @Order(3)
    void aRerunAfterALatePaymentPublishesOnlyTheCorrection() throws Exception {
        tap.awaitAllPublished(DB);
        assertEquals(1, tap.of("loanbook.loan-status", paysNothing).size());
        int before = statusEvents();
        // a payment valued on the closed date arrives late and pays installment 1 (112.00) and installment 2 (111.00)
        post("/payments", Api.payment(uniqueId("P"), paysNothing, "2025-03-20", "223.00")).statusCode(201);
        post("/closes", "{\"businessDate\":\"2025-03-20\",\"rerun\":true}").statusCode(201).body("runs", equalTo(2))
                .body("statusChanges", equalTo(1));
        given().get("/loans/" + paysNothing).then().body("lastClose.dpd", equalTo(0)).body("lastClose.bucket", equalTo("C"));
        List<?> corrections = tap.await("loanbook.loan-status", paysNothing, 2);
        LoanStatusChanged c = LoanStatusChanged.parseFrom(tap.of("loanbook.loan-status", paysNothing).get(1).value());
        assertEquals("C", c.getStatus().getBucket());
        // the correction replaces what the first run said for that date; "previous" stays the status before it
        assertEquals("C", c.getStatus().getPreviousBucket());
        assertEquals(0, c.getStatus().getDpd());
        tap.awaitAllPublished(DB);
        assertEquals(before + 1, statusEvents(), corrections.toString());
    }

    @Test
    @Order(4)
    void monthEndSnapshotsEveryOpenLoan() throws Exception {
        JsonPath close = post("/closes", "{\"businessDate\":\"2025-03-31\"}").statusCode(201)
                .body("monthEnd", equalTo(true)).extract().jsonPath();
        int open = close.getInt("openLoans");
        assertEquals(open, close.getInt("snapshotRows"));
        assertEquals(open, DB.count("select count(*) from month_end_snapshot where snapshot_date = '2025-03-31'"));
        MonthEndSnapshot s = MonthEndSnapshot.parseFrom(tap.await("loanbook.month-end-snapshots", missesSecond, 1).get(0).value());
        assertEquals(2, s.getStatus().getMob());
        assertEquals(16, s.getStatus().getDpd());
        assertEquals("2025-03-31", s.getMeta().getBusinessDate());
        tap.awaitAllPublished(DB);
        assertEquals(open, tap.matching(r -> r.topic().equals("loanbook.month-end-snapshots")
                && snapshotDate(r).equals("2025-03-31")).size(), "one snapshot event per open loan");
        assertAllLoansAgreeWithTheDomainCore("2025-03-31");
    }

    /** Random loans and payments: the close and the domain core agree on every one, incl. 准M2/准M3. */
    @Test
    @Order(5)
    void randomBookAgreesWithTheDomainCore() {
        Random random = new Random(7);
        String[] methods = {"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL", "INTEREST_ONLY"};
        for (int i = 0; i < 40; i++) {
            String disbursed = "2024-%02d-%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28));
            String l = Api.openLoan(disbursed, (1000 + random.nextInt(50_000)) + ".00", "0.0" + (3 + random.nextInt(7)),
                    3 + random.nextInt(24), methods[random.nextInt(3)]);
            int payments = random.nextInt(8);
            for (int p = 0; p < payments; p++) {
                String valueDate = "2024-%02d-%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28));
                if (valueDate.compareTo(disbursed) < 0) {
                    continue;
                }
                post("/payments", Api.payment(uniqueId("P"), l, valueDate, (50 + random.nextInt(3000)) + "." + (10 + random.nextInt(89))));
            }
        }
        for (String d : List.of("2025-04-09", "2025-04-10", "2025-04-30")) {
            post("/closes", "{\"businessDate\":\"" + d + "\"}").statusCode(201);
            assertAllLoansAgreeWithTheDomainCore(d);
        }
    }

    // the topics are shared with every class in this JVM; what this class's own database published is counted after
    // awaitAllPublished, when nothing of it is still on its way
    private static int statusEvents() {
        return tap.matching(r -> r.topic().equals("loanbook.loan-status")).size();
    }

    private static String snapshotDate(ConsumerRecord<String, byte[]> r) {
        try {
            return MonthEndSnapshot.parseFrom(r.value()).getMeta().getBusinessDate();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertAllLoansAgreeWithTheDomainCore(String date) {
        List<String> ids = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select id from loan where state = 'OPEN' and disbursement_date <= '" + date + "'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertTrue(ids.size() >= 5);
        int delinquent = 0;
        for (String id : ids) {
            Map<String, Object> closed = given().get("/loans/" + id).then().statusCode(200).extract().path("lastClose");
            Map<String, Object> domain = given().get("/loans/" + id + "/status?asOf=" + date).then().statusCode(200).extract().path("");
            for (String field : List.of("dpd", "bucket", "stage", "grade", "overduePrincipal", "overdueInterest", "nearM2", "nearM3")) {
                assertEquals(String.valueOf(domain.get(field)), String.valueOf(closed.get(field)), id + " " + field + " as of " + date);
            }
            if (!"C".equals(closed.get("bucket"))) {
                delinquent++;
            }
        }
        assertTrue(delinquent > 0, "the book must have delinquent loans for the comparison to mean something");
    }
}
