package dev.loanwatch.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each rejection kind as a REST client sees it: RFC 9457 problem+json with the fields. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ProblemMappersTest {

    @ParameterizedTest
    @CsvSource({"INVALID,400", "NOT_FOUND,404", "CONFLICT,409", "NOT_ALLOWED,409", "TOO_LARGE,413"})
    void eachKindHasItsStatus(String kind, int status) {
        given().get("/rejections/" + kind).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", equalTo("a " + kind + " rejection"))
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("must not be empty"));
    }

    @Test
    void aBugIsA500WithoutItsMessage() {
        given().get("/rejections/boom").then().statusCode(500).contentType("application/problem+json")
                .body(not(containsString("secret")));
    }

    @Test
    void unknownPathsAreProblemsToo() {
        given().get("/nowhere").then().statusCode(404);
    }
}
