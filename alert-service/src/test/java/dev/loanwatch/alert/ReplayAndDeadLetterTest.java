package dev.loanwatch.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.alert.config.AnalyticsConfig;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.repository.LoanColumns;
import dev.loanwatch.alert.repository.Scope;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.alert.service.ColumnsLoader;
import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A book delivered twice ends in the same state, a corrected snapshot wins, a restart's load gives the
 * running service's columns; what the read model cannot read goes to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class ReplayAndDeadLetterTest {

    @Inject
    ColumnsLoader loader;
    @Inject
    SegmentReader reader;
    @Inject
    AnalyticsConfig config;

    @Test
    void aBookDeliveredTwiceEndsInTheSameState() {
        String tag = Book.id("RP").toUpperCase();
        int mark = Book.sent();
        String borrower = Book.id("RPB");
        Book.send(Book.tags(borrower, 1, "G", "54", "310000", "310100", EnterpriseSize.SMALL, List.of(), List.of(tag)));
        LocalDate nov = LocalDate.of(2017, 11, 30);
        LocalDate dec = LocalDate.of(2017, 12, 31);
        for (int i = 0; i < 6; i++) {
            String loan = Book.id("RPL");
            Book.open(loan, borrower, "RPP", "RPC", LocalDate.of(2017, 10, 10), 50_000_00, "0.0900", 24,
                    LocalDate.of(2017, 11, 10), 24, 2_300_00);
            Book.pay(loan, Book.id("RPPAY"), LocalDate.of(2017, 11, 10 + i), 1, 2_000_00, 300_00, LoanState.OPEN);
            Book.monthEnd(Book.status(loan, nov, i * 11, Bucket.C, i == 0 ? FiveTierGrade.NORMAL : FiveTierGrade.SPECIAL_MENTION,
                    48_000_00, i * 100_00, false));
            if (i != 5) {
                Book.monthEnd(Book.status(loan, dec, i * 20, Bucket.C, i == 0 ? FiveTierGrade.NORMAL : FiveTierGrade.SPECIAL_MENTION,
                        46_000_00, i * 200_00, false));
            } else {
                Book.writeOff(loan, LocalDate.of(2017, 12, 20), 48_000_00);
            }
        }
        Book.flush();
        String first = awaitState(tag, 5);
        Book.resendFrom(mark);
        // the second delivery marks the months again; once they are counted again the state is what it was
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/analytics/months").then().extract().jsonPath().getList("pending").isEmpty()
                        && first.equals(state(tag)));
        assertEquals(first, state(tag));
        // the second delivery's month-end rows superseded the first's; the compaction deletes the older ones
        Database db = new Database("alert");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                db.count("select count(*) from month_end where loan_id like 'RPL-%'")
                        == db.count("select count(*) from (select distinct month_end, loan_id from month_end where loan_id like 'RPL-%') x"));
    }

    @Test
    void aCorrectedSnapshotWinsAndTheTablesLoadToTheSameColumns() throws Exception {
        String tag = Book.id("CS").toUpperCase();
        String borrower = Book.id("CSB");
        Book.send(Book.tags(borrower, 1, "C", "13", "320000", "320100", EnterpriseSize.MEDIUM, List.of(), List.of(tag)));
        String loan = Book.id("CSL");
        Book.open(loan, borrower, "CSP", "CSC", LocalDate.of(2015, 10, 10), 30_000_00, "0.0700", 12, LocalDate.of(2015, 11, 10), 12, 2_600_00);
        LocalDate oct = LocalDate.of(2015, 10, 31);
        LocalDate nov = LocalDate.of(2015, 11, 30);
        Book.monthEnd(Book.status(loan, oct, 0, Bucket.C, FiveTierGrade.NORMAL, 30_000_00, 0, false));
        Book.monthEnd(Book.status(loan, nov, 35, Bucket.C, FiveTierGrade.SPECIAL_MENTION, 28_000_00, 2_000_00, false));
        // the lender re-closes November: the loan was paid after all
        Book.monthEnd(Book.status(loan, nov, 0, Bucket.C, FiveTierGrade.NORMAL, 27_500_00, 0, false));
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("tag", tag).queryParam("month", "2015-11").get("/analytics/asset-quality").then().extract();
            return r.statusCode() == 200 && r.jsonPath().getList("pending").isEmpty()
                    && Integer.valueOf(1).equals(r.jsonPath().get("rows[0].loans"));
        });
        var november = given().queryParam("tag", tag).queryParam("month", "2015-11").get("/analytics/asset-quality")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(27500.00f, ((Number) november.get("rows[0].balance")).floatValue());
        assertEquals(0f, ((Number) november.get("rows[0].overdueRateDpd1")).floatValue());
        // a restart fills its columns from the tables: what it would hold equals what the running service holds
        Segment segment = Segment.WHOLE_BOOK;
        LocalDate from = LocalDate.of(2000, 1, 31);
        LocalDate to = LocalDate.of(2100, 12, 31);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            LoanColumns fresh = new LoanColumns();
            loader.loadInto(fresh);
            SegmentReader restarted = new SegmentReader(fresh, config);
            Scope live = reader.resolve(segment);
            Scope loaded = restarted.resolve(segment);
            return restarted.monthSums(loaded, from, to).equals(reader.monthSums(live, from, to))
                    && restarted.transitions(loaded, from, to).equals(reader.transitions(live, from, to))
                    && restarted.vintage(loaded).equals(reader.vintage(live))
                    && restarted.cohorts(loaded).equals(reader.cohorts(live))
                    && restarted.dimensionValues().equals(reader.dimensionValues());
        });
        LoanColumns fresh = new LoanColumns();
        loader.loadInto(fresh);
        SegmentReader restarted = new SegmentReader(fresh, config);
        Segment tagged = Segment.of(java.util.Map.of("tag", List.of(tag)), java.util.Set.of());
        assertEquals(27_500_00L, restarted.monthSums(restarted.resolve(tagged), nov, nov).get(nov).get("balance"));
    }

    @Test
    void aRelabelledBorrowerMovesWithItsHistory() {
        String tag = Book.id("MV").toUpperCase();
        String borrower = Book.id("MVB");
        Book.send(Book.tags(borrower, 1, "G", "54", "310000", "310100", EnterpriseSize.SMALL, List.of(), List.of(tag)));
        String loan = Book.id("MVL");
        Book.open(loan, borrower, "MVP", "MVC", LocalDate.of(2016, 10, 10), 20_000_00, "0.0900", 12, LocalDate.of(2016, 11, 10), 12, 1_800_00);
        Book.monthEnd(Book.status(loan, LocalDate.of(2016, 10, 31), 0, Bucket.C, FiveTierGrade.NORMAL, 20_000_00, 0, false));
        Book.monthEnd(Book.status(loan, LocalDate.of(2016, 11, 30), 20, Bucket.C, FiveTierGrade.SPECIAL_MENTION, 18_500_00, 1_500_00, false));
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("tag", tag).queryParam("section", "G").queryParam("month", "2016-10")
                    .get("/analytics/asset-quality").then().extract();
            return r.statusCode() == 200 && Integer.valueOf(1).equals(r.jsonPath().get("rows[0].loans"));
        });
        // an analyst's override moves the borrower to section H: both month ends follow it
        Book.send(Book.tags(borrower, 2, "H", "62", "310000", "310100", EnterpriseSize.SMALL, List.of("CATERING"), List.of(tag)));
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("tag", tag).queryParam("section", "H").queryParam("from", "2016-10").queryParam("to", "2016-11")
                    .get("/analytics/asset-quality").then().extract();
            return r.statusCode() == 200 && r.jsonPath().getList("pending").isEmpty()
                    && Integer.valueOf(1).equals(r.jsonPath().get("rows[0].loans"))
                    && Integer.valueOf(1).equals(r.jsonPath().get("rows[1].loans"));
        });
        var g = given().queryParam("tag", tag).queryParam("section", "G").queryParam("month", "2016-11")
                .get("/analytics/asset-quality").then().statusCode(200).extract().jsonPath();
        assertEquals(0, (Integer) g.get("rows[0].loans"));
        var catering = given().queryParam("riskGroup", "CATERING").queryParam("tag", tag).queryParam("month", "2016-11")
                .get("/analytics/asset-quality").then().statusCode(200).extract().jsonPath();
        assertEquals(1, (Integer) catering.get("rows[0].loans"));
    }

    @Test
    void unreadableEventsBecomeDeadLettersWithTheReason() throws InterruptedException {
        try (EventTap tap = new EventTap(List.of(Topics.ALERT_DEAD_LETTER))) {
            String key = Book.id("DL");
            Book.send(Topics.MONTH_END_SNAPSHOTS, key, EventTypes.MONTH_END_SNAPSHOT, "not protobuf at all".getBytes(StandardCharsets.UTF_8));
            String notMonthEnd = Book.id("DL");
            Book.monthEnd(Book.status(notMonthEnd, LocalDate.of(2017, 12, 30), 0, Bucket.C, FiveTierGrade.NORMAL, 1_00, 0, false));
            Book.flush();
            var garbage = tap.await(Topics.ALERT_DEAD_LETTER, key, 1);
            assertTrue(EventTap.header(garbage.get(0), "dead-letter-reason").startsWith("INVALID: not a MonthEndSnapshot message"),
                    EventTap.header(garbage.get(0), "dead-letter-reason"));
            var wrongDate = tap.await(Topics.ALERT_DEAD_LETTER, notMonthEnd, 1);
            assertEquals("INVALID: status.as_of 2017-12-30 is not a month end", EventTap.header(wrongDate.get(0), "dead-letter-reason"));
            // the other inputs go the same way, each with what is wrong with it
            String emptyLoan = Book.id("DL");
            Book.send(Topics.LOANS, emptyLoan, EventTypes.LOAN_OPENED, dev.loanwatch.contracts.events.v1.LoanEvent.newBuilder()
                    .setMeta(Book.meta()).setLoanId(emptyLoan).build().toByteArray());
            String undecided = Book.id("DL");
            Book.send(Topics.APPLICATIONS, undecided, EventTypes.APPLICATION_RECORDED,
                    dev.loanwatch.contracts.events.v1.ApplicationRecorded.newBuilder().setMeta(Book.meta())
                            .setApplicationId(undecided).setRevision(1).setTermMonths(12).setAppliedOn("2017-12-01").build().toByteArray());
            String badDue = Book.id("DL");
            Book.send(Topics.LOANS, badDue, EventTypes.LOAN_OPENED, dev.loanwatch.contracts.events.v1.LoanEvent.newBuilder()
                    .setMeta(Book.meta()).setLoanId(badDue).setOpened(dev.loanwatch.contracts.events.v1.LoanOpened.newBuilder()
                            .setBorrowerId("B-" + badDue).setProduct("p").setChannel("c").setDisbursementDate("2017-11-03")
                            .setPrincipalFen(1_000_00).setAnnualRate("0.08").setTermMonths(12)
                            .addSchedule(dev.loanwatch.contracts.events.v1.ScheduledInstallment.newBuilder().setNumber(1)
                                    .setDueDate("2017-12-03"))
                            .addSchedule(dev.loanwatch.contracts.events.v1.ScheduledInstallment.newBuilder().setNumber(2)
                                    .setDueDate("2018-13-03")))
                    .build().toByteArray());
            Book.flush();
            assertEquals("INVALID: opened.schedule.due_date is not an ISO date: '2018-13-03'",
                    EventTap.header(tap.await(Topics.ALERT_DEAD_LETTER, badDue, 1).get(0), "dead-letter-reason"));
            assertEquals(0L, new dev.loanwatch.testing.Database("alert").count("select count(*) from loan where loan_id = '" + badDue + "'"));
            assertEquals("INVALID: no event in the LoanEvent",
                    EventTap.header(tap.await(Topics.ALERT_DEAD_LETTER, emptyLoan, 1).get(0), "dead-letter-reason"));
            assertEquals("INVALID: decision is not set",
                    EventTap.header(tap.await(Topics.ALERT_DEAD_LETTER, undecided, 1).get(0), "dead-letter-reason"));
            // the bulk feeds' other topics too: a status change and a payment that are not their messages
            String badStatus = Book.id("DL");
            Book.send(Topics.LOAN_STATUS, badStatus, EventTypes.LOAN_STATUS_CHANGED, "garbage".getBytes(StandardCharsets.UTF_8));
            String badPayment = Book.id("DL");
            Book.send(Topics.PAYMENTS, badPayment, EventTypes.PAYMENT_RECEIVED,
                    dev.loanwatch.contracts.events.v1.PaymentReceived.newBuilder().setMeta(Book.meta()).setPaymentId(badPayment)
                            .setLoanId(badPayment).setValueDate("2017-02-30").build().toByteArray());
            Book.flush();
            assertTrue(EventTap.header(tap.await(Topics.ALERT_DEAD_LETTER, badStatus, 1).get(0), "dead-letter-reason")
                    .startsWith("INVALID: not a LoanStatusChanged message"));
            assertEquals("INVALID: value_date is not an ISO date: '2017-02-30'",
                    EventTap.header(tap.await(Topics.ALERT_DEAD_LETTER, badPayment, 1).get(0), "dead-letter-reason"));
            assertEquals(0L, new dev.loanwatch.testing.Database("alert").count(
                    "select count(*) from recovery where payment_id = '" + badPayment + "'"));
            // nothing of them was stored
            assertEquals(0L, new dev.loanwatch.testing.Database("alert").count("select count(*) from loan where loan_id = '" + emptyLoan + "'"));
            assertEquals(0L, new dev.loanwatch.testing.Database("alert").count(
                    "select count(*) from application where application_id = '" + undecided + "'"));
        }
    }

    /** Waits until the segment's December has {@code loans} loans and nothing is pending; returns its state. */
    private static String awaitState(String tag, int loans) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("tag", tag).queryParam("month", "2017-12").get("/analytics/asset-quality").then().extract();
            return r.statusCode() == 200 && r.jsonPath().getList("pending").isEmpty()
                    && Integer.valueOf(loans).equals(r.jsonPath().get("rows[0].loans"));
        });
        return state(tag);
    }

    /** What the segment's reports say, whole: month-end quality, delinquency, inflow, roll rates, vintage, losses, FPD. */
    private static String state(String tag) {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/analytics/asset-quality", "/analytics/delinquency", "/analytics/inflow", "/analytics/losses",
                "/analytics/roll-rates?month=2017-12", "/analytics/vintage?threshold=M1",
                "/analytics/early-delinquency?asOf=2017-12-31&days=3")) {
            String[] parts = path.split("\\?");
            var request = given().queryParam("tag", tag);
            if (parts.length > 1) {
                for (String p : parts[1].split("&")) {
                    request = request.queryParam(p.split("=")[0], p.split("=")[1]);
                }
            }
            all.append(request.get(parts[0]).then().statusCode(200).extract().jsonPath().getString("rows")).append('\n');
        }
        return all.toString();
    }
}
