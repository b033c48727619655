package dev.loanwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry refuses what does not belong together and keeps what does; the active model scores
 * the trainer's probe rows to the PD the trainer gave them, with points, grade and reason codes.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class RegistryAndScoresTest {

    @Test
    @TestSecurity(user = "alice", roles = "analyst")
    void whatDoesNotBelongTogetherIsRefusedNamingWhy() {
        Models.upload("not an onnx file".getBytes(), Models.card("scorecard", "bad-onnx", "1")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("onnx"));
        // the GBDT's card lists every feature, the scorecard's file takes its 12
        Models.upload(Models.onnx("scorecard"), Models.card("gbdt", "wrong-inputs", "1")).statusCode(400)
                .body("errors.field", hasItem("onnx"));
        // a probe whose PD the file does not give
        String drifted = Models.card("scorecard", "parity", "1", c -> {
            var probe = (com.fasterxml.jackson.databind.node.ObjectNode) c.path("probes").get(3);
            probe.put("pd", probe.path("pd").asDouble() + 0.01);
        });
        Models.upload(Models.onnx("scorecard"), drifted).statusCode(400).body("errors[0].field", equalTo("card.probes[3]"));
        Models.upload(Models.onnx("scorecard"), "{not json").statusCode(400).body("errors[0].field", equalTo("card"));
        Models.upload(Models.onnx("scorecard"), Models.card("scorecard", "no-probes", "1", c -> c.remove("probes")))
                .statusCode(400).body("errors.field", hasItem("card.probes"));
        // nothing of them was kept
        List<String> names = given().get("/models").then().statusCode(200).extract().jsonPath().getList("name");
        assertTrue(names.stream().noneMatch(n -> List.of("bad-onnx", "wrong-inputs", "parity", "no-probes").contains(n)), names.toString());
    }

    @Test
    void changesNeedARole() {
        Models.upload(Models.onnx("scorecard"), Models.card("scorecard", "anonymous", "1")).statusCode(401);
        given().post("/models/anonymous/1/activate").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "alice", roles = "analyst")
    void theChampionScoresTheProbesAsTheTrainerDid() throws Exception {
        String card = Models.card("scorecard", "card-" + System.nanoTime(), "1");
        String name = JsonPath.from(card).getString("name");
        Models.upload(Models.onnx("scorecard"), card).statusCode(201).body("status", equalTo("REGISTERED"))
                .body("uploadedBy", equalTo("alice"));
        Models.upload(Models.onnx("scorecard"), card).statusCode(409);
        given().post("/models/" + name + "/1/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        com.fasterxml.jackson.databind.JsonNode cardJson = Models.JSON.readTree(card);
        double offset = cardJson.path("scorecard").path("scaling").path("offset").asDouble();
        double factor = cardJson.path("scorecard").path("scaling").path("factor").asDouble();
        for (int i = 0; i < 5; i++) {
            JsonPath s = doubles(given().contentType(ContentType.JSON).body(Models.probeRequest(card, i)).post("/scores")
                    .then().statusCode(200).extract().asString());
            double pd = s.getDouble("pd");
            assertEquals(Models.probePd(card, i), pd, 1e-6, "probe " + i);
            assertEquals(offset + factor * Math.log((1 - pd) / pd), s.getDouble("points"), 1e-3);
            assertEquals(name, s.getString("model"));
            assertEquals("probe-" + i, s.getString("reference"));
            assertTrue(List.of("A", "B", "C", "D", "E").contains(s.getString("grade")));
            List<Double> gaps = s.getList("reasons.pointsBelowBest");
            assertTrue(gaps.size() <= 4);
            for (int k = 1; k < gaps.size(); k++) {
                assertTrue(gaps.get(k - 1) >= gaps.get(k), "largest first: " + gaps);
            }
        }
        // product: mortgage is the card's best bin, so an SME loan names it with mortgage as the what-if
        Map<String, Object> sme = Models.probeRequest(card, 0);
        @SuppressWarnings("unchecked") Map<String, Object> categories = (Map<String, Object>) sme.get("categorical");
        categories.put("product", "sme-operating");
        JsonPath risky = doubles(given().contentType(ContentType.JSON).body(sme).post("/scores").then().statusCode(200).extract().asString());
        com.fasterxml.jackson.databind.JsonNode product = null;
        for (com.fasterxml.jackson.databind.JsonNode f : cardJson.path("scorecard").path("features")) {
            if (f.path("name").asText().equals("product")) {
                product = f;
            }
        }
        double best = product.path("bins").get(0).path("points").asDouble();
        double smePoints = Double.NaN;
        for (com.fasterxml.jackson.databind.JsonNode b : product.path("bins")) {
            if (b.path("bin").asText().contains("sme-operating")) {
                smePoints = b.path("points").asDouble();
            }
        }
        Map<String, Object> productReason = risky.getMap("reasons.find { it.feature == 'product' }");
        if (productReason != null) {
            assertEquals("mortgage", productReason.get("whatIfBin"));
            assertEquals(best - smePoints, ((Number) productReason.get("pointsBelowBest")).doubleValue(), 1e-6);
        } else {
            // only the four largest gaps are given: product's must then be below the fourth
            List<Double> gaps = risky.getList("reasons.pointsBelowBest");
            assertTrue(gaps.size() == 4 && gaps.get(3) >= best - smePoints - 1e-6, gaps.toString());
        }
        categories.put("product", "mortgage");
        JsonPath safe = given().contentType(ContentType.JSON).body(sme).post("/scores").then().statusCode(200).extract().jsonPath();
        assertTrue(safe.getList("reasons.feature").stream().noneMatch("product"::equals));
        given().get("/models/audit").then().statusCode(200).body("findAll { it.subject.startsWith('model " + name + " ') }.action",
                equalTo(List.of("UPLOADED", "ACTIVATED")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "analyst")
    void badRowsAreRefusedNamingEachFeature() {
        String card = Models.card("scorecard", "rows-" + System.nanoTime(), "1");
        String name = JsonPath.from(card).getString("name");
        Models.upload(Models.onnx("scorecard"), card).statusCode(201);
        given().post("/models/" + name + "/1/activate").then().statusCode(200);
        Map<String, Object> row = Models.probeRequest(card, 1);
        @SuppressWarnings("unchecked") Map<String, Object> numeric = (Map<String, Object>) row.get("numeric");
        numeric.put("shoe_size", 42);
        numeric.remove("principal");
        given().contentType(ContentType.JSON).body(row).post("/scores").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("numeric.shoe_size"))
                .body("errors.field", hasItem("numeric.principal"));
        Map<String, Object> nan = Models.probeRequest(card, 1);
        @SuppressWarnings("unchecked") Map<String, Object> n2 = (Map<String, Object>) nan.get("numeric");
        n2.put("principal", "NaN");
        given().contentType(ContentType.JSON).body(nan).post("/scores").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"numeric\": {\"principal\": 1e999}}").post("/scores").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void aRollbackBringsBackTheVersionActiveBefore() {
        String name = "roll-" + System.nanoTime();
        String v1 = Models.card("scorecard", name, "1");
        String v2 = Models.card("scorecard", name, "2");
        Models.upload(Models.onnx("scorecard"), v1).statusCode(201);
        Models.upload(Models.onnx("scorecard"), v2).statusCode(201);
        given().post("/models/" + name + "/1/activate").then().statusCode(200);
        given().post("/models/" + name + "/2/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals("2", given().contentType(ContentType.JSON).body(Models.probeRequest(v2, 0)).post("/scores").then()
                .statusCode(200).extract().jsonPath().getString("version"));
        given().post("/models/" + name + "/rollback").then().statusCode(200).body("version", equalTo("1"));
        assertEquals("1", given().contentType(ContentType.JSON).body(Models.probeRequest(v1, 0)).post("/scores").then()
                .statusCode(200).extract().jsonPath().getString("version"));
        given().get("/models").then().body("findAll { it.name == '" + name + "' }.status", equalTo(List.of("ACTIVE", "RETIRED")));
        given().post("/models/" + name + "/9/activate").then().statusCode(404).body("errors[0].field", equalTo("version"));
    }

    /** An answer read with its numbers as doubles (rest-assured reads floats by default). */
    static JsonPath doubles(String json) {
        return new JsonPath(json).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
