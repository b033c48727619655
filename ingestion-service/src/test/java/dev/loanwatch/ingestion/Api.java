package dev.loanwatch.ingestion;

import static io.restassured.RestAssured.given;

import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** Small request builders shared by the service tests. */
final class Api {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private Api() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    /** A valid unified social credit code built with the domain's own check character. */
    static String uscc(long n) {
        String first17 = "91110105" + String.format("%09d", n % 1_000_000_000L);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static String residentId(long n) {
        String first17 = "110105198001" + String.format("%02d", 1 + n % 28) + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String enterprise(String id) {
        return """
                {"id":"%s","type":"ENTERPRISE","name":"杭州示例餐饮有限公司","identityNumber":"%s","regionCode":"330106",
                 "industryCode":"H62","businessScope":"餐饮服务；食品销售","employees":35,"annualRevenue":"4200000.00","totalAssets":"1800000.00"}
                """.formatted(id, uscc(Math.abs(id.hashCode())));
    }

    static String loan(String id, String borrowerId, String disbursed, String principal, String rate, int term, String method) {
        return """
                {"id":"%s","borrowerId":"%s","product":"sme-operating","channel":"branch","disbursementDate":"%s",
                 "principal":"%s","annualRate":"%s","termMonths":%d,"method":"%s"}
                """.formatted(id, borrowerId, disbursed, principal, rate, term, method);
    }

    static String payment(String id, String loanId, String valueDate, String amount) {
        return """
                {"id":"%s","loanId":"%s","valueDate":"%s","amount":"%s"}
                """.formatted(id, loanId, valueDate, amount);
    }

    /** An application of the borrower received on 2024-01-10; {@code decision} is the rest of the object, e.g. {@code "decision":"PENDING"}. */
    static String application(String id, String borrowerId, String decision) {
        return """
                {"id":"%s","borrowerId":"%s","product":"sme-operating","channel":"branch","appliedOn":"2024-01-10",
                 "amount":"300000.00","termMonths":12,%s}
                """.formatted(id, borrowerId, decision);
    }

    static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Waits for an import job to end; returns it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> awaitJob(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = given().get(location).then().statusCode(200).extract().path("state");
            return "COMPLETED".equals(state) || "FAILED".equals(state);
        });
        return given().get(location).then().extract().as(Map.class);
    }

    /** Creates a borrower and a loan; returns the loan id. */
    static String openLoan(String disbursed, String principal, String rate, int term, String method) {
        String b = uniqueId("B");
        post("/borrowers", enterprise(b)).statusCode(201);
        String l = uniqueId("L");
        post("/loans", loan(l, b, disbursed, principal, rate, term, method)).statusCode(201);
        return l;
    }
}
