package dev.loanwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The GBDT scores in shadow beside the scorecard champion: the answers are the champion's, the
 * comparison counts the rows both scored and those the challenger could not, and one call promotes it.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ShadowTest {

    @Test
    @TestSecurity(user = "carol", roles = "analyst")
    void theChallengerIsComparedNeverAnsweredAndPromotedInOneCall() {
        String name = "shadow-" + System.nanoTime();
        String champion = Models.card("scorecard", name, "1");
        String challenger = Models.card("gbdt", name, "2");
        Models.upload(Models.onnx("scorecard"), champion).statusCode(201);
        Models.upload(Models.onnx("gbdt"), challenger).statusCode(201);
        given().post("/models/" + name + "/1/activate").then().statusCode(200);
        given().post("/models/" + name + "/1/shadow").then().statusCode(409);
        given().post("/models/" + name + "/2/shadow").then().statusCode(200).body("status", equalTo("SHADOW"));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'champion' }.data.shadow", equalTo(name + " 2"));

        // rows with every input of both cards: answered by the champion, compared with the challenger
        for (int i = 0; i < 10; i++) {
            Map<String, Object> row = Models.probeRequest(challenger, i);
            JsonPath answer = given().contentType(ContentType.JSON).body(row).post("/scores").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("1", answer.getString("version"), "the shadow is never answered");
        }
        // a row with the champion's inputs only: answered, not compared
        given().contentType(ContentType.JSON).body(Models.probeRequest(champion, 0)).post("/scores").then().statusCode(200)
                .body("version", equalTo("1"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath c = given().get("/models/shadow/comparison").then().statusCode(200).extract().jsonPath();
            return c.getInt("rows") == 10 && c.getInt("notCompared") == 1;
        });
        JsonPath report = given().get("/models/shadow/comparison").then().extract().jsonPath();
        assertEquals(name + " 1", report.getString("champion"));
        assertEquals(name + " 2", report.getString("shadow"));
        double agreement = report.getDouble("agreement");
        assertTrue(agreement >= 0 && agreement <= 1, "agreement " + agreement);
        Map<String, Integer> pairs = report.getMap("gradePairs");
        assertEquals(10, pairs.values().stream().mapToInt(Integer::intValue).sum());
        List<Integer> championBands = report.getList("championBands");
        assertEquals(10, championBands.stream().mapToInt(Integer::intValue).sum());
        assertTrue(Double.isFinite(report.getDouble("psi")));

        given().post("/models/shadow/promote").then().statusCode(200).body("version", equalTo("2"));
        given().contentType(ContentType.JSON).body(Models.probeRequest(challenger, 0)).post("/scores").then().statusCode(200)
                .body("version", equalTo("2"));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'champion' }.data.shadow", equalTo("none"));
        given().get("/models").then().body("findAll { it.name == '" + name + "' }.status", equalTo(List.of("RETIRED", "ACTIVE")));
        given().post("/models/shadow/promote").then().statusCode(404);
        given().get("/models/audit").then().body("findAll { it.subject.startsWith('model " + name + " ') }.action",
                equalTo(List.of("UPLOADED", "UPLOADED", "ACTIVATED", "SHADOWED", "PROMOTED")));
    }
}
