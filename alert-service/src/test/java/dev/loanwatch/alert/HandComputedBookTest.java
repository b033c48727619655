package dev.loanwatch.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A book of nine loans over two month ends (Dec 2019, Jan 2020), every figure computed by hand in
 * the comments. The loans carry a custom tag of their own, so the segment {@code tag=T} is this
 * book alone whatever other tests put into the read model.
 *
 * <pre>
 *  loan  borrower product  Dec 31: bucket dpd grade balance    Jan 31                         in January
 *  L1    B1 (F)   P1       C   0  N   11,000                   M1 14 SM 11,000 (op 1,000)      missed a payment on Jan 15
 *  L2    B1 (F)   P1       M1 20  SM   5,000 (op 500)          M2 50 SM  5,000 (op 1,000)
 *  L3    B2 (I)   P2       M2 45  SM   3,000                   —                               written off Jan 20, 500 recovered Jan 25
 *  L4    B2 (I)   P2       C   0  N    2,000                   —                               paid off
 *  L5    B2 (I)   P2       M1 10  SM   4,000 (op 400)          C   0 N   3,500
 *  L6    B1 (F)   P2       C   0  N   10,000                   M2 31 SM 10,000 (op 800)        C to M2 in one 31-day month
 *  L7    B1 (F)   P1       C   0  N    8,000                   C   0 N   7,500                 missed Jan 6, paid Jan 9
 *  L8    B2 (I)   P1       M4 100 SS   6,000 (op 2,000)        M5 130 SS 6,000 (op 3,000)
 *  L9    B2 (I)   P1       M3 80  SM   2,000                   M4 111 SS 2,000 (op 1,000)      new bad debt
 * </pre>
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class HandComputedBookTest {
    static final LocalDate DEC = LocalDate.of(2019, 12, 31);
    static final LocalDate JAN = LocalDate.of(2020, 1, 31);
    static final String TAG = Book.id("T").toUpperCase();
    static final String P1 = Book.id("P1");
    static final String P2 = Book.id("P2");
    static final String B1 = Book.id("B1");
    static final String B2 = Book.id("B2");
    static final Map<String, String> L = new java.util.HashMap<>();

    static boolean loaded;

    /** Once per class (rest-assured knows the application's port only once it runs, so not in a static @BeforeAll). */
    @BeforeEach
    void book() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (int i = 1; i <= 9; i++) {
            L.put("L" + i, Book.id("L" + i));
        }
        Book.send(Book.tags(B1, 1, "F", "51", "440000", "440300", EnterpriseSize.SMALL, List.of("WHOLESALE"), List.of(TAG)));
        Book.send(Book.tags(B2, 1, "I", "64", "420000", "420100", EnterpriseSize.MICRO, List.of(), List.of(TAG)));
        LocalDate disbursed = LocalDate.of(2019, 11, 15);
        String[] borrower = {null, B1, B1, B2, B2, B2, B1, B1, B2, B2};
        String[] product = {null, P1, P1, P2, P2, P2, P2, P1, P1, P1};
        long[] principal = {0, 12_000_00, 6_000_00, 4_000_00, 3_000_00, 5_000_00, 10_000_00, 9_000_00, 7_000_00, 3_000_00};
        for (int i = 1; i <= 9; i++) {
            if (i == 4) {
                // two installments, the last due Jan 10: a payment is due in January
                Book.open(L.get("L4"), B2, P2, "ONLINE", disbursed.minusDays(5), principal[4], "0.0800", 2,
                        LocalDate.of(2019, 12, 10), 2, 1_000_00);
            } else {
                Book.open(L.get("L" + i), borrower[i], product[i], "ONLINE", disbursed, principal[i], "0.1200", 12,
                        LocalDate.of(2019, 12, 15), 12, 1_000_00);
            }
        }
        // December
        month(DEC, "L1", 0, FiveTierGrade.NORMAL, 11_000_00, 0);
        month(DEC, "L2", 20, FiveTierGrade.SPECIAL_MENTION, 5_000_00, 500_00);
        month(DEC, "L3", 45, FiveTierGrade.SPECIAL_MENTION, 3_000_00, 0);
        month(DEC, "L4", 0, FiveTierGrade.NORMAL, 2_000_00, 0);
        month(DEC, "L5", 10, FiveTierGrade.SPECIAL_MENTION, 4_000_00, 400_00);
        month(DEC, "L6", 0, FiveTierGrade.NORMAL, 10_000_00, 0);
        month(DEC, "L7", 0, FiveTierGrade.NORMAL, 8_000_00, 0);
        month(DEC, "L8", 100, FiveTierGrade.SUBSTANDARD, 6_000_00, 2_000_00);
        month(DEC, "L9", 80, FiveTierGrade.SPECIAL_MENTION, 2_000_00, 0);
        // January's daily closes that took a loan out of C (and L7 back)
        Book.statusChange(Book.status(L.get("L1"), LocalDate.of(2020, 1, 16), 1, Bucket.C, FiveTierGrade.SPECIAL_MENTION, 11_000_00, 900_00, false));
        Book.statusChange(Book.status(L.get("L6"), LocalDate.of(2020, 1, 1), 1, Bucket.C, FiveTierGrade.SPECIAL_MENTION, 10_000_00, 800_00, false));
        Book.statusChange(Book.status(L.get("L7"), LocalDate.of(2020, 1, 6), 1, Bucket.C, FiveTierGrade.SPECIAL_MENTION, 8_000_00, 500_00, false));
        Book.statusChange(Book.status(L.get("L7"), LocalDate.of(2020, 1, 9), 0, Bucket.M1, FiveTierGrade.NORMAL, 7_500_00, 0, false));
        Book.writeOff(L.get("L3"), LocalDate.of(2020, 1, 20), 3_000_00);
        Book.pay(L.get("L3"), Book.id("PAY"), LocalDate.of(2020, 1, 25), 2, 500_00, 0, LoanState.WRITTEN_OFF);
        // first installments: L4 and L7 paid on time, L5 paid 36 days late, the others never
        Book.pay(L.get("L4"), Book.id("PAY"), LocalDate.of(2019, 12, 10), 1, 900_00, 100_00, LoanState.OPEN);
        Book.pay(L.get("L7"), Book.id("PAY"), LocalDate.of(2019, 12, 15), 1, 900_00, 100_00, LoanState.OPEN);
        Book.pay(L.get("L5"), Book.id("PAY"), LocalDate.of(2020, 1, 20), 1, 900_00, 100_00, LoanState.OPEN);
        // January
        month(JAN, "L1", 14, FiveTierGrade.SPECIAL_MENTION, 11_000_00, 1_000_00);
        month(JAN, "L2", 50, FiveTierGrade.SPECIAL_MENTION, 5_000_00, 1_000_00);
        month(JAN, "L5", 0, FiveTierGrade.NORMAL, 3_500_00, 0);
        month(JAN, "L6", 31, FiveTierGrade.SPECIAL_MENTION, 10_000_00, 800_00);
        month(JAN, "L7", 0, FiveTierGrade.NORMAL, 7_500_00, 0);
        month(JAN, "L8", 130, FiveTierGrade.SUBSTANDARD, 6_000_00, 3_000_00);
        month(JAN, "L9", 111, FiveTierGrade.SUBSTANDARD, 2_000_00, 1_000_00);

        // every fact in and counted: January's inflow (3 loans) shows the status changes are in too
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().queryParam("tag", TAG).queryParam("month", "2020-01").get("/analytics/inflow").then().extract();
            if (response.statusCode() != 200) {
                return false; // the tag or the month is not in the read model yet
            }
            JsonPath j = response.jsonPath();
            return j.getList("pending").isEmpty() && Integer.valueOf(3).equals(j.get("rows[0].inflow"))
                    && Integer.valueOf(1).equals(j.get("rows[0].cured"));
        });
        // Payments come on a topic of their own, partitioned by loan, so no other figure says they are
        // all in: wait until the first installments of L4 and L7 (paid on time) no longer count as bad,
        // L5's (paid late) no longer counts as never paid, and L3's recovery is counted.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath early = get("/analytics/early-delinquency", "asOf", "2020-01-31", "days", "30", "following", "0");
            JsonPath losses = get("/analytics/losses", "month", "2020-01");
            return Integer.valueOf(7).equals(row(early, "metric", "FPD30").get("loansBad"))
                    && Integer.valueOf(6).equals(row(early, "metric", "MALICIOUS").get("loansBad"))
                    && new java.math.BigDecimal("500.00").compareTo(losses.get("rows[0].recoveredFromWrittenOff")) == 0;
        });
    }

    static void month(LocalDate at, String loan, int dpd, FiveTierGrade grade, long balance, long overduePrincipal) {
        Book.monthEnd(Book.status(L.get(loan), at, dpd, Bucket.C, grade, balance, overduePrincipal, false));
    }

    static JsonPath get(String path, Object... params) {
        var request = given().queryParam("tag", TAG);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return decimals(request.get(path).then().statusCode(200).extract().asString());
    }

    /** The body with ratios read as the decimals they are ("0.250000"), not as floats. */
    static JsonPath decimals(String body) {
        return new JsonPath(body).using(new JsonPathConfig(NumberReturnType.BIG_DECIMAL));
    }

    static Map<String, Object> row(JsonPath j, String key, Object value) {
        return j.<Map<String, Object>>getList("rows").stream().filter(r -> value.equals(r.get(key))).findFirst().orElseThrow();
    }

    @Test
    void assetQualityOfJanuary() {
        Map<String, Object> jan = get("/analytics/asset-quality", "month", "2020-01").getMap("rows[0]");
        assertEquals(7, jan.get("loans"));
        assertEquals(45000.00f, ((Number) jan.get("balance")).floatValue());
        // NPL: L8 + L9 = 8,000 of 45,000
        assertEquals(8000.00f, ((Number) jan.get("nplBalance")).floatValue());
        assertEquals("0.177778", jan.get("nplRatio").toString());
        // DPD ≥ 1: all but L5 and L7 = 34,000; ≥ 31: L2, L6, L8, L9 = 23,000; ≥ 91: L8, L9 = 8,000
        assertEquals("0.755556", jan.get("overdueRateDpd1").toString());
        assertEquals("0.511111", jan.get("overdueRateDpd31").toString());
        assertEquals("0.177778", jan.get("overdueRateDpd91").toString());
        // overdue principal 1,000 + 1,000 + 800 + 3,000 + 1,000 = 6,800; of it in M2+: 5,800; in M4+: 4,000
        assertEquals("0.151111", jan.get("overduePrincipalRateDpd1").toString());
        assertEquals("0.128889", jan.get("overduePrincipalRateDpd31").toString());
        assertEquals("0.088889", jan.get("overduePrincipalRateDpd91").toString());
        // special mention: L1, L2, L6 = 26,000
        assertEquals("0.577778", jan.get("specialMentionShare").toString());
        assertEquals("0.000000", jan.get("restructuredRatio").toString());
    }

    @Test
    void flowRatesIncludingOneAboveAHundredPercent() {
        JsonPath j = get("/analytics/delinquency", "month", "2020-01");
        // C → M1: M1 in January (L1 11,000) / C in December (L1, L4, L6, L7 = 31,000)
        assertEquals("0.354839", row(j, "bucket", "M1").get("flowRateBalance").toString());
        assertEquals("0.250000", row(j, "bucket", "M1").get("flowRateCount").toString());
        // M1 → M2: M2 in January (L2 5,000 + L6 10,000, which skipped M1) / M1 in December (L2, L5 = 9,000): above 100 %
        assertEquals("1.666667", row(j, "bucket", "M2").get("flowRateBalance").toString());
        assertEquals("1.000000", row(j, "bucket", "M2").get("flowRateCount").toString());
        assertEquals("0.000000", row(j, "bucket", "M3").get("flowRateBalance").toString());
        assertEquals("1.000000", row(j, "bucket", "M4").get("flowRateBalance").toString());
        // nothing was in M5 in December: n/a, not 0 %
        assertEquals("n/a", row(j, "bucket", "M6").get("flowRateBalance"));
        // coincidental M2: 15,000 / 45,000; lagged M1: 11,000 / December's 51,000; lagged M2 needs November: not closed
        assertEquals("0.333333", row(j, "bucket", "M2").get("coincidental").toString());
        assertEquals("0.215686", row(j, "bucket", "M1").get("lagged").toString());
        assertEquals("n/a", row(j, "bucket", "M2").get("lagged"));
    }

    @Test
    void inflowCureAndRecoveredFlow() {
        Map<String, Object> jan = get("/analytics/inflow", "month", "2020-01").getMap("rows[0]");
        // C at the start with a payment due: L1, L4 (its last one, Jan 10), L6, L7; missed: L1, L6, L7
        assertEquals(3, jan.get("inflow"));
        assertEquals("0.750000", jan.get("inflowRate").toString());
        // L7 is back in C at the month end
        assertEquals(1, jan.get("cured"));
        assertEquals("0.333333", jan.get("cureRate").toString());
        // delinquent at the start: L2, L3, L5, L8, L9; not worse at the end: L5 only
        assertEquals("0.200000", jan.get("recoveredFlowRate").toString());
        assertEquals(2000.00f, ((Number) jan.get("newBadDebt")).floatValue());
    }

    @Test
    void rollMatrixWithLeavers() {
        JsonPath j = get("/analytics/roll-rates", "month", "2020-01");
        Map<String, Object> settled = j.<Map<String, Object>>getList("rows").stream()
                .filter(r -> "C".equals(r.get("from")) && "SETTLED".equals(r.get("to"))).findFirst().orElseThrow();
        assertEquals(1, settled.get("loans"));
        assertEquals("0.250000", settled.get("countShare").toString());
        Map<String, Object> writtenOff = j.<Map<String, Object>>getList("rows").stream()
                .filter(r -> "M2".equals(r.get("from")) && "WRITTEN_OFF".equals(r.get("to"))).findFirst().orElseThrow();
        assertEquals(1, writtenOff.get("loans"));
        assertEquals("WORSE", writtenOff.get("direction"));
        // row C by balance: better (settled L4 2,000) / 31,000
        assertEquals("0.064516", j.getString("summary.C.betterBalanceShare"));
        assertEquals("n/a", j.getString("summary.M6.sameCountShare"));
    }

    @Test
    void lossesWithAWriteOffAndARecovery() {
        Map<String, Object> jan = get("/analytics/losses", "month", "2020-01").getMap("rows[0]");
        assertEquals(3000.00f, ((Number) jan.get("writtenOffPrincipal")).floatValue());
        assertEquals(500.00f, ((Number) jan.get("recoveredFromWrittenOff")).floatValue());
        assertEquals(2500.00f, ((Number) jan.get("writeOffBalance")).floatValue());
        // Re = 0 + 3,000 − 2,500; NCL = 3,000 − 500
        assertEquals(500.00f, ((Number) jan.get("reversal")).floatValue());
        assertEquals(2500.00f, ((Number) jan.get("netCreditLoss")).floatValue());
        // the receivable of six months earlier was never closed
        assertEquals("n/a", jan.get("writeOffRate"));
    }

    @Test
    void vintageOfTheNovemberCohort() {
        JsonPath j = get("/analytics/vintage", "threshold", "M1", "cohortFrom", "2019-11", "cohortTo", "2019-11");
        Map<String, Object> mob2 = row(j, "mob", 2);
        assertEquals(9, mob2.get("loans"));
        // M1+ in January: L1, L2, L6, L8, L9 = 34,000 of 59,000 disbursed (L4's 3,000 included)
        assertEquals("0.576271", mob2.get("balanceRate").toString());
        // ever M1+ by December: L2, L3, L5, L8, L9; by January also L1 and L6 (L7's week in M1 fell between month ends)
        assertEquals(5, row(j, "mob", 1).get("everLoans"));
        assertEquals(7, mob2.get("everLoans"));
        assertEquals("0.777778", mob2.get("everShare").toString());
        // 贷后N月的delinquent% at MOB 1 and 2 (and 6, which the cohort has not reached)
        JsonPath atMob = get("/analytics/delinquent-at-mob", "threshold", "M1", "mobs", "1,2,6");
        Map<String, Object> november = row(atMob, "cohort", "2019-11");
        assertEquals("0.555556", november.get("everShareMob1").toString());
        assertEquals("0.777778", november.get("everShareMob2").toString());
        assertEquals("", november.get("everShareMob6"));
    }

    @Test
    void earlyDelinquencyAndMalicious() {
        JsonPath j = get("/analytics/early-delinquency", "asOf", "2020-01-31", "days", "30", "following", "0");
        // FPD30: first installments 47 (L4: 52) days past due, all counted; bad: all but L4, L7 (on time) = 7 of 9
        // (L5 paid 36 days late: DPD 35 reached)
        assertEquals("0.777778", row(j, "metric", "FPD30").get("rate").toString());
        // second installments are 16 (L4: 21) days past due: nobody counts yet
        assertEquals("n/a", row(j, "metric", "SPD30").get("rate"));
        // malicious with no following installment: first never paid in full: L1, L2, L3, L6, L8, L9
        assertEquals("0.666667", row(j, "metric", "MALICIOUS").get("rate").toString());
    }

    @Test
    void industryAcrossProductAndTheLoansAtTheEndOfTheDrillDown() {
        // January, section × product: F/P1 = L1, L2, L7 = 23,500; F/P2 = L6 10,000; I/P1 = L8, L9 8,000; I/P2 = L5 3,500
        JsonPath by = get("/analytics/breakdown", "month", "2020-01", "by", "section", "across", "product");
        assertEquals(4, by.getList("rows").size());
        assertEquals("F", by.getString("rows[0].section"));
        assertEquals(P1, by.getString("rows[0].product"));
        assertEquals("0.522222", by.getString("rows[0].balanceShare"));
        Map<String, Object> i2 = by.<Map<String, Object>>getList("rows").stream()
                .filter(r -> "I".equals(r.get("section")) && P2.equals(r.get("product"))).findFirst().orElseThrow();
        assertEquals(3500.00f, ((Number) i2.get("balance")).floatValue());
        // Herfindahl over the pairs: (23.5² + 10² + 8² + 3.5²) / 45² = 728.5 / 2025 = 0.359753
        assertEquals("0.359753", by.getString("summary.herfindahlBalance"));
        given().queryParam("tag", TAG).queryParam("by", "section").queryParam("across", "section").get("/analytics/breakdown")
                .then().statusCode(400).body("errors[0].field", equalTo("across"));

        // the loans of section F and product P1 in January, largest first, two a page
        JsonPath loans = get("/analytics/loans", "month", "2020-01", "section", "F", "product", P1, "limit", "2");
        assertEquals(3, loans.getInt("summary.loans"));
        assertEquals(List.of(L.get("L1"), L.get("L7")), loans.getList("rows.loanId"));
        assertEquals("M1", loans.getString("rows[0].bucket"));
        assertEquals(14, loans.getInt("rows[0].dpd"));
        assertEquals(1000.00f, ((Number) loans.get("rows[0].overduePrincipal")).floatValue());
        JsonPath next = get("/analytics/loans", "month", "2020-01", "section", "F", "product", P1, "limit", "2", "offset", "2");
        assertEquals(List.of(L.get("L2")), next.getList("rows.loanId"));
        // a page size or offset outside its range is refused, naming it
        given().queryParam("tag", TAG).queryParam("limit", "0").get("/analytics/loans")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("tag", TAG).queryParam("offset", "-1").get("/analytics/loans")
                .then().statusCode(400).body("errors[0].field", equalTo("offset"));
        given().queryParam("tag", TAG).queryParam("month", "newest").get("/analytics/loans")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        // an empty segment: no loans, no error
        assertEquals(0, get("/analytics/loans", "month", "2020-01", "section", "I", "size", "LARGE").getList("rows").size());

        // the dimensions list this book's tag, section F with its GB/T 4754 name and Guangdong's prefecture
        JsonPath dims = decimals(given().get("/analytics/dimensions").then().statusCode(200).extract().asString());
        assertEquals(true, dims.getList("tag.value").contains(TAG));
        assertEquals("批发和零售业", dims.getString("section.find { it.value == 'F' }.name"));
        assertEquals("深圳市", dims.getString("prefecture.find { it.value == '440300' }.name"));
        assertEquals("440000", dims.getString("prefecture.find { it.value == '440300' }.parent"));
        assertEquals("F", dims.getString("division.find { it.value == '51' }.parent"));
    }

    @Test
    void segmentsFilterAndBreakDown() {
        // section F within the book: L1, L2, L6, L7 = 33,500; F and product P1: L1, L2, L7 = 23,500
        assertEquals(33500.00f, ((Number) get("/analytics/asset-quality", "month", "2020-01", "section", "F")
                .get("rows[0].balance")).floatValue());
        assertEquals(23500.00f, ((Number) get("/analytics/asset-quality", "month", "2020-01", "section", "F", "product", P1)
                .get("rows[0].balance")).floatValue());
        JsonPath by = get("/analytics/breakdown", "month", "2020-01", "by", "section");
        assertEquals("F", by.getString("rows[0].section"));
        assertEquals("0.744444", by.getString("rows[0].balanceShare"));
        assertEquals("1.000000", by.getString("rows[1].cumulativeShare"));
        // (33,500² + 11,500²) / 45,000²
        assertEquals("0.619506", by.getString("summary.herfindahlBalance"));
        // NPL is all in section I
        assertEquals("1.000000", by.getString("summary.herfindahlNpl"));
    }

    @Test
    void eclByStage() {
        JsonPath j = get("/analytics/ecl", "month", "2020-01");
        // the PD chain is the book's own (December → January is the only month pair of 2019-02 … 2020-01)
        assertEquals("BOOK_TRANSITIONS", j.getString("summary.pdSource"));
        // stage 1: DPD ≤ 30 — L1, L5, L7 = 22,000; stage 2: DPD 31–90 — L2, L6 = 15,000; stage 3: L8, L9 = 8,000
        Map<String, Object> one = row(j, "stage", "ONE");
        Map<String, Object> two = row(j, "stage", "TWO");
        Map<String, Object> three = row(j, "stage", "THREE");
        assertEquals(3, one.get("loans"));
        assertEquals(22000.00f, ((Number) one.get("balance")).floatValue());
        assertEquals(15000.00f, ((Number) two.get("balance")).floatValue());
        // defaulted: PD 1, so ECL = LGD 0.45 × EAD 8,000 (factor 1)
        assertEquals("3600.00", three.get("ecl").toString());
        assertEquals("0.450000", three.get("coverage").toString());
    }

    @Test
    void trendWithForecasts() {
        // NPL ratio: December L8 6,000 / 51,000 = 0.117647; January 0.177778
        JsonPath j = get("/analytics/trend", "metric", "nplRatio", "from", "2019-12", "to", "2020-01", "window", "2");
        assertEquals("0.117647", j.getString("rows[0].value"));
        assertEquals("0.177778", j.getString("rows[1].value"));
        // the line through both points, one month on: 0.177778 + 0.060131; the mean of both: 0.1477125 → 0.147713
        assertEquals("0.237909", j.getString("summary.linear"));
        assertEquals("0.147713", j.getString("summary.movingAverage"));
        // two months leave nothing to back-test against
        assertEquals("n/a", j.getString("summary.linearError"));
        given().queryParam("metric", "happiness").get("/analytics/trend").then().statusCode(400)
                .body("errors[0].field", equalTo("metric"));
    }

    @Test
    void anEmptySegmentAnswersNotAvailableNotZero() {
        Map<String, Object> none = get("/analytics/asset-quality", "month", "2020-01", "section", "A").getMap("rows[0]");
        assertEquals(0, none.get("loans"));
        assertEquals("n/a", none.get("nplRatio"));
    }

    @Test
    void badFiltersNameTheirParameter() {
        given().queryParam("color", "red").get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("color"));
        given().queryParam("section", "Z").get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("section"));
        given().queryParam("product", "NO-SUCH-PRODUCT").get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("product"));
        given().queryParam("month", "1999-01").get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().queryParam("month", "2020-13").get("/analytics/asset-quality").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().queryParam("threshold", "C").get("/analytics/vintage").then().statusCode(400)
                .body("errors[0].field", equalTo("threshold"));
    }

    @Test
    void csvIsTheSameTable() {
        given().queryParam("tag", TAG).queryParam("month", "2020-01").accept("text/csv").get("/analytics/inflow").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("month,inflow,inflowRate"), containsString("2020-01,3,0.750000"));
        given().queryParam("tag", TAG).queryParam("month", "2020-01").queryParam("format", "csv").get("/analytics/inflow")
                .then().statusCode(200).contentType(containsString("text/csv"));
    }

    @Test
    void theCataloguesReportsByName() {
        given().get("/reports").then().statusCode(200).body("size()", equalTo(14));
        // 期数及利率逾期对照表: every loan is 12 months at 12 % except L4 (2 months at 8 %)
        JsonPath termByRate = get("/reports/overdue-by-term-and-rate", "month", "2020-01");
        assertEquals(1, termByRate.getList("rows").size());
        assertEquals("10-15", termByRate.getString("rows[0].rateBand"));
        assertEquals("7-12", termByRate.getString("rows[0].termBand"));
        assertEquals("0.755556", termByRate.getString("rows[0].overdueRate"));
        // 账龄分析表 at January: the November cohort's M1+ … M7+ balances over its 59,000 disbursed
        JsonPath ageing = get("/reports/ageing", "month", "2020-01");
        assertEquals("0.576271", ageing.getString("rows[0].'M1+'"));
        // M4+: L8 6,000 + L9 2,000
        assertEquals("0.135593", ageing.getString("rows[0].'M4+'"));
        JsonPath structure = get("/reports/asset-structure", "month", "2020-01");
        assertEquals(2, structure.<Map<String, Object>>getList("rows").stream().filter(r -> "section".equals(r.get("dimension"))).count());
        given().get("/reports/no-such-report").then().statusCode(404);
    }

    @Test
    void documentedAndObservable() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/analytics/vintage"), containsString("/reports/{name}"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("loanwatch_analytics_load_seconds"),
                containsString("loanwatch_analytics_month_end_rows"));
    }
}
