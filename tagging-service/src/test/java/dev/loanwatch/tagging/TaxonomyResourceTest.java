package dev.loanwatch.tagging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference data over REST, and the classifier's REST form. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "tagging"))
class TaxonomyResourceTest {

    @Test
    void browsesTheStandardLevelByLevel() {
        given().get("/taxonomy/industries").then().statusCode(200).body("$", hasSize(20)).body("[7].code", equalTo("H"));
        given().get("/taxonomy/industries?level=DIVISION").then().statusCode(200).body("$", hasSize(97));
        given().get("/taxonomy/industries?level=CLASS&parent=H").then().statusCode(200)
                .body("code", hasItem("6210")).body("code", hasItem("6110"));
        given().get("/taxonomy/industries/{c}", "C3311").then().statusCode(200)
                .body("entry.code", equalTo("3311")).body("ancestors.code", equalTo(java.util.List.of("C", "33", "331")));
        given().get("/taxonomy/industries/search?q=餐饮").then().statusCode(200).body("code", hasItem("62"));
    }

    @Test
    void unknownOrMalformedCodesAreNamed() {
        given().get("/taxonomy/industries/{c}", "6209").then().statusCode(404).contentType("application/problem+json");
        given().get("/taxonomy/industries/{c}", "X1").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().get("/taxonomy/industries?level=PLANET").then().statusCode(400).body("errors[0].field", equalTo("level"));
        given().get("/taxonomy/industries/search?q=").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().get("/taxonomy/regions/{c}", "12ab56").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().get("/taxonomy/regions/{c}", "420199").then().statusCode(404);
    }

    @Test
    void resolvesRegionsAtEachLevel() {
        given().get("/taxonomy/regions/{c}", "420000").then().statusCode(200)
                .body("province.name", equalTo("湖北省")).body("prefecture", equalTo(null));
        given().get("/taxonomy/regions/{c}", "420100").then().statusCode(200)
                .body("prefecture.name", equalTo("武汉市")).body("county", equalTo(null));
        given().get("/taxonomy/regions/{c}", "420106").then().statusCode(200)
                .body("province.code", equalTo("420000")).body("prefecture.code", equalTo("420100"))
                .body("county.name", equalTo("武昌区"));
    }

    @Test
    void classifiesOverRestAndRefusesOversizedText() {
        given().contentType(ContentType.JSON).body(Map.of("text", "普通货物道路运输；仓储服务"))
                .post("/industry/classify").then().statusCode(200)
                .body("outcome", equalTo("CONFIDENT")).body("candidates[0].division", equalTo("54"));
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(4001)))
                .post("/industry/classify").then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("text", "无"))
                .post("/industry/classify").then().statusCode(200).body("outcome", equalTo("NO_EVIDENCE"))
                .body("candidates", hasSize(0));
    }
}
