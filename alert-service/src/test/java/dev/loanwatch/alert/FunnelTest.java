package dev.loanwatch.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.contracts.events.v1.ApplicationDecision;
import dev.loanwatch.contracts.events.v1.DecisionRoute;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.ModelDecision;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five applications of one month, the funnel computed by hand:
 * <pre>
 *  A1 approved by the machine, model pass, disbursed     A2 approved by a person against policy, not disbursed
 *  A3 rejected by the machine: rule RULE_A, model reject  A4 rejected by a person, reason R02, not scored
 *  A5 pending with a person, model pass
 * </pre>
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class FunnelTest {
    static final String TAG = Book.id("F").toUpperCase();
    static final String PRODUCT = Book.id("FP");
    static boolean loaded;

    @BeforeEach
    void applications() {
        if (loaded) {
            return;
        }
        loaded = true;
        String borrower = Book.id("FB");
        String loan = Book.id("FL");
        Book.send(Book.tags(borrower, 1, "H", "62", "420000", "420100", EnterpriseSize.MICRO, List.of("CATERING"), List.of(TAG)));
        LocalDate day = LocalDate.of(2018, 5, 10);
        Book.open(loan, borrower, PRODUCT, "ONLINE", day.plusDays(3), 10_000_00, "0.1000", 12, day.plusMonths(1), 12, 900_00);
        Book.application(Book.id("A1"), borrower, PRODUCT, day, ApplicationDecision.APPROVED, DecisionRoute.MACHINE, false,
                List.of(), ModelDecision.PASS, null, "A", loan);
        Book.application(Book.id("A2"), borrower, PRODUCT, day, ApplicationDecision.APPROVED, DecisionRoute.MANUAL, true,
                List.of(), ModelDecision.NOT_SCORED, null, "B", null);
        Book.application(Book.id("A3"), borrower, PRODUCT, day, ApplicationDecision.REJECTED, DecisionRoute.MACHINE, false,
                List.of("RULE_A"), ModelDecision.REJECT, "R01", "E", null);
        Book.application(Book.id("A4"), borrower, PRODUCT, day, ApplicationDecision.REJECTED, DecisionRoute.MANUAL, false,
                List.of(), ModelDecision.NOT_SCORED, "R02", "D", null);
        Book.application(Book.id("A5"), borrower, PRODUCT, day, ApplicationDecision.PENDING, DecisionRoute.MANUAL, false,
                List.of(), ModelDecision.PASS, null, "C", null);
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("tag", TAG).get("/analytics/funnel").then().extract();
            return r.statusCode() == 200 && Integer.valueOf(5).equals(r.jsonPath().get("rows[0].applications"));
        });
    }

    @Test
    void theFunnelOfTheMonth() {
        Map<String, Object> may = HandComputedBookTest.decimals(given().queryParam("tag", TAG).queryParam("from", "2018-05")
                .queryParam("to", "2018-05").get("/analytics/funnel").then().statusCode(200).extract().asString()).getMap("rows[0]");
        assertEquals("2018-05", may.get("month"));
        assertEquals(2, may.get("approved"));
        assertEquals(1, may.get("disbursed"));
        assertEquals("0.400000", may.get("approvalRateOfApplications").toString());
        assertEquals("0.500000", may.get("approvalRateOfDecided").toString());
        assertEquals("0.500000", may.get("disbursementRate").toString());
        assertEquals("0.250000", may.get("reviewedDisbursementRate").toString());
        assertEquals("0.250000", may.get("deviationRate").toString());
        assertEquals("0.500000", may.get("machineApprovalRate").toString());
        assertEquals("0.200000", may.get("ruleHitRate").toString());
        assertEquals("0.333333", may.get("modelRejectRate").toString());
        // sent to a person: A2, A4, A5 (pending); approved by one: A2
        assertEquals("0.333333", may.get("manualApprovalRate").toString());
    }

    @Test
    void rejectReasonsRuleHitsAndRiskGrades() {
        JsonPath reasons = HandComputedBookTest.decimals(given().queryParam("tag", TAG).queryParam("by", "rejectReason")
                .get("/analytics/funnel").then().statusCode(200).extract().asString());
        assertEquals(List.of("R01", "R02"), reasons.getList("rows.rejectreason"));
        assertEquals("0.500000", reasons.getString("rows[0].share"));
        JsonPath rules = HandComputedBookTest.decimals(given().queryParam("tag", TAG).queryParam("by", "rule")
                .get("/analytics/funnel").then().statusCode(200).extract().asString());
        assertEquals(List.of("RULE_A"), rules.getList("rows.rule"));
        JsonPath grades = HandComputedBookTest.decimals(given().queryParam("tag", TAG).queryParam("by", "riskGrade")
                .get("/analytics/funnel").then().statusCode(200).extract().asString());
        assertEquals(5, grades.getList("rows").size());
        given().queryParam("tag", TAG).queryParam("rateBand", "6-10").get("/analytics/funnel").then().statusCode(400)
                .body("errors[0].field", equalTo("rateBand"));
        given().queryParam("by", "weather").get("/analytics/funnel").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
    }

    /** A product whose applications were all rejected has no loan: the funnel is still asked by it. */
    @Test
    void aProductWithApplicationsButNoLoansIsAFilter() {
        String product = Book.id("FR");
        String borrower = Book.id("FRB");
        Book.application(Book.id("R1"), borrower, product, LocalDate.of(2018, 6, 4), ApplicationDecision.REJECTED,
                DecisionRoute.MACHINE, false, List.of(), ModelDecision.REJECT, "R07", "E", null);
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("product", product).get("/analytics/funnel").then().extract();
            return r.statusCode() == 200 && Integer.valueOf(1).equals(r.jsonPath().get("rows[0].rejected"));
        });
        given().queryParam("product", Book.id("NOPE")).get("/analytics/funnel").then().statusCode(400)
                .body("errors[0].field", equalTo("product"));
        // the loans' reports still refuse it: no loan of the book has it
        given().queryParam("product", product).get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("product"));
    }
}
