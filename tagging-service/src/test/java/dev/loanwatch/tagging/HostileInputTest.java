package dev.loanwatch.tagging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a careless or hostile caller sends gets a 4xx naming the field — never a 5xx. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "tagging"))
class HostileInputTest {

    @Test
    void idsThatNoRecordCanHaveAreRefused() {
        given().get("/borrowers/{id}/tags", "a\u0000b").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/borrowers/{id}/tags", "x".repeat(65)).then().statusCode(400);
        given().get("/borrowers/{id}/tags", "Вася").then().statusCode(400);
        given().get("/borrowers/review?after={a}", "\u0000").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().get("/audit?subject={s}", "\u0001").then().statusCode(400).body("errors[0].field", equalTo("subject"));
        given().get("/tag-rules/{c}", "no\u0000such").then().statusCode(404);
        given().get("/backfills/{id}", "not-a-uuid").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "mallory", roles = "analyst")
    void controlCharactersInTextsArePutBackToTheCaller() {
        given().contentType(ContentType.JSON).body(Map.of("label", "SIZE", "value", "SMALL", "reason", "because\u0000"))
                .post("/borrowers/{id}/overrides", "B-1").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("name", "bad\u0007name", "condition", Map.of("field", "size", "eq", "SMALL")))
                .put("/tag-rules/{c}", "hostile").then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "\u0000")).post("/risk-groups/{c}/retire", "CATERING")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"label\": \"SIZE\", \"label\": \"SIZE\"}")
                .post("/borrowers/{id}/overrides", "B-1").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"condition\": {\"field\": \"size\", \"eq\": \"SMALL\"}} trailing")
                .put("/tag-rules/{c}", "hostile").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[1, 2").put("/tag-rules/{c}", "hostile").then().statusCode(400);
    }

    @Test
    void classifyingHostileTextNeverFails() {
        given().contentType(ContentType.JSON).body(Map.of("text", "\uD83D\uDE00".repeat(1000))).post("/industry/classify")
                .then().statusCode(200).body("outcome", equalTo("NO_EVIDENCE"));
        given().contentType(ContentType.JSON).body(Map.of("text", "餐饮\u0000服务")).post("/industry/classify")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body("{\"text\": \"\\uD800 alone\"}").post("/industry/classify")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of()).post("/industry/classify").then().statusCode(400);
    }
}
