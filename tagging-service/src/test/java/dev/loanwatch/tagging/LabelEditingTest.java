package dev.loanwatch.tagging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.TagSource;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What analysts edit: overrides win and are audited; rules are versioned, validated and backfilled. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "tagging"))
class LabelEditingTest {
    static EventTap tap;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of(Topics.BORROWER_TAGS));
    }

    @AfterAll
    static void close() throws InterruptedException {
        tap.close();
    }

    static String tagged(String scope, String code) {
        String id = Borrowers.id("E");
        Borrowers.send(Borrowers.enterprise(id, 1, "420106", code, scope).build());
        tap.await(Topics.BORROWER_TAGS, id, 1);
        return id;
    }

    @Test
    @TestSecurity(user = "alice", roles = "analyst")
    void anOverrideWinsIsAuditedAndRevokingItRestoresTheInference() {
        String id = tagged("餐饮服务；预包装食品销售", null);
        String overrideId = given().contentType(ContentType.JSON)
                .body(Map.of("label", "INDUSTRY", "value", "6110", "reason", "site visit: a hotel with a restaurant"))
                .post("/borrowers/{id}/overrides", id)
                .then().statusCode(201).body("value", equalTo("H6110")).body("createdBy", equalTo("alice"))
                .extract().path("id");
        BorrowerTags after = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 2).get(1));
        assertEquals("6110", after.getIndustry().getIndustryClass());
        assertEquals(TagSource.Kind.OVERRIDE, after.getIndustry().getSource().getKind());
        assertEquals("alice", after.getIndustry().getSource().getBy());
        assertEquals(List.of("ACCOMMODATION"), after.getRiskGroupsList().stream().map(g -> g.getCode()).toList());
        given().get("/borrowers/{id}/tags", id).then().statusCode(200)
                .body("industry.source.kind", equalTo("OVERRIDE"))
                .body("industry.source.reason", equalTo("site visit: a hotel with a restaurant"));
        given().get("/audit?subject={s}", id).then().statusCode(200)
                .body("action", hasItem("OVERRIDE_SET")).body("actor", hasItem("alice"));

        given().contentType(ContentType.JSON).body(Map.of("reason", "wrong borrower"))
                .post("/borrowers/{id}/overrides/{o}/revoke", id, overrideId)
                .then().statusCode(200).body("revokedBy", equalTo("alice"));
        BorrowerTags restored = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 3).get(2));
        assertEquals("62", restored.getIndustry().getDivision());
        assertEquals(TagSource.Kind.INFERRED, restored.getIndustry().getSource().getKind());
        given().get("/borrowers/{id}/overrides", id).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].revokeReason", equalTo("wrong borrower"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/borrowers/{id}/overrides/{o}/revoke", id, overrideId).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "alice", roles = "analyst")
    void badOverridesAreRefusedNamingTheField() {
        String id = tagged("软件开发", null);
        given().contentType(ContentType.JSON).body(Map.of("label", "INDUSTRY", "value", "Z99", "reason", "x"))
                .post("/borrowers/{id}/overrides", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("value"));
        given().contentType(ContentType.JSON).body(Map.of("label", "COLOUR", "value", "red", "reason", ""))
                .post("/borrowers/{id}/overrides", id).then().statusCode(400)
                .body("errors.field", hasItem("label")).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("label", "SIZE", "value", "SMALL", "reason", "x"))
                .post("/borrowers/{id}/overrides", "no-such-borrower").then().statusCode(404);
    }

    @Test
    void editingNeedsAnAuthenticatedAnalyst() {
        given().contentType(ContentType.JSON).body(Map.of("label", "SIZE", "value", "SMALL", "reason", "x"))
                .post("/borrowers/{id}/overrides", "any").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "bob", roles = "agent")
    void anAgentMayNotEditLabels() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "condition", Map.of("field", "size", "eq", "SMALL")))
                .put("/tag-rules/{code}", "agents-rule").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "carol", roles = "analyst")
    void aRuleIsValidatedVersionedAndItsActivationBackfillsEveryBorrowerOnce() {
        String wuhanCatering = tagged("火锅店；餐饮服务", null);
        String shanghaiSoftware = Borrowers.id("E");
        Borrowers.send(Borrowers.enterprise(shanghaiSoftware, 1, "310115", "I6513", "应用软件开发").build());
        tap.await(Topics.BORROWER_TAGS, shanghaiSoftware, 1);

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "condition", Map.of("all", List.of(Map.of("field", "colour", "eq", "red"),
                        Map.of("field", "industry.division", "in", List.of("62", "99")), Map.of("field", "employees", "contains", "5")))))
                .put("/tag-rules/{code}", "wuhan-catering").then().statusCode(400)
                .body("errors.field", equalTo(List.of("condition.all[0].field", "condition.all[1].in[1]", "condition.all[2].contains")))
                .body("errors[0].message", containsString("unknown field 'colour'"));

        String code = "wuhan-catering-" + System.nanoTime();
        Map<String, Object> condition = Map.of("all", List.of(Map.of("field", "riskGroup", "in", List.of("CATERING")),
                Map.of("field", "region.prefecture", "eq", "420100")));
        // only this test registers hot-pot restaurants, so the sample is exactly ours
        Map<String, Object> hotPot = Map.of("all", List.of(condition, Map.of("field", "businessScope", "contains", "火锅店")));
        given().contentType(ContentType.JSON).body(Map.of("condition", hotPot)).post("/tag-rules/preview")
                .then().statusCode(200).body("matching", equalTo(1)).body("sample", equalTo(List.of(wuhanCatering)));
        given().contentType(ContentType.JSON).body(Map.of("condition", Map.of("field", "size", "eq", "HUGE")))
                .post("/tag-rules/preview").then().statusCode(400).body("errors[0].field", equalTo("condition.eq"));
        given().contentType(ContentType.JSON).body(Map.of("name", "武汉餐饮", "condition", condition))
                .put("/tag-rules/{code}", code).then().statusCode(201).body("version", equalTo(1));
        String job = given().post("/tag-rules/{code}/versions/1/activate", code).then().statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(given().get("/backfills/{id}", job).then().statusCode(200).extract().path("job.state")));
        given().get("/backfills/{id}", job).then().body("progress", equalTo(1.0f));
        BorrowerTags tagged = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, wuhanCatering, 2).get(1));
        assertEquals(code, tagged.getCustomTags(0).getCode());
        assertEquals(1, tagged.getCustomTags(0).getRuleVersion());
        given().get("/borrowers/{id}/tags", shanghaiSoftware).then().body("customTags.code", not(hasItem(code)));

        // only an admin re-tags the whole book by hand
        given().contentType(ContentType.JSON).body(Map.of("reason", "classifier upgrade"))
                .post("/backfills").then().statusCode(403);
        given().post("/tag-rules/{code}/deactivate", code).then().statusCode(202);
        BorrowerTags untagged = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, wuhanCatering, 3).get(2));
        assertEquals(0, untagged.getCustomTagsCount());
        given().get("/tag-rules/{code}", code).then().statusCode(200).body("activeVersion", equalTo(null))
                .body("versions.size()", equalTo(1));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void aBackfillOverAnUnchangedPolicyRewritesAndPublishesNothing() {
        String id = tagged("道路普通货物运输；仓储服务", null);
        String job = given().contentType(ContentType.JSON).body(Map.of("reason", "idempotence check"))
                .post("/backfills").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(given().get("/backfills/{id}", job).then().extract().path("job.state")));
        given().get("/backfills/{id}", job).then().body("job.changed", equalTo(0))
                .body("job.requestedBy", equalTo("root"));
        tap.awaitCaughtUp();
        assertEquals(1, tap.of(Topics.BORROWER_TAGS, id).size());
    }
}
