package dev.loanwatch.ingestion;

import static dev.loanwatch.ingestion.Api.post;
import static dev.loanwatch.ingestion.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.service.ImportService;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The cases found by using the running service as a hostile sender would, each answered now
 * with a 400 naming the field (or a rejected row naming line and field), never a 500, and never
 * with something stored that the sender did not send.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class HostileInputTest {

    @Inject
    ImportService imports;

    @Inject
    IngestionConfig config;

    static DataSource db() {
        return Postgres.dataSource("ingestion");
    }

    static long number(Map<String, Object> job, String field) {
        return ((Number) job.get(field)).longValue();
    }

    static String borrowerCsvRow(String id, String name) {
        return id + ",ENTERPRISE," + name + "," + Api.uscc(Math.abs(id.hashCode())) + ",330106\n";
    }

    static final String BORROWER_CSV_HEADER = "id,type,name,identityNumber,regionCode\n";

    @Test
    void moneyAndRatesArePlainDecimals() {
        String b = uniqueId("B");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        String loan = Api.loan(uniqueId("L"), b, "2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT");
        for (String bad : List.of("\"1E+2147483647\"", "\"1e2\"", "\"NaN\"", "\"Infinity\"",
                "\"-Infinity\"", "\"１２００\"", "\"١٢٠٠\"", "\"0x10\"", "\"1,200.00\"")) {
            post("/loans", loan.replace("\"1200.00\"", bad)).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("principal"))
                    .body("errors.find { it.field == 'principal' }.message", containsString("plain decimal number such as 1234.56"));
        }
        for (String bad : List.of("\"6E-2\"", "\"NaN\"", "\"٠.٠٦\"")) {
            post("/loans", loan.replace("\"0.06\"", bad)).statusCode(400)
                    .body("errors.find { it.field == 'annualRate' }.message", containsString("plain decimal number such as 0.0435"));
        }
        // a plain JSON number is judged by its decimals, not by BigDecimal's scientific form (1E-7)
        post("/loans", loan.replace("\"0.06\"", "0.0000001")).statusCode(400)
                .body("errors.find { it.field == 'annualRate' }.message", equalTo("must have at most 6 decimals"));
        // a JSON number with an exponent is refused while the body is read, naming the field
        for (String[] bad : List.of(new String[]{"\"1200.00\"", "1E+2147483647", "principal"}, new String[]{"\"1200.00\"", "1e2", "principal"},
                new String[]{"\"0.06\"", "6E-2", "annualRate"}, new String[]{"\"0.06\"", "0.6e-1", "annualRate"})) {
            post("/loans", loan.replace(bad[0], bad[1])).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].message", containsString("field '" + bad[2] + "' is written with an exponent"));
        }
        String l = Api.openLoan("2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT");
        String p = uniqueId("P");
        post("/payments", Api.payment(p, l, "2024-02-15", "x").replace("\"x\"", "1E+2147483647")).statusCode(400)
                .body("errors[0].message", containsString("field 'amount' is written with an exponent"));
        post("/payments", Api.payment(p, l, "2024-02-15", "1E+2147483647")).statusCode(400)
                .body("errors.field", hasItem("amount"));
        given().get("/payments/" + p).then().statusCode(404);
        // a JSON number without exponent is exact: 50.00 is read as written, never through a double
        post("/payments", Api.payment(p, l, "2024-02-15", "x").replace("\"x\"", "50.10")).statusCode(201)
                .body("amount", equalTo(50.10f));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() throws Exception {
        String id = uniqueId("B");
        for (String[] bad : List.of(
                new String[]{"name", "a\\u0000b"}, new String[]{"name", "x\\ud800y"}, new String[]{"name", "\\udc00"},
                new String[]{"businessScope", "\\u001b[31m red"}, new String[]{"businessScope", "a\\u007fb"},
                new String[]{"industryCode", "H6\\u00002"})) {
            String body = Api.enterprise(id).replaceFirst("\"" + bad[0] + "\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"" + bad[0] + "\":\"" + bad[1] + "\""));
            post("/borrowers", body).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[0]));
        }
        given().get("/borrowers/" + id).then().statusCode(404);
        // tab and line breaks are ordinary free text
        post("/borrowers", Api.enterprise(id).replace("餐饮服务；食品销售", "餐饮服务\\t食品销售\\r\\n零售")).statusCode(201);
        given().get("/borrowers/" + id).then().statusCode(200).body("businessScope", equalTo("餐饮服务\t食品销售\r\n零售"));
    }

    @Test
    void hostilePathAndQueryParametersAre400NamingTheParameter() {
        String l = Api.openLoan("2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT");
        for (String path : List.of("/borrowers/a%00b", "/loans/a%00b", "/loans/a%00b/status?asOf=2024-02-01", "/payments/a%00b",
                "/payments/%D9%A1", "/borrowers/%EF%BC%A1", "/applications/a%00b", "/applications/%EF%BC%A1", "/imports/a%00b",
                "/imports/a%00b/rejections")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("id"));
        }
        given().urlEncodingEnabled(false).get("/loans/" + l + "/status?asOf=2024-02-0%00").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().urlEncodingEnabled(false).get("/loans/" + l + "/status?asOf=%EF%BC%92024-02-01").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().urlEncodingEnabled(false).get("/closes/2024-01-0%00").then().statusCode(400).body("errors.field", hasItem("date"));
        given().urlEncodingEnabled(false).get("/closes?limit=%EF%BC%91").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Api.enterprise("x"))
                .put("/borrowers/a%00b").then().statusCode(400).body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"writeOffDate\":\"2024-06-30\",\"reason\":\"fraud\"}")
                .post("/loans/a%00b/write-off").then().statusCode(400).body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2024-06-30\",\"annualRate\":\"0.05\",\"termMonths\":12,\"method\":\"EQUAL_INSTALLMENT\",\"reason\":\"x\"}")
                .post("/loans/a%00b/restructure").then().statusCode(400).body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).get("/imports/" + UUID.randomUUID() + "/rejections?afterLine=%D9%A1").then().statusCode(400)
                .body("errors.field", hasItem("afterLine"));
        given().urlEncodingEnabled(false).contentType("text/csv").body("id\n").post("/imports/borrowers?fileName=a%00b.csv")
                .then().statusCode(400).body("errors.field", hasItem("fileName"));
        given().urlEncodingEnabled(false).contentType("text/csv").body("id\n").post("/imports/b%C4%B1rrowers")
                .then().statusCode(400).body("errors.field", hasItem("recordType"));
    }

    @Test
    void lookAlikeDigitsAndLettersAreNotNormalised() {
        String b = uniqueId("B");
        post("/borrowers", Api.enterprise(b)).statusCode(201);
        String loan = Api.loan(uniqueId("L"), b, "2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT");
        post("/loans", loan.replace("EQUAL_INSTALLMENT", "EQUAL_ıNSTALLMENT")).statusCode(400)
                .body("errors.find { it.field == 'method' }.message", containsString("must be one of EQUAL_INSTALLMENT"));
        post("/loans", loan.replace("EQUAL_INSTALLMENT", "equal_installment")).statusCode(201);
        post("/loans", loan.replace("\"termMonths\":12", "\"termMonths\":\"１２\"")).statusCode(400)
                .body("errors.find { it.field == 'termMonths' }.message", containsString("whole number of ASCII digits"));
        post("/loans", loan.replace("2024-01-15", "２０２４-０１-１５")).statusCode(400)
                .body("errors.find { it.field == 'disbursementDate' }.message", containsString("ASCII digits"));
        post("/loans", loan.replace("\"id\":\"L-", "\"id\":\"Ｌ-")).statusCode(400).body("errors.field", hasItem("id"));
        post("/borrowers", Api.enterprise(uniqueId("B")).replace("330106", "３３０１０６")).statusCode(400)
                .body("errors.field", hasItem("regionCode"));
        post("/borrowers", Api.enterprise(uniqueId("B")).replace("\"H62\"", "\"ı62\"")).statusCode(400)
                .body("errors.field", hasItem("industryCode"));
        post("/borrowers", Api.enterprise(uniqueId("B")).replace("\"employees\":35", "\"employees\":\"٣٥\"")).statusCode(400)
                .body("errors.field", hasItem("employees"));
    }

    @Test
    void oneJsonObjectWithEachFieldOnceOnEveryChannel() throws Exception {
        String l = Api.openLoan("2024-01-15", "1200.00", "0.06", 12, "EQUAL_INSTALLMENT");
        String p1 = uniqueId("P"), p2 = uniqueId("P"), p3 = uniqueId("P");
        String dup = "{\"id\":\"" + p1 + "\",\"loanId\":\"" + l + "\",\"valueDate\":\"2024-02-15\",\"amount\":50.00,\"amount\":9999.00}";
        post("/payments", dup).statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("duplicate field 'amount'"));
        String trailing = Api.payment(p2, l, "2024-02-15", "10.00").strip() + " garbage";
        post("/payments", trailing).statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("unexpected content after the JSON object"));
        String two = Api.payment(p3, l, "2024-02-15", "10.00").strip() + Api.payment(uniqueId("P"), l, "2024-02-15", "10.00").strip();
        post("/payments", two).statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("unexpected content after the JSON object"));
        for (String p : List.of(p1, p2, p3)) {
            given().get("/payments/" + p).then().statusCode(404);
        }

        Response r = given().contentType("application/x-ndjson").body((dup + "\n" + trailing + "\n" + two + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/imports/payments");
        Map<String, Object> job = Api.awaitJob(r.header("Location"));
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(0, number(job, "rowsAccepted"), job.toString());
        assertEquals(3, number(job, "rowsRejected"), job.toString());
        given().get(r.header("Location") + "/rejections").then()
                .body("line", equalTo(List.of(1, 2, 3)))
                .body("[0].errors[0].message", containsString("duplicate field 'amount'"))
                .body("[1].errors[0].message", containsString("unexpected content after the JSON object"))
                .body("[2].errors[0].message", containsString("unexpected content after the JSON object"));
        for (String p : List.of(p1, p2, p3)) {
            given().get("/payments/" + p).then().statusCode(404);
        }

        try (EventTap tap = new EventTap(List.of("loanbook.in.dead-letter"))) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                producer.send(new ProducerRecord<>("loanbook.in.payments", p1, dup)).get();
                producer.send(new ProducerRecord<>("loanbook.in.payments", p3, two)).get();
            }
            String reason = EventTap.header(tap.await("loanbook.in.dead-letter", p1, 1).get(0), "dead-letter-reason");
            assertTrue(reason.contains("Duplicate field 'amount'"), reason);
            List<ConsumerRecord<String, byte[]>> letters = tap.await("loanbook.in.dead-letter", p3, 1);
            assertTrue(EventTap.header(letters.get(0), "dead-letter-reason").contains("malformed JSON"));
        }
        for (String p : List.of(p1, p3)) {
            given().get("/payments/" + p).then().statusCode(404);
        }
    }

    @Test
    void aFileThatIsNotUtf8FailsWithLineAndOffsetAndStoresNothing() throws Exception {
        String good = uniqueId("B");
        byte[] head = (BORROWER_CSV_HEADER + borrowerCsvRow(good, "甲公司")).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(head);
        file.write(new byte[]{'x', (byte) 0xC3, '(', '\n'});
        Map<String, Object> job = Api.awaitJob(given().contentType("text/csv").body(file.toByteArray()).post("/imports/borrowers").header("Location"));
        assertEquals("FAILED", job.get("state"), job.toString());
        assertTrue(job.get("error").toString().contains("not UTF-8 at line 3, byte offset " + (head.length + 1)), job.toString());
        assertEquals(0, number(job, "rowsAccepted"));
        given().get("/borrowers/" + good).then().statusCode(404);

        byte[] utf16 = (BORROWER_CSV_HEADER + borrowerCsvRow(uniqueId("B"), "乙公司")).getBytes(StandardCharsets.UTF_16);
        job = Api.awaitJob(given().contentType("text/csv").body(utf16).post("/imports/borrowers").header("Location"));
        assertEquals("FAILED", job.get("state"), job.toString());
        assertTrue(job.get("error").toString().contains("not UTF-8 at line 1, byte offset 0 (it starts like UTF-16)"), job.toString());

        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        job = Api.awaitJob(given().contentType("application/x-ndjson").body(garbage).post("/imports/loans").header("Location"));
        assertEquals("FAILED", job.get("state"), job.toString());
        assertTrue(job.get("error").toString().contains("not UTF-8 at line"), job.toString());

        // a NUL in the header: the reason is stored (escaped) and the job ends
        job = Api.awaitJob(given().contentType("text/csv").body("id,na\u0000me\n".getBytes(StandardCharsets.UTF_8))
                .post("/imports/borrowers").header("Location"));
        assertEquals("FAILED", job.get("state"), job.toString());
        assertTrue(job.get("error").toString().contains("unknown column 'na\\u0000me'"), job.toString());
    }

    @Test
    void bodiesThatAreNotUtf8OrTooDeepAre400() {
        byte[] body = Api.enterprise(uniqueId("B")).getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("杭州");
        byte[] broken = body.clone();
        broken[at + 1] = (byte) 0x28; // a lead byte followed by '(' instead of a continuation byte
        given().contentType(ContentType.JSON).body(broken).post("/borrowers").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("[".repeat(5000) + "]".repeat(5000)).post("/borrowers").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** A line longer than a record can be is rejected without being read into memory; the lines around it are imported. */
    @Test
    void anOverlongNdjsonLineIsRejectedAlone() {
        String b1 = uniqueId("B"), b2 = uniqueId("B");
        String nd = Api.enterprise(b1).replace("\n", " ") + "\n{\"id\":\"" + "x".repeat((1 << 20) + 10) + "\"}\n"
                + Api.enterprise(b2).replace("\n", " ") + "\n";
        Response r = given().contentType("application/x-ndjson").body(nd.getBytes(StandardCharsets.UTF_8)).post("/imports/borrowers");
        Map<String, Object> job = Api.awaitJob(r.header("Location"));
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(2, number(job, "rowsAccepted"), job.toString());
        assertEquals(1, number(job, "rowsRejected"), job.toString());
        given().get(r.header("Location") + "/rejections").then().body("line", equalTo(List.of(2)))
                .body("[0].errors[0].message", containsString("longer than 1048576 characters"));
        given().get("/borrowers/" + b2).then().statusCode(200);
    }

    @Test
    void aRowWithNulIsRejectedAndEveryGoodRowStoredAndCounted() {
        String[] good = {uniqueId("B"), uniqueId("B"), uniqueId("B")};
        String bad = uniqueId("B");
        String csv = BORROWER_CSV_HEADER + borrowerCsvRow(good[0], "甲公司") + borrowerCsvRow(good[1], "乙公司")
                + borrowerCsvRow(bad, "丙\u0000公司") + borrowerCsvRow(good[2], "丁公司");
        Response r = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/imports/borrowers");
        Map<String, Object> job = Api.awaitJob(r.header("Location"));
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(4, number(job, "rowsRead"));
        assertEquals(3, number(job, "rowsAccepted"));
        assertEquals(1, number(job, "rowsRejected"));
        given().get(r.header("Location") + "/rejections").then()
                .body("line", equalTo(List.of(4)))
                .body("[0].recordId", equalTo(bad))
                .body("[0].errors[0].field", equalTo("name"))
                .body("[0].errors[0].message", containsString("U+0000"));
        for (String id : good) {
            given().get("/borrowers/" + id).then().statusCode(200);
        }
        given().get("/borrowers/" + bad).then().statusCode(404);
    }

    /**
     * The database itself refuses one record of a part (a check constraint added for this test,
     * a real refusal of the real database): the part is stored again record by record, so only
     * that record is rejected, naming the reason, and the counts are what is stored.
     */
    @Test
    void aRecordTheDatabaseRefusesIsRejectedAloneAndTheRestStored() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        String constraint = "hostile_test_" + Math.abs(poison.hashCode());
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table borrower add constraint " + constraint + " check (name <> '" + poison + "') not valid");
        }
        try {
            String[] ids = {uniqueId("B"), uniqueId("B"), uniqueId("B"), uniqueId("B"), uniqueId("B")};
            StringBuilder csv = new StringBuilder(BORROWER_CSV_HEADER);
            for (int i = 0; i < ids.length; i++) {
                csv.append(borrowerCsvRow(ids[i], i == 2 ? poison : "公司" + i));
            }
            Response r = given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8)).post("/imports/borrowers");
            Map<String, Object> job = Api.awaitJob(r.header("Location"));
            assertEquals("COMPLETED", job.get("state"), job.toString());
            assertEquals(4, number(job, "rowsAccepted"), job.toString());
            assertEquals(1, number(job, "rowsRejected"), job.toString());
            given().get(r.header("Location") + "/rejections").then()
                    .body("line", equalTo(List.of(4)))
                    .body("[0].recordId", equalTo(ids[2]))
                    .body("[0].errors[0].message", containsString(constraint));
            for (int i = 0; i < ids.length; i++) {
                given().get("/borrowers/" + ids[i]).then().statusCode(i == 2 ? 404 : 200);
            }
        } finally {
            try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
                s.execute("alter table borrower drop constraint " + constraint);
            }
        }
    }

    /**
     * The connection of a part is killed while it waits for a lock (a lost connection, for
     * real): no row is turned into a rejection, the chunk is stored again, and the job ends with
     * every row stored and counted.
     */
    @Test
    void aLostConnectionIsRetriedNotRejected() throws Exception {
        String[] ids = new String[20];
        StringBuilder csv = new StringBuilder(BORROWER_CSV_HEADER);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = uniqueId("B");
            csv.append(borrowerCsvRow(ids[i], "公司" + i));
        }
        String location;
        try (Connection lock = db().getConnection(); Connection admin = db().getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table borrower in access exclusive mode");
            }
            location = given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/imports/borrowers").header("Location");
            String waiting = "select pid from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%from borrower%'"
                    + " and pid <> pg_backend_pid()";
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(admin, "select count(*) from (" + waiting + ") w") >= 1);
            assertTrue(count(admin, "select count(*) from (select pg_terminate_backend(pid) from (" + waiting + ") w) t") >= 1);
            lock.rollback();
        }
        Map<String, Object> job = Api.awaitJob(location);
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(ids.length, number(job, "rowsAccepted"), job.toString());
        assertEquals(0, number(job, "rowsRejected"), job.toString());
        for (String id : ids) {
            given().get("/borrowers/" + id).then().statusCode(200);
        }
    }

    /** A job cut off by a restart: its rate is over the time it ran, not over the downtime before. */
    @Test
    void theRateOfAResumedJobLeavesOutTheDowntime() throws Exception {
        UUID id = UUID.randomUUID();
        StringBuilder csv = new StringBuilder(BORROWER_CSV_HEADER);
        int rows = 50;
        for (int i = 0; i < rows; i++) {
            csv.append(borrowerCsvRow(uniqueId("B"), "公司" + i));
        }
        Path spool = Path.of(config.imports().spoolDirectory(), id + ".upload");
        Files.createDirectories(spool.getParent());
        Files.writeString(spool, csv);
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into import_job (id, record_type, format, file_name, state, bytes_total, started_at) "
                        + "values (?, 'BORROWERS', 'CSV', 'resumed.csv', 'RUNNING', ?, now() - interval '1 hour')")) {
            ps.setObject(1, id);
            ps.setLong(2, Files.size(spool));
            ps.executeUpdate();
        }
        imports.resumeUnfinished();
        Map<String, Object> job = Api.awaitJob("/imports/" + id);
        assertEquals("COMPLETED", job.get("state"), job.toString());
        assertEquals(rows, number(job, "rowsAccepted"), job.toString());
        assertNotNull(job.get("resumedAt"), job.toString());
        // over the hour since started_at the rate would be 50 / 3600 s = 0.01 rows/s
        assertTrue(((Number) job.get("rowsPerSecond")).doubleValue() > 1.0, job.toString());
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
