package dev.loanwatch.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What the console serves itself: the pages under their own addresses, ECharts from its jar, and the
 * pass-through to the services — a service's answer unchanged, a service that does not answer or
 * does not exist as a problem+json the page can show. (The pages themselves are checked in a real
 * browser against the running system: console-check.)
 */
@QuarkusTest
class ConsoleTest {

    @Test
    void everyPageHasItsAddress() {
        for (String page : new String[] {"overview", "where", "delinquency", "vintage", "funnel", "losses"}) {
            given().get("/" + page + "?section=F&lang=en").then().statusCode(200)
                    .contentType(startsWith("text/html")).body(containsString("/console/app.js"));
        }
        given().get("/nowhere").then().statusCode(404);
        given().get("/console/pages.js").then().statusCode(200).body(containsString("export const PAGES"));
        given().get("/_static/echarts/6.0.0/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void aServiceAnswersThroughTheConsoleAsItAnswered() {
        given().get("/api/self/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // the service's own status and body, query string included
        given().get("/api/self/api/gone/x?a=1").then().statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("gone did not answer"));
    }

    @Test
    void anUnknownServiceOrADownOneIsAProblemThePageCanShow() {
        given().get("/api/nope/analytics/months").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("alert"));
        given().get("/api/gone/analytics/months").then().statusCode(502).contentType("application/problem+json")
                .body("status", equalTo(502)).body("detail", containsString("could not reach gone"));
    }
}
