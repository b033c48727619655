package dev.loanwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The champion's live PDs against its training rows: PSI and CSI since it began serving, drift on a shifted input. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class MonitoringTest {

    @Test
    @TestSecurity(user = "dave", roles = "analyst")
    void aShiftedInputIsDrift() {
        String card = Models.card("scorecard", "monitor-" + System.nanoTime(), "1");
        Models.upload(Models.onnx("scorecard"), card).statusCode(201);
        given().post("/models/" + JsonPath.from(card).getString("name") + "/1/activate").then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            given().contentType(ContentType.JSON).body(Models.probeRequest(card, i)).post("/scores").then().statusCode(200);
        }
        JsonPath varied = RegistryAndScoresTest.doubles(given().get("/models/monitoring").then().statusCode(200).extract().asString());
        assertEquals(20, varied.getInt("rows"));
        assertTrue(Double.isFinite(varied.getDouble("psi")));
        Map<String, Object> csi = varied.getMap("csi");
        assertEquals(JsonPath.from(card).getList("scorecard.features.name"), new java.util.ArrayList<>(csi.keySet()));
        double varietyPsi = varied.getDouble("psi");

        // the same row over and over: every PD in one training band
        for (int k = 0; k < 200; k++) {
            given().contentType(ContentType.JSON).body(Models.probeRequest(card, 0)).post("/scores").then().statusCode(200);
        }
        JsonPath shifted = RegistryAndScoresTest.doubles(given().get("/models/monitoring").then().extract().asString());
        assertEquals(220, shifted.getInt("rows"));
        assertTrue(shifted.getDouble("psi") > 0.25 && shifted.getDouble("psi") > varietyPsi, shifted.prettify());
        assertTrue(shifted.getBoolean("drift"));
        assertEquals("shift", shifted.getString("reading"));
        assertFalse(shifted.getList("liveShares").isEmpty());
    }
}
