package dev.loanwatch.stack;

import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Shows the running system working: loads a small loan book through the batch-import API
 * (borrowers and loans as NDJSON, payments as CSV), closes six months of business dates, prints
 * each loan's status as the system recorded it, and counts the events that reached Kafka.
 * It starts after the last closed date, so it can run again against the same database.
 * (A realistic portfolio comes from the simulator; this is the smallest thing that shows the flow.)
 */
public final class Demo {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*(\"[^\"]*\"|[-0-9.]+|true|false|null)");

    private final String base;

    private Demo(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String kafka = args.length > 1 ? args[1] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        new Demo(base).run(kafka);
    }

    private void run(String kafka) throws Exception {
        awaitReady();
        YearMonth start = firstOpenMonth();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        Random random = new Random(run.hashCode());
        LocalDate disbursed = start.atDay(10);

        StringBuilder borrowers = new StringBuilder();
        StringBuilder loans = new StringBuilder();
        StringBuilder payments = new StringBuilder("id,loanId,valueDate,amount\n");
        String[][] enterprises = {
                {"H62", "餐饮服务；预包装食品销售", "330106", "成都蜀香餐饮管理有限公司"},
                {"C3311", "金属结构制造；金属材料销售", "320583", "昆山精工金属制品有限公司"},
                {"F5212", "日用百货销售；食品经营（销售预包装食品）", "440305", "深圳市便利通商贸有限公司"},
                {"E4813", "市政道路工程施工；土石方工程", "510107", "四川路安建设工程有限公司"}};
        List<String> loanIds = new ArrayList<>();
        Map<String, String> behaviour = new HashMap<>();
        String[] behaviours = {"pays on time", "misses from month 3", "pays half", "never pays", "pays on time", "pays late (cures)"};
        for (int i = 0; i < 6; i++) {
            String b = "demo-" + run + "-B" + i;
            if (i < enterprises.length) {
                String first17 = "91" + enterprises[i][2] + String.format("%09d", Math.abs(random.nextLong()) % 1_000_000_000L);
                borrowers.append(String.format("{\"id\":\"%s\",\"type\":\"ENTERPRISE\",\"name\":\"%s\",\"identityNumber\":\"%s%s\","
                                + "\"regionCode\":\"%s\",\"industryCode\":\"%s\",\"businessScope\":\"%s\",\"employees\":%d,"
                                + "\"annualRevenue\":\"%d.00\",\"totalAssets\":\"%d.00\"}\n", b, enterprises[i][3], first17,
                        UnifiedSocialCreditCode.checkCharacter(first17), enterprises[i][2], enterprises[i][0], enterprises[i][1],
                        10 + random.nextInt(200), 2_000_000 + random.nextInt(30_000_000), 1_000_000 + random.nextInt(20_000_000)));
            } else {
                String first17 = "110105" + (1970 + random.nextInt(30)) + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
                borrowers.append(String.format("{\"id\":\"%s\",\"type\":\"INDIVIDUAL\",\"name\":\"个人客户%d\",\"identityNumber\":\"%s%s\","
                        + "\"regionCode\":\"110105\"}\n", b, i, first17, ResidentIdNumber.checkCharacter(first17)));
            }
            String l = "demo-" + run + "-L" + i;
            loanIds.add(l);
            behaviour.put(l, behaviours[i]);
            loans.append(String.format("{\"id\":\"%s\",\"borrowerId\":\"%s\",\"product\":\"%s\",\"channel\":\"%s\","
                            + "\"disbursementDate\":\"%s\",\"principal\":\"12000.00\",\"annualRate\":\"0.%02d\",\"termMonths\":12,"
                            + "\"method\":\"EQUAL_PRINCIPAL\"}\n", l, b, i < 4 ? "sme-operating" : "consumer-instalment",
                    i < 4 ? "branch" : "app", disbursed, 6 + random.nextInt(12)));
            // equal principal: 1000.00 of principal a month plus interest on the balance
            for (int m = 1; m <= 6; m++) {
                LocalDate due = disbursed.plusMonths(m);
                String amount = switch (i % 6) {
                    case 1 -> m < 3 ? "1200.00" : null;
                    case 2 -> "600.00";
                    case 3 -> null;
                    case 5 -> m == 2 ? null : (m == 3 ? "2400.00" : "1200.00");
                    default -> "1200.00";
                };
                if (amount != null) {
                    LocalDate valueDate = i == 5 && m == 3 ? due.plusDays(12) : due.minusDays(1);
                    payments.append(String.format("demo-%s-P%d-%d,%s,%s,%s%n", run, i, m, l, valueDate, amount));
                }
            }
        }
        System.out.println("== Loading a demo book through the batch-import API (" + base + "/imports)");
        importFile("borrowers", "application/x-ndjson", borrowers.toString());
        importFile("loans", "application/x-ndjson", loans.toString());
        importFile("payments", "text/csv", payments.toString());

        System.out.println("\n== Daily closes (business dates move forward; month ends take the snapshot)");
        for (int m = 0; m < 6; m++) {
            YearMonth month = start.plusMonths(m);
            for (LocalDate d : List.of(month.atDay(15), month.atEndOfMonth())) {
                if (d.isBefore(disbursed)) {
                    continue;
                }
                String summary = send("POST", "/closes", "application/json", "{\"businessDate\":\"" + d + "\"}");
                System.out.printf("  close %s: %s open loans, %s status changes, %s snapshot rows, %s ms%n", d,
                        field(summary, "openLoans"), field(summary, "statusChanges"), field(summary, "snapshotRows"), field(summary, "millis"));
            }
        }

        LocalDate last = start.plusMonths(5).atEndOfMonth();
        System.out.println("\n== Each loan as of " + last + " (GET /loans/{id})");
        System.out.printf("  %-24s %-22s %5s %-5s %-16s %12s %10s%n", "loan", "behaviour", "DPD", "bucket", "grade", "outstanding", "overdue");
        for (String l : loanIds) {
            String loan = send("GET", "/loans/" + l, null, null);
            String status = loan.substring(loan.indexOf("\"lastClose\""));
            System.out.printf("  %-24s %-22s %5s %-5s %-16s %12s %10s%n", l, behaviour.get(l), field(status, "dpd"),
                    field(status, "bucket"), field(status, "grade"), field(loan, "outstandingPrincipal"), field(status, "overduePrincipal"));
        }
        System.out.println("\n== Events on Kafka (" + kafka + ", read_committed)");
        countEvents(kafka, run);
        System.out.println("\nTry: " + base + "/q/swagger-ui   " + base + "/loans/" + loanIds.get(3) + "/status?asOf=" + last.minusDays(20));
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ingestion-service did not become ready at " + base);
    }

    private YearMonth firstOpenMonth() throws Exception {
        String closes = send("GET", "/closes?limit=1", null, null);
        String last = field(closes, "businessDate");
        return last == null ? YearMonth.of(2025, 1) : YearMonth.from(LocalDate.parse(last)).plusMonths(1);
    }

    private void importFile(String type, String contentType, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/imports/" + type))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(r.body()));
        String job;
        do {
            Thread.sleep(200);
            job = send("GET", location, null, null);
        } while (!"COMPLETED".equals(field(job, "state")) && !"FAILED".equals(field(job, "state")));
        System.out.printf("  %-9s %s: %s rows, %s accepted, %s rejected%n", type, field(job, "state"), field(job, "rowsRead"),
                field(job, "rowsAccepted"), field(job, "rowsRejected"));
    }

    private String send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first value of a JSON field, enough for printing (the demo has no JSON library of its own). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile(FIELD.pattern().formatted(Pattern.quote(name))).matcher(json);
        return m.find() ? m.group(2).replace("\"", "") : null;
    }

    private static void countEvents(String kafka, String run) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-" + run);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("loanbook.borrowers", "loanbook.loans", "loanbook.payments", "loanbook.loan-status",
                    "loanbook.month-end-snapshots"));
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < 3000) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    quietSince = System.currentTimeMillis();
                    if (r.key() != null && r.key().startsWith("demo-" + run)) {
                        counts.merge(r.topic(), 1, Integer::sum);
                    }
                }
            }
        }
        counts.forEach((topic, n) -> System.out.printf("  %-30s %5d events of this run%n", topic, n));
    }
}
