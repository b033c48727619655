package dev.loanwatch.ingestion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.Gen;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, generated: every REST endpoint and every import format gets a few hundred
 * records that are valid except for one hostile change (a control character or lone surrogate,
 * digits or letters of another script, an exponent, a duplicate field, content after the
 * object, an unknown or missing field, a bad path or query parameter, a file that is not
 * UTF-8). What must hold for each: never a 5xx; a 400 problem+json naming the field (an import:
 * the row rejected naming its line and field; a Kafka value: a dead letter whose reason names
 * it); nothing stored for a rejected record; an import job's counts equal to what the database holds.
 * <p>
 * The cases are drawn with the {@link Gen} generators from a fixed seed ({@code -Dhostile.seed=…} to
 * try another, {@code -Dhostile.cases=…} for more or fewer); every failure names
 * the seed, the endpoint and the case, and the request sent.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class HostileInputPropertyTest {
    static final long SEED = Long.getLong("hostile.seed", 20261128L);
    static final int CASES = Integer.getInteger("hostile.cases", 200);

    // ---- what is valid: the base records every hostile case starts from ----

    static String borrowerId;
    static String loanId;

    /** A borrower and a loan for the records that refer to one (created once, through the API, when the service is up). */
    @BeforeEach
    void book() {
        if (loanId != null) {
            return;
        }
        String b = Api.uniqueId("HB");
        Api.post("/borrowers", Api.enterprise(b)).statusCode(201);
        String l = Api.uniqueId("HL");
        Api.post("/loans", Api.loan(l, b, "2024-01-15", "1000000.00", "0.06", 12, "EQUAL_INSTALLMENT")).statusCode(201);
        borrowerId = b;
        loanId = l;
    }

    /** One field of a record: its kind decides which hostile values it gets. */
    enum Kind { ID, IDS, TEXT, CODE, ENUM, MONEY, POSITIVE_MONEY, RATE, INTEGER, DATE, FLAG }

    record Field(String name, Kind kind, boolean required, String valid, int min, int max) {
        static Field of(String name, Kind kind, boolean required, String valid) {
            return new Field(name, kind, required, valid, 0, 0);
        }

        static Field integer(String name, boolean required, String valid, int min, int max) {
            return new Field(name, Kind.INTEGER, required, valid, min, max);
        }
    }

    static List<Field> borrowerFields(String id) {
        return List.of(Field.of("id", Kind.ID, true, id), Field.of("type", Kind.ENUM, true, "ENTERPRISE"),
                Field.of("name", Kind.TEXT, true, "杭州示例餐饮有限公司"),
                Field.of("identityNumber", Kind.CODE, true, Api.uscc(Math.abs(id.hashCode()))),
                Field.of("regionCode", Kind.CODE, true, "330106"), Field.of("industryCode", Kind.CODE, false, "H62"),
                Field.of("businessScope", Kind.TEXT, false, "餐饮服务；食品销售"),
                Field.integer("employees", false, "35", 0, 10_000_000), Field.of("annualRevenue", Kind.MONEY, false, "4200000.00"),
                Field.of("totalAssets", Kind.MONEY, false, "1800000.00"));
    }

    static List<Field> loanFields(String id) {
        return List.of(Field.of("id", Kind.ID, true, id), Field.of("borrowerId", Kind.ID, true, borrowerId),
                Field.of("product", Kind.ID, true, "sme-operating"), Field.of("channel", Kind.ID, true, "branch"),
                Field.of("disbursementDate", Kind.DATE, true, "2024-01-15"), Field.of("principal", Kind.POSITIVE_MONEY, true, "1200.00"),
                Field.of("annualRate", Kind.RATE, true, "0.06"), Field.integer("termMonths", true, "3", 1, 360),
                Field.of("method", Kind.ENUM, true, "EQUAL_PRINCIPAL"), Field.integer("dueDay", false, "15", 1, 31));
    }

    /** The schedule EQUAL_PRINCIPAL 1200.00 at 6 % over 3 months gives; supplied, it is validated against the terms. */
    static final List<List<Field>> SCHEDULE = List.of(
            installment(1, "2024-02-15", "400.00", "6.00"), installment(2, "2024-03-15", "400.00", "4.00"),
            installment(3, "2024-04-15", "400.00", "2.00"));

    static List<Field> installment(int n, String due, String principal, String interest) {
        return List.of(Field.integer("number", true, String.valueOf(n), 1, 360), Field.of("dueDate", Kind.DATE, true, due),
                Field.of("principalDue", Kind.MONEY, true, principal), Field.of("interestDue", Kind.MONEY, true, interest));
    }

    static List<Field> paymentFields(String id) {
        return List.of(Field.of("id", Kind.ID, true, id), Field.of("loanId", Kind.ID, true, loanId),
                Field.of("valueDate", Kind.DATE, true, "2024-02-15"), Field.of("amount", Kind.POSITIVE_MONEY, true, "10.00"));
    }

    /** An approved application with every field a decision may carry (rejectReason and loanId need other decisions or a loan of their own). */
    static List<Field> applicationFields(String id) {
        return List.of(Field.of("id", Kind.ID, true, id), Field.of("borrowerId", Kind.ID, true, borrowerId),
                Field.of("product", Kind.ID, true, "sme-operating"), Field.of("channel", Kind.ID, true, "branch"),
                Field.of("appliedOn", Kind.DATE, true, "2024-01-10"), Field.of("amount", Kind.POSITIVE_MONEY, true, "300000.00"),
                Field.integer("termMonths", true, "12", 1, 600), Field.of("decision", Kind.ENUM, true, "APPROVED"),
                Field.of("decidedOn", Kind.DATE, true, "2024-01-12"), Field.of("route", Kind.ENUM, true, "MACHINE"),
                Field.of("deviation", Kind.FLAG, false, "false"), Field.of("ruleHits", Kind.IDS, false, "R07;R12"),
                Field.of("modelDecision", Kind.ENUM, false, "PASS"), Field.integer("modelScore", false, "655", 0, 1_000_000),
                Field.of("riskGrade", Kind.CODE, false, "B"));
    }

    /** The record types of files and input topics, by their name in the API, with the base record of each. */
    static final Map<String, Function<String, List<Field>>> RECORD_TYPES = new LinkedHashMap<>(Map.of(
            "borrowers", HostileInputPropertyTest::borrowerFields, "loans", HostileInputPropertyTest::loanFields,
            "payments", HostileInputPropertyTest::paymentFields, "applications", HostileInputPropertyTest::applicationFields));

    static List<Field> writeOffFields() {
        return List.of(Field.of("writeOffDate", Kind.DATE, true, "2024-06-30"), Field.of("reason", Kind.TEXT, true, "欺诈 fraud"));
    }

    static List<Field> restructureFields() {
        return List.of(Field.of("effectiveDate", Kind.DATE, true, "2024-06-30"), Field.of("annualRate", Kind.RATE, true, "0.05"),
                Field.integer("termMonths", true, "12", 1, 360), Field.of("method", Kind.ENUM, true, "EQUAL_INSTALLMENT"),
                Field.integer("dueDay", false, "30", 1, 31), Field.of("reason", Kind.TEXT, true, "展期 hardship"));
    }

    static List<Field> closeFields() {
        // a valid close is never sent: every case changes one of these into something invalid
        return List.of(Field.of("businessDate", Kind.DATE, true, "2024-01-31"), Field.of("rerun", Kind.FLAG, false, "false"));
    }

    // ---- hostile values ----

    /**
     * A hostile value: the JSON token to send (a string with JSON escapes, so lone surrogates
     * travel; or a raw number), the same as CSV text (null when a file cannot carry it), and
     * what the answer must say when the value is rejected while the JSON is read (a number
     * with an exponent) rather than by the field's rules.
     */
    record Bad(String json, String csv, String jsonLevelMessage) {
        static Bad text(String s) {
            return new Bad(quote(s), hasLoneSurrogate(s) ? null : s, null);
        }

        static Bad rawNumber(String number, String field) {
            return new Bad(number, number, "field '" + field + "' is written with an exponent");
        }

        @Override
        public String toString() {
            return json;
        }
    }

    static final Gen<String> BAD_CHAR = Gen.frequency(
            Gen.weight(4, Gen.just("\u0000")),
            Gen.weight(3, Gen.between(1, 0x1F).filter(c -> c != '\t' && c != '\n' && c != '\r').map(c -> String.valueOf((char) c.intValue()))),
            Gen.weight(1, Gen.just("\u007F")),
            Gen.weight(2, Gen.between(0xD800, 0xDBFF).map(c -> String.valueOf((char) c.intValue()))),
            Gen.weight(2, Gen.between(0xDC00, 0xDFFF).map(c -> String.valueOf((char) c.intValue()))),
            Gen.weight(1, Gen.just("\uDC00\uD800")));

    /** Zero of a decimal digit script other than ASCII (Character.digit reads them all as digits). */
    static final Gen<Integer> DIGIT_SCRIPT = Gen.of(0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1040, 0x1D7CE);

    static final Map<Character, List<String>> LOOK_ALIKES = Map.ofEntries(
            Map.entry('I', List.of("ı", "İ", "І", "Ｉ")), Map.entry('i', List.of("ı", "і", "ｉ")),
            Map.entry('E', List.of("Е", "Ｅ")), Map.entry('e', List.of("е", "ｅ")), Map.entry('A', List.of("А", "Ａ")),
            Map.entry('S', List.of("ſ", "Ѕ")), Map.entry('s', List.of("ſ", "ѕ")), Map.entry('K', List.of("\u212A")),
            Map.entry('O', List.of("О", "Ｏ")), Map.entry('o', List.of("о")), Map.entry('P', List.of("Р")),
            Map.entry('C', List.of("С")), Map.entry('T', List.of("Т")), Map.entry('H', List.of("Н")), Map.entry('L', List.of("Ｌ")),
            Map.entry('N', List.of("Ｎ")), Map.entry('R', List.of("Ｒ")), Map.entry('U', List.of("Ｕ")), Map.entry('Q', List.of("Ｑ")),
            Map.entry('Y', List.of("Ү")), Map.entry('D', List.of("Ｄ")), Map.entry('M', List.of("М")), Map.entry('V', List.of("Ｖ")));

    static Gen<Bad> controlInjected(String valid) {
        return Gen.combine(BAD_CHAR, Gen.between(0, valid.length()),
                (bad, at) -> Bad.text(valid.substring(0, at) + bad + valid.substring(at)));
    }

    static Gen<Bad> foreignDigits(String valid) {
        return Gen.combine(DIGIT_SCRIPT, Gen.between(1, (1 << 20) - 1),
                (zero, mask) -> {
                    StringBuilder sb = new StringBuilder();
                    int digit = 0;
                    boolean replaced = false;
                    for (char c : valid.toCharArray()) {
                        if (c >= '0' && c <= '9' && ((mask >> (digit++ % 20)) & 1) == 1) {
                            sb.appendCodePoint(zero + (c - '0'));
                            replaced = true;
                        } else {
                            sb.append(c);
                        }
                    }
                    if (!replaced) {
                        int first = sb.toString().chars().filter(c -> c >= '0' && c <= '9').findFirst().orElse(-1);
                        return Bad.text(first < 0 ? valid + "\uFF11" : sb.toString().replaceFirst(String.valueOf((char) first),
                                new String(Character.toChars(zero + (first - '0')))));
                    }
                    return Bad.text(sb.toString());
                });
    }

    /** The value with one of its ASCII letters replaced by a look-alike of another script (or full-width). */
    static Gen<Bad> lookAlike(String valid) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < valid.length(); i++) {
            if (Character.isLetter(valid.charAt(i)) && valid.charAt(i) < 0x80) {
                letters.add(i);
            }
        }
        return Gen.of(letters).flatMap(at -> {
            char c = valid.charAt(at);
            List<String> options = new ArrayList<>(LOOK_ALIKES.getOrDefault(c, List.of()));
            options.add(String.valueOf((char) (Character.isUpperCase(c) ? 0xFF21 + (c - 'A') : 0xFF41 + (c - 'a'))));
            return Gen.of(options).map(s -> Bad.text(valid.substring(0, at) + s + valid.substring(at + 1)));
        });
    }

    static Gen<Bad> words(String... values) {
        return Gen.of(values).map(Bad::text);
    }

    static final Gen<String> EXPONENT = Gen.combine(
            Gen.of("1", "12", "1.5", "0.06", "9", "123.45"), Gen.of("e", "E"),
            Gen.of("", "+", "-"), Gen.of("0", "1", "2", "3", "18", "308", "2147483647", "2147483648", "99999999999"),
            (m, e, sign, exp) -> m + e + sign + exp);

    static Gen<Bad> hostile(Field f) {
        String v = f.valid();
        Gen<Bad> control = controlInjected(v);
        Gen<Bad> wrongShape = Gen.of("{}", "[]", "[1]", "{\"a\":1}").map(raw -> new Bad(raw, null, null));
        return switch (f.kind()) {
            case TEXT -> Gen.frequency(Gen.weight(8, control),
                    Gen.weight(1, Gen.between(1, 30).map(n -> Bad.text(v + "字".repeat(maxLength(f) - v.length() + n)))),
                    Gen.weight(1, wrongShape));
            case ID -> Gen.frequency(Gen.weight(4, control), Gen.weight(3, idBreaker(v)),
                    Gen.weight(1, Gen.between(65, 90).map(n -> Bad.text(v + "x".repeat(Math.max(1, n - v.length()))))),
                    Gen.weight(1, wrongShape));
            // ids separated by ';' (or a JSON array): the id's hostile values, except those that are still a list of good ids
            // (a ';' or white space next to one inserted, an empty array)
            case IDS -> hostile(new Field(f.name(), Kind.ID, f.required(), v, f.min(), f.max()))
                    .filter(b -> !b.json().equals("[]") && (Text.problem(unquote(b.json())).isPresent()
                            || !Arrays.stream(unquote(b.json()).split(";", -1)).allMatch(id -> Text.idProblem(id.strip()).isEmpty())));
            case CODE -> Gen.frequency(Gen.weight(4, control), Gen.weight(3, foreignDigits(v)),
                    Gen.weight(2, v.chars().anyMatch(Character::isLetter) ? lookAlike(v) : foreignDigits(v)), Gen.weight(1, wrongShape));
            case ENUM -> Gen.frequency(Gen.weight(5, Gen.of(Boolean.TRUE, Boolean.FALSE)
                            .flatMap(lower -> lookAlike(lower ? v.toLowerCase() : v))),
                    Gen.weight(2, control), Gen.weight(1, words(v + "S", "_" + v, v.substring(1), v + " X", "1", "null", "")
                            // blank is "not given": an error only where the field is required
                            .filter(b -> f.required() || !b.json().equals("\"\""))),
                    Gen.weight(1, wrongShape));
            case MONEY, POSITIVE_MONEY, RATE -> {
                Gen<Bad> outOfRule = f.kind() == Kind.RATE
                        ? words("0.37", "-0.01", "1", "0.0000001", "36", "0.3600001")
                        : words("-1.00", "0.001", "12.345", "12345678901234567.00", "1" + "0".repeat(45), "-0.01");
                yield Gen.frequency(Gen.weight(4, EXPONENT.map(Bad::text)), Gen.weight(3, EXPONENT.map(n -> Bad.rawNumber(n, f.name()))),
                        Gen.weight(3, foreignDigits(v)), Gen.weight(2, control),
                        Gen.weight(2, words("NaN", "Infinity", "-Infinity", "+Inf", "0x10", "1,000.00", "1 000", "1_000", ".5", "5.",
                                "1..2", "1.2.3", "+-1", "--1", "１．５", "true", f.kind() == Kind.POSITIVE_MONEY ? "0.00" : "-5")),
                        Gen.weight(2, outOfRule), Gen.weight(1, wrongShape),
                        Gen.weight(1, words("true", "false").map(b -> new Bad(b.csv(), b.csv(), null))));
            }
            case INTEGER -> Gen.frequency(Gen.weight(3, foreignDigits(v)), Gen.weight(2, control),
                    Gen.weight(2, words(String.valueOf((long) f.min() - 1), String.valueOf((long) f.max() + 1), "99999999999999999999999",
                            "-99999999999999999999", v + ".0", v + ".5", v + "e0", "1e1", "NaN", "Infinity", "0x0C", "1_2", "1 2", "--1", "+-1")),
                    Gen.weight(1, Gen.of(v + ".0", v + ".50").map(n -> new Bad(n, n, null))),
                    Gen.weight(2, Gen.of("1e1", "1E+2", "2.0e0").map(n -> Bad.rawNumber(n, f.name()))), Gen.weight(1, wrongShape));
            case DATE -> Gen.frequency(Gen.weight(3, foreignDigits(v)), Gen.weight(2, control),
                    Gen.weight(3, words("2024-1-15", "2024-01-5", "2024/01/15", "15/01/2024", "2024-02-30", "2023-02-29", "2024-13-01",
                            "2024-00-10", "2024-01-00", "2024-01-32", "+2024-01-15", "-2024-01-15", "2024-01-15T00:00:00", "2024-01-15Z",
                            "20240115", "2024-01-15x", "x2024-01-15", "24-01-15", "99999-01-01", "2024-W03-1", "2024-015", "today",
                            "NaN", "1E+2147483647")),
                    Gen.weight(1, Gen.of("20240115", "true").map(n -> new Bad(n, n, null))), Gen.weight(1, wrongShape));
            case FLAG -> Gen.frequency(Gen.weight(2, control), Gen.weight(2, words("yes", "1", "tru", "ｔｒｕｅ", "TRUE", "falsе")),
                    Gen.weight(1, wrongShape));
        };
    }

    static int maxLength(Field f) {
        return switch (f.name()) {
            case "name" -> 200;
            case "businessScope" -> 4000;
            default -> 500;
        };
    }

    /** An id with a character no id may hold, inside it (white space at the ends would just be stripped). */
    static Gen<Bad> idBreaker(String id) {
        String valid = id.length() < 2 ? id + "0" : id;
        Gen<String> breaker = Gen.of("ı", "é", "中", "ß", "А", "Ｌ", "１", "٣", "\u00A0", "\u2003", " ", "#", "?", "%", "\"",
                "\\", "<", ">", "+", ",", ";", "=", "@", "!", "*", "(", ")", "'", "`", "|", "~", "^", "[", "]", "{", "}", "&", "$");
        return Gen.combine(breaker, Gen.between(1, valid.length() - 1),
                (b, at) -> Bad.text(valid.substring(0, at) + b + valid.substring(at)));
    }

    static Gen<Bad> hostileUuid() {
        String valid = "3f2b8c1e-0d4a-4c6f-9a57-1b2c3d4e5f60";
        return Gen.oneOf(controlInjected(valid), foreignDigits(valid),
                Gen.between(0, valid.length() - 1).flatMap(at -> Gen.of("g", "z", "Ａ", " x")
                        .map(c -> Bad.text(valid.substring(0, at) + c + valid.substring(at + 1)))),
                words(valid.substring(1), valid + "0", "{" + valid + "}", valid.replace("-", ""), "a%00b", "null", "latest"));
    }

    // ---- mutations of a record: one per case ----

    sealed interface Mutation {
        /** What the 400 must say, given the answer's errors: a field named, or a message. */
        String expect();

        boolean fits(List<Map<String, String>> errors);
    }

    record SetValue(String path, String name, Bad value) implements Mutation {
        public String expect() {
            return value.jsonLevelMessage() != null ? value.jsonLevelMessage() : "field " + path;
        }

        public boolean fits(List<Map<String, String>> errors) {
            return value.jsonLevelMessage() != null
                    ? errors.stream().anyMatch(e -> e.get("message").contains(value.jsonLevelMessage()))
                    : errors.stream().anyMatch(e -> path.equals(e.get("field")));
        }
    }

    record Duplicate(String name) implements Mutation {
        public String expect() {
            return "duplicate field '" + name + "'";
        }

        public boolean fits(List<Map<String, String>> errors) {
            return errors.stream().anyMatch(e -> e.get("message").contains(expect()));
        }
    }

    record Trailing(String suffix) implements Mutation {
        public String expect() {
            return "unexpected content after the JSON object";
        }

        public boolean fits(List<Map<String, String>> errors) {
            return errors.stream().anyMatch(e -> e.get("message").contains(expect()));
        }
    }

    record Unknown(String name) implements Mutation {
        public String expect() {
            return "unknown field " + Text.visible(name);
        }

        public boolean fits(List<Map<String, String>> errors) {
            return errors.stream().anyMatch(e -> Text.visible(name).equals(e.get("field")) && e.get("message").equals("unknown field"));
        }
    }

    record Missing(String name) implements Mutation {
        public String expect() {
            return name + " is required";
        }

        public boolean fits(List<Map<String, String>> errors) {
            return errors.stream().anyMatch(e -> name.equals(e.get("field")) && e.get("message").equals("is required"));
        }
    }

    /** One hostile change to a record of these fields (and, for a loan, its supplied schedule). */
    static Gen<Mutation> mutation(List<Field> fields, boolean jsonLevel, boolean withSchedule) {
        List<Gen.Weighted<? extends Mutation>> choices = new ArrayList<>();
        choices.add(Gen.weight(10, Gen.of(fields).flatMap(f -> hostile(f).map(b -> new SetValue(f.name(), f.name(), b)))));
        List<Field> required = fields.stream().filter(Field::required).toList();
        choices.add(Gen.weight(1, Gen.of(required).map(f -> new Missing(f.name()))));
        if (withSchedule) {
            choices.add(Gen.weight(3, Gen.combine(Gen.between(0, SCHEDULE.size() - 1), Gen.between(0, 3),
                    (i, j) -> {
                        Field f = SCHEDULE.get(i).get(j);
                        return hostile(f).map(b -> new SetValue("schedule[" + i + "]." + f.name(), f.name(), b));
                    }).flatMap(g -> g)));
        }
        if (jsonLevel) {
            choices.add(Gen.weight(2, Gen.of(fields).map(f -> new Duplicate(f.name()))));
            choices.add(Gen.weight(2, Gen.of(" garbage", "{}", "[]", " 1", "{\"id\":\"x\"}", "\"x\"", " null", "}", "]", ",",
                    "{\"amount\":1}", "\u0000").map(Trailing::new)));
            choices.add(Gen.weight(1, Gen.of("colour", "Id", "ID", "amount2", "nаme", "x\u0000y", "\u0007").map(Unknown::new)));
        }
        return Gen.<Mutation>frequency(choices);
    }

    static String json(List<Field> fields, Mutation m, boolean withSchedule) {
        StringBuilder sb = new StringBuilder("{");
        for (Field f : fields) {
            if (m instanceof Missing miss && miss.name().equals(f.name())) {
                continue;
            }
            String token = m instanceof SetValue s && s.path().equals(f.name()) ? s.value().json() : token(f);
            sb.append(sb.length() == 1 ? "" : ",").append(quote(f.name())).append(':').append(token);
        }
        if (withSchedule) {
            sb.append(",\"schedule\":[");
            for (int i = 0; i < SCHEDULE.size(); i++) {
                sb.append(i == 0 ? "{" : ",{");
                List<Field> inst = SCHEDULE.get(i);
                for (int j = 0; j < inst.size(); j++) {
                    Field f = inst.get(j);
                    String path = "schedule[" + i + "]." + f.name();
                    String token = m instanceof SetValue s && s.path().equals(path) ? s.value().json() : token(f);
                    sb.append(j == 0 ? "" : ",").append(quote(f.name())).append(':').append(token);
                }
                sb.append('}');
            }
            sb.append(']');
        }
        if (m instanceof Duplicate d) {
            Field f = fields.stream().filter(x -> x.name().equals(d.name())).findFirst().orElseThrow();
            sb.append(',').append(quote(f.name())).append(':').append(token(f));
        }
        if (m instanceof Unknown u) {
            sb.append(',').append(quote(u.name())).append(":\"x\"");
        }
        sb.append('}');
        if (m instanceof Trailing t) {
            sb.append(t.suffix());
        }
        return sb.toString();
    }

    static String token(Field f) {
        return f.kind() == Kind.INTEGER || f.kind() == Kind.FLAG ? f.valid() : quote(f.valid());
    }

    // ---- the checks ----

    final Random random = new Random(SEED);

    /** n values from the seeded random. */
    <T> List<T> draw(Gen<T> gen, int n) {
        return gen.sample(random, n);
    }

    static String where(String endpoint, int i, Object what) {
        return "seed " + SEED + ", " + endpoint + ", case " + i + ": " + what;
    }

    /** An HTTP answer. The thousands of generated requests go through the JDK's client: rest-assured costs more per request than the service. */
    record Answer(int status, String contentType, String body) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper READER = new ObjectMapper();

    /** @param path already percent-encoded */
    static Answer call(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(String path) {
        return call("GET", path, null, null);
    }

    static Answer send(String method, String path, String json) {
        return call(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 400 problem+json whose errors satisfy the mutation. */
    @SuppressWarnings("unchecked")
    static void assertRejected(Answer r, Mutation m, String where) throws Exception {
        assertTrue(r.status() < 500, where + " → " + r.status() + " " + r.body());
        assertEquals(400, r.status(), where + " → " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), where + " → " + r.contentType());
        List<Map<String, String>> errors = READER.convertValue(READER.readTree(r.body()).get("errors"), List.class);
        assertTrue(errors != null && m.fits(errors), where + ": expected " + m.expect() + ", got " + r.body());
    }

    /**
     * Records of one endpoint: each hostile body is refused naming the field, and (for an
     * endpoint that creates records in {@code table}) none of their ids is in the database.
     */
    void bodies(String endpoint, Supplier<List<Field>> base, boolean withSchedule, Function<String, Answer> send,
                String table) throws Exception {
        List<Field> shape = base.get();
        if (table != null) {
            // the record every case starts from is valid: each rejection is the hostile change's doing
            Answer valid = send.apply(json(shape, null, withSchedule));
            assertTrue(valid.status() == 201 || valid.status() == 200, endpoint + " base record: " + valid.body());
        }
        List<Mutation> cases = draw(mutation(shape, true, withSchedule), CASES);
        List<Row> sent = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<Field> fields = base.get();
            String body = json(fields, cases.get(i), withSchedule);
            assertRejected(send.apply(body), cases.get(i), where(endpoint, i, body));
            sent.add(new Row(fields.get(0).valid(), cases.get(i), body));
        }
        if (table != null) {
            assertEquals(0, stored(table, sent), "seed " + SEED + ", " + endpoint + ": a rejected record was stored");
        }
    }

    /** Hostile values of one path or query parameter: 400 naming it. */
    void parameter(String endpoint, String name, Gen<Bad> values, Function<String, Answer> send) throws Exception {
        List<Bad> cases = draw(values, CASES / 2);
        for (int i = 0; i < cases.size(); i++) {
            String raw = unquote(cases.get(i).json());
            String encoded = percentEncode(raw);
            assertRejected(send.apply(encoded), new SetValue(name, name, Bad.text(raw)), where(endpoint, i, encoded));
        }
    }

    @Test
    void borrowers() throws Exception {
        bodies("POST /borrowers", () -> borrowerFields(Api.uniqueId("HB")), false, body -> send("POST", "/borrowers", body), "borrowers");
        String id = Api.uniqueId("HB");
        Api.post("/borrowers", Api.enterprise(id)).statusCode(201);
        // in a PUT the id comes from the path; the body may repeat it, so it is not required there
        Supplier<List<Field>> put = () -> {
            List<Field> fields = new ArrayList<>(borrowerFields(id));
            fields.set(0, Field.of("id", Kind.ID, false, id));
            return fields;
        };
        bodies("PUT /borrowers/{id}", put, false, body -> send("PUT", "/borrowers/" + id, body), null);
        given().get("/borrowers/" + id).then().statusCode(200).body("revision", org.hamcrest.Matchers.equalTo(1));
        Field idField = borrowerFields(id).get(0);
        parameter("PUT /borrowers/{id}", "id", hostile(idField), p -> send("PUT", "/borrowers/" + p, Api.enterprise(id)));
        parameter("GET /borrowers/{id}", "id", hostile(idField), p -> get("/borrowers/" + p));
    }

    @Test
    void loans() throws Exception {
        bodies("POST /loans", () -> loanFields(Api.uniqueId("HL")), false, body -> send("POST", "/loans", body), "loans");
        bodies("POST /loans (with schedule)", () -> loanFields(Api.uniqueId("HL")), true, body -> send("POST", "/loans", body), "loans");
        Field idField = loanFields(loanId).get(0);
        parameter("GET /loans/{id}", "id", hostile(idField), p -> get("/loans/" + p));
        parameter("GET /loans/{id}/status", "id", hostile(idField),
                p -> get("/loans/" + p + "/status?asOf=2024-03-01"));
        parameter("GET /loans/{id}/status?asOf", "asOf", hostile(Field.of("asOf", Kind.DATE, true, "2024-03-01")),
                p -> get("/loans/" + loanId + "/status?asOf=" + p));

        bodies("POST /loans/{id}/write-off", HostileInputPropertyTest::writeOffFields, false,
                body -> send("POST", "/loans/" + loanId + "/write-off", body), null);
        parameter("POST /loans/{id}/write-off", "id", hostile(idField),
                p -> send("POST", "/loans/" + p + "/write-off", "{\"writeOffDate\":\"2024-06-30\",\"reason\":\"fraud\"}"));
        bodies("POST /loans/{id}/restructure", HostileInputPropertyTest::restructureFields, false,
                body -> send("POST", "/loans/" + loanId + "/restructure", body), null);
        parameter("POST /loans/{id}/restructure", "id", hostile(idField), p -> send("POST", "/loans/" + p + "/restructure",
                "{\"effectiveDate\":\"2024-06-30\",\"annualRate\":\"0.05\",\"termMonths\":12,\"method\":\"EQUAL_INSTALLMENT\",\"reason\":\"x\"}"));
        // nothing of any of those reached the loan
        given().get("/loans/" + loanId).then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("restructured", org.hamcrest.Matchers.not(true));
    }

    @Test
    void payments() throws Exception {
        bodies("POST /payments", () -> paymentFields(Api.uniqueId("HP")), false, body -> send("POST", "/payments", body), "payments");
        parameter("GET /payments/{id}", "id", hostile(paymentFields("P-1").get(0)),
                p -> get("/payments/" + p));
    }

    @Test
    void applications() throws Exception {
        bodies("POST /applications", () -> applicationFields(Api.uniqueId("HA")), false,
                body -> send("POST", "/applications", body), "applications");
        parameter("GET /applications/{id}", "id", hostile(applicationFields("A-1").get(0)), p -> get("/applications/" + p));
    }

    @Test
    void closes() throws Exception {
        bodies("POST /closes", HostileInputPropertyTest::closeFields, false, body -> send("POST", "/closes", body), null);
        parameter("GET /closes/{date}", "date", hostile(Field.of("date", Kind.DATE, true, "2024-01-31")),
                p -> get("/closes/" + p));
        // any whole number of int size is a valid limit (clamped to 1–1000): only the others are hostile
        parameter("GET /closes?limit", "limit", hostile(Field.integer("limit", false, "30", Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1))
                        .filter(b -> !b.json().contains("214748364")),
                p -> get("/closes?limit=" + p));
    }

    @Test
    void importEndpoints() throws Exception {
        parameter("POST /imports/{recordType}", "recordType", Gen.oneOf(lookAlike("borrowers"), lookAlike("PAYMENTS"), lookAlike("applications"),
                        controlInjected("loans"), words("widgets", "borrower", "loan s")),
                p -> call("POST", "/imports/" + p, "text/csv", "id\n".getBytes(StandardCharsets.UTF_8)));
        // a URL cannot carry a lone surrogate: its bytes arrive decoded as U+FFFD, which a file name may hold
        parameter("POST /imports?fileName", "fileName", Gen.oneOf(controlInjected("loans.csv"),
                        Gen.between(256, 300).map(n -> Bad.text("x".repeat(n)))).filter(b -> b.csv() != null),
                p -> call("POST", "/imports/loans?fileName=" + p, "text/csv", "id\n".getBytes(StandardCharsets.UTF_8)));
        parameter("GET /imports/{id}", "id", hostileUuid(), p -> get("/imports/" + p));
        parameter("GET /imports/{id}/rejections", "id", hostileUuid(),
                p -> get("/imports/" + p + "/rejections"));
        String job = URI.create(given().contentType("text/csv").body("id,loanId,valueDate,amount\n").post("/imports/payments")
                .header("Location")).getPath();
        parameter("GET /imports/{id}/rejections?afterLine", "afterLine",
                hostile(Field.integer("afterLine", false, "10", 0, Integer.MAX_VALUE - 1)).filter(b -> !b.json().contains("214748364")),
                p -> get(job + "/rejections?afterLine=" + p));
        parameter("GET /imports/{id}/rejections?limit", "limit",
                hostile(Field.integer("limit", false, "10", Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1)).filter(b -> !b.json().contains("214748364")),
                p -> get(job + "/rejections?limit=" + p));
    }

    // ---- Kafka values ----

    static final int KAFKA_CASES = 40;

    /** The same hostile records as Kafka values: each one dead-lettered with a reason naming the field, none stored. */
    @Test
    void kafkaValues() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (EventTap tap = new EventTap(List.of("loanbook.in.dead-letter"));
             KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String type : RECORD_TYPES.keySet()) {
                Function<String, List<Field>> base = RECORD_TYPES.get(type);
                List<Mutation> cases = draw(mutation(base.apply("HK-x"), true, false), KAFKA_CASES);
                List<Row> rows = new ArrayList<>();
                for (Mutation m : cases) {
                    String id = Api.uniqueId("HK");
                    rows.add(new Row(id, m, json(base.apply(id), m, false)));
                    producer.send(new ProducerRecord<>("loanbook.in." + type, id, rows.get(rows.size() - 1).text()));
                }
                producer.flush();
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    String where = where("Kafka loanbook.in." + type, i, row.text());
                    String reason = EventTap.header(tap.await("loanbook.in.dead-letter", row.id(), 1).get(0), "dead-letter-reason");
                    assertTrue(reason.contains(inReason(row.mutation())), where + ": expected " + inReason(row.mutation()) + " in " + reason);
                }
                assertEquals(0, stored(type, rows), "seed " + SEED + ", Kafka " + type + ": nothing stored");
            }
        }
    }

    /** What a dead letter's reason says for the mutation (Rejection.reason(), or the consumer's "malformed JSON: " and Jackson's words). */
    static String inReason(Mutation m) {
        if (m instanceof SetValue s) {
            return s.value().jsonLevelMessage() != null ? s.value().jsonLevelMessage() : "; " + s.path() + ": ";
        }
        if (m instanceof Duplicate d) {
            return "Duplicate field '" + d.name() + "'";
        }
        if (m instanceof Unknown u) {
            return "; " + Text.visible(u.name()) + ": unknown field";
        }
        if (m instanceof Missing miss) {
            return "; " + miss.name() + ": is required";
        }
        return "malformed JSON";
    }

    // ---- files ----

    record Row(String id, Mutation mutation, String text) {
    }

    static final int GOOD_ROWS = 40;
    static final int BAD_ROWS = 40;

    @Test
    void importFiles() throws Exception {
        for (String type : RECORD_TYPES.keySet()) {
            for (boolean csv : List.of(true, false)) {
                String endpoint = "POST /imports/" + type + " (" + (csv ? "CSV" : "NDJSON") + ")";
                Function<String, List<Field>> base = RECORD_TYPES.get(type);
                List<Field> shape = base.apply("HF-x");
                List<Mutation> bad = draw(mutation(shape, !csv, false).filter(m -> !csv || csvCarries(m)), BAD_ROWS);
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < GOOD_ROWS + BAD_ROWS; i++) {
                    String id = Api.uniqueId("HF");
                    Mutation m = i < BAD_ROWS ? bad.get(i) : null;
                    List<Field> fields = base.apply(id);
                    rows.add(new Row(id, m, csv ? csvRow(fields, m) : json(fields, m, false)));
                }
                Collections.shuffle(rows, random);
                String header = csv ? String.join(",", shape.stream().map(Field::name).toList()) + "\n" : "";
                StringBuilder file = new StringBuilder(header);
                rows.forEach(r -> file.append(r.text()).append('\n'));
                byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
                String where = where(endpoint, 0, "file of " + rows.size() + " rows");

                Map<String, Object> job = importFile(type, csv, bytes, where);
                assertEquals("COMPLETED", job.get("state"), where + " " + job);
                List<Map<String, Object>> rejections = given().get("/imports/" + job.get("id") + "/rejections").then()
                        .statusCode(200).extract().jsonPath().getList("");
                Map<Long, Map<String, Object>> byLine = new LinkedHashMap<>();
                rejections.forEach(r -> byLine.put(((Number) r.get("line")).longValue(), r));
                int offset = csv ? 2 : 1;
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    long line = i + offset;
                    String at = where + ", line " + line + ": " + row.text();
                    if (row.mutation() == null) {
                        assertTrue(!byLine.containsKey(line), at + " was rejected: " + byLine.get(line));
                        given().get("/" + type + "/" + row.id()).then().statusCode(200);
                    } else {
                        assertTrue(byLine.containsKey(line), at + " was not rejected");
                        @SuppressWarnings("unchecked")
                        List<Map<String, String>> errors = (List<Map<String, String>>) byLine.get(line).get("errors");
                        assertTrue(row.mutation().fits(errors), at + ": expected " + row.mutation().expect() + ", got " + errors);
                        given().get("/" + type + "/" + row.id()).then().statusCode(404);
                    }
                }
                assertEquals(rows.size(), number(job, "rowsRead"), where + " " + job);
                assertEquals(GOOD_ROWS, number(job, "rowsAccepted"), where + " " + job);
                assertEquals(BAD_ROWS, number(job, "rowsRejected"), where + " " + job);
                assertEquals(number(job, "rowsAccepted"), stored(type, rows), where + ": the job's count is what the database holds");

                // the same rows in a file that is not UTF-8 from some line on: refused as a whole, naming line and offset
                int line = 2 + random.nextInt(rows.size() - 1);
                byte[] invalid = List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[]{(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3, '('},
                        new byte[]{(byte) 0xE4, (byte) 0xB8}).get(random.nextInt(7));
                String corruptAt = where + ", bytes " + HexFormat.of().formatHex(invalid) + " at line " + line;
                List<Row> fresh = rows.stream().map(r -> new Row(r.id() + "-u", r.mutation(), r.text().replace(r.id(), r.id() + "-u"))).toList();
                byte[] freshBytes = (header + String.join("\n", fresh.stream().map(Row::text).toList()) + "\n").getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream corruptFresh = new ByteArrayOutputStream();
                int freshAt = lineStart(freshBytes, line);
                corruptFresh.write(freshBytes, 0, freshAt);
                corruptFresh.write(invalid);
                corruptFresh.write(freshBytes, freshAt, freshBytes.length - freshAt);
                job = importFile(type, csv, corruptFresh.toByteArray(), corruptAt);
                assertEquals("FAILED", job.get("state"), corruptAt + " " + job);
                assertTrue(String.valueOf(job.get("error")).contains("not UTF-8 at line " + line + ", byte offset " + freshAt),
                        corruptAt + " " + job);
                assertEquals(0, number(job, "rowsAccepted"), corruptAt + " " + job);
                assertEquals(0, stored(type, fresh), corruptAt + ": nothing stored");

                byte[] utf16 = (header + fresh.get(0).text() + "\n").getBytes(random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
                job = importFile(type, csv, utf16, where + " as UTF-16");
                assertEquals(0, number(job, "rowsAccepted"), where + " as UTF-16 " + job);
                assertTrue(!"FAILED".equals(job.get("state")) || job.get("error") != null, where + " as UTF-16 " + job);
                assertEquals(0, stored(type, fresh), where + " as UTF-16: nothing stored");
            }
        }
    }

    static boolean csvCarries(Mutation m) {
        return m instanceof Missing || (m instanceof SetValue s && s.value().csv() != null && s.value().jsonLevelMessage() == null
                && !s.value().json().startsWith("{") && !s.value().json().startsWith("["));
    }

    static String csvRow(List<Field> fields, Mutation m) {
        List<String> cells = new ArrayList<>();
        for (Field f : fields) {
            String v = f.valid();
            if (m instanceof Missing miss && miss.name().equals(f.name())) {
                v = "";
            } else if (m instanceof SetValue s && s.path().equals(f.name())) {
                v = s.value().csv();
            }
            cells.add(v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                    ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return String.join(",", cells);
    }

    static Map<String, Object> importFile(String type, boolean csv, byte[] bytes, String where) {
        Response r = given().contentType(csv ? "text/csv" : "application/x-ndjson").body(bytes).post("/imports/" + type);
        assertEquals(202, r.statusCode(), where + " → " + r.asString());
        String location = r.header("Location");
        Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            String state = given().get(location).then().statusCode(200).extract().path("state");
            return "COMPLETED".equals(state) || "FAILED".equals(state);
        });
        return given().get(location).then().extract().as(Map.class);
    }

    static long number(Map<String, Object> job, String field) {
        return ((Number) job.get(field)).longValue();
    }

    /** How many of the rows' records the database holds. */
    static long stored(String type, List<Row> rows) throws Exception {
        String table = switch (type) {
            case "borrowers" -> "borrower";
            case "loans" -> "loan";
            case "applications" -> "application";
            default -> "payment";
        };
        try (Connection c = Postgres.dataSource("ingestion").getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where id = any(?)")) {
            Array ids = c.createArrayOf("text", rows.stream().map(Row::id).toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int lineStart(byte[] bytes, int line) {
        int n = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (n == line) {
                return i;
            }
            if (bytes[i] == '\n') {
                n++;
            }
        }
        fail("no line " + line);
        return -1;
    }

    // ---- encoding ----

    /** A JSON string literal; control characters and every surrogate as \\u escapes, so that lone ones travel as sent. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String unquote(String json) {
        if (!json.startsWith("\"")) {
            return json;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                char e = json.charAt(++i);
                if (e == 'u') {
                    sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean hasLoneSurrogate(String s) {
        return Text.problem(s).map(p -> p.contains("surrogate")).orElse(false);
    }

    /** Percent-encodes a path segment or query value; a lone surrogate becomes the bytes of its (invalid) UTF-8 form. */
    static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~') {
                sb.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) 0xED, (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }
}
