package dev.loanwatch.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.Concentration;
import dev.loanwatch.domain.EarlyDelinquency;
import dev.loanwatch.domain.EarlyDelinquency.InstallmentRecord;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.FiveTierMigration;
import dev.loanwatch.domain.FlowRate;
import dev.loanwatch.domain.Inflow;
import dev.loanwatch.domain.Inflow.AccountMonth;
import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.domain.OverdueBalance;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.RollRateMatrix;
import dev.loanwatch.domain.RollRateMatrix.Column;
import dev.loanwatch.domain.Vintage;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model's SQL held to the domain core: a random book (fixed seed) of loans that roll,
 * cure, skip buckets, settle and are written off over four month ends goes in as the loan book's
 * events; every figure the API answers for it must equal what the domain core's list formulas
 * compute from the same loans — for the book (a rollup) and for one section of it (fine cells).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class RandomBookTest {
    static final long SEED = 20261128L;
    static final String TAG = Book.id("R").toUpperCase();
    static final List<LocalDate> MONTHS = List.of(LocalDate.of(2021, 1, 31), LocalDate.of(2021, 2, 28),
            LocalDate.of(2021, 3, 31), LocalDate.of(2021, 4, 30));
    static final String[] SECTIONS = {"F", "C"};

    /** Everything the domain core needs, per month end. */
    static final Map<LocalDate, List<LoanSnapshot>> BOOKS = new HashMap<>();
    static final Map<LocalDate, Set<String>> WRITTEN_OFF = new HashMap<>();
    static final Map<LocalDate, Set<String>> MISSED = new HashMap<>();
    static final Map<String, List<InstallmentRecord>> EARLY = new HashMap<>();
    static final Map<String, LocalDate> FIRST_DUE = new HashMap<>();
    static boolean loaded;

    @BeforeEach
    void book() {
        if (loaded) {
            return;
        }
        loaded = true;
        Random random = new Random(SEED);
        String[] borrowers = {Book.id("RB"), Book.id("RB")};
        Book.send(Book.tags(borrowers[0], 1, "F", "51", "440000", "440300", EnterpriseSize.SMALL, List.of(), List.of(TAG)));
        Book.send(Book.tags(borrowers[1], 1, "C", "13", "420000", "420100", EnterpriseSize.MEDIUM, List.of(), List.of(TAG)));
        MONTHS.forEach(m -> {
            BOOKS.put(m, new ArrayList<>());
            WRITTEN_OFF.put(m, new HashSet<>());
            MISSED.put(m, new HashSet<>());
        });
        for (int i = 0; i < 300; i++) {
            String loan = Book.id("RL");
            int b = random.nextInt(2);
            LocalDate disbursed = LocalDate.of(2020, 10, 1).plusDays(random.nextInt(140));
            long principal = (1_000 + random.nextInt(49_000)) * 100L;
            LocalDate firstDue = disbursed.plusMonths(1);
            FIRST_DUE.put(loan, firstDue);
            Book.open(loan, borrowers[b], "RP", "RC", disbursed, principal, "0.1000", 36, firstDue, 36, 1_000_00);
            // the first four installments: paid on time, late, or never
            List<InstallmentRecord> early = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                LocalDate due = firstDue.plusMonths(n - 1);
                int roll = random.nextInt(10);
                LocalDate paid = roll < 6 ? due : roll < 8 ? due.plusDays(1 + random.nextInt(60)) : null;
                if (paid != null && paid.isAfter(MONTHS.get(3))) {
                    paid = null;
                }
                if (paid != null) {
                    // two payments that complete it on the day: 900 + 100 of 1,000
                    Book.pay(loan, Book.id("RPAY"), paid.minusDays(3), n, 600_00, 0, LoanState.OPEN);
                    Book.pay(loan, Book.id("RPAY"), paid, n, 300_00, 100_00, LoanState.OPEN);
                }
                early.add(new InstallmentRecord(n, due, Optional.ofNullable(paid)));
            }
            EARLY.put(loan, early);
            int dpd = 0;
            long balance = principal;
            boolean restructured = random.nextInt(20) == 0;
            for (LocalDate m : MONTHS) {
                if (disbursed.isAfter(m)) {
                    continue;
                }
                int days = m.lengthOfMonth();
                // how the month went
                int previous = dpd;
                boolean missed = false;
                if (dpd == 0) {
                    int r = random.nextInt(100);
                    if (r < 12) {
                        dpd = 1 + random.nextInt(30);
                        missed = true;
                    } else if (r < 15) {
                        dpd = 31 + random.nextInt(10); // straight from C to M2 in one month
                        missed = true;
                    } else if (r < 20) {
                        missed = true; // missed and paid within the month: cured
                    }
                } else {
                    int r = random.nextInt(100);
                    dpd = r < 35 ? 0 : r < 90 ? dpd + days : 1 + random.nextInt(dpd);
                }
                if (missed && !m.equals(MONTHS.get(0))) {
                    LocalDate on = m.withDayOfMonth(1 + random.nextInt(days - 1));
                    Book.statusChange(Book.status(loan, on, Math.max(1, dpd), Bucket.C,
                            dev.loanwatch.contracts.events.v1.FiveTierGrade.SPECIAL_MENTION, balance, 0, restructured));
                    MISSED.get(m).add(loan);
                }
                if (previous >= 91 && random.nextInt(4) == 0 && !m.equals(MONTHS.get(0))) {
                    Book.writeOff(loan, m.withDayOfMonth(15), balance);
                    WRITTEN_OFF.get(m).add(loan);
                    break;
                }
                if (random.nextInt(30) == 0 && !m.equals(MONTHS.get(0))) {
                    break; // paid off: absent from here on
                }
                balance = Math.max(100_00, balance - random.nextInt((int) Math.max(1, balance / 20)));
                long overdue = dpd == 0 ? 0 : Math.min(balance, (1 + random.nextInt(5)) * 500_00L);
                FiveTierGrade grade = grade(dpd, restructured);
                Book.monthEnd(Book.status(loan, m, dpd, Bucket.C,
                        dev.loanwatch.contracts.events.v1.FiveTierGrade.valueOf(grade.name()), balance, overdue, restructured));
                BOOKS.get(m).add(LoanSnapshot.ofDpd(loan, m, disbursed, yuan(principal), yuan(balance), yuan(overdue), dpd, grade,
                        Map.of("section", SECTIONS[b])));
            }
        }
        Book.flush();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var r = given().queryParam("tag", TAG).get("/analytics/asset-quality").then().extract();
            if (r.statusCode() != 200) {
                return false;
            }
            JsonPath j = HandComputedBookTest.decimals(r.asString());
            if (!j.getList("pending").isEmpty()) {
                return false;
            }
            for (LocalDate m : MONTHS) {
                Object loans = HandComputedBookTest.row(j, "month", YearMonth.from(m).toString()).get("loans");
                if (!Integer.valueOf(BOOKS.get(m).size()).equals(loans)) {
                    return false;
                }
            }
            // the inflow of the last month shows the status changes are in too
            JsonPath inflow = HandComputedBookTest.decimals(given().queryParam("tag", TAG).get("/analytics/inflow").asString());
            return !inflow.getList("pending").isEmpty() ? false
                    : expectedInflow(MONTHS.get(3), b -> true).equals(rate(Inflow.inflowRate(accounts(MONTHS.get(3), s -> true))))
                    && String.valueOf(rate(Inflow.inflowRate(accounts(MONTHS.get(3), s -> true))))
                    .equals(String.valueOf(HandComputedBookTest.row(inflow, "month", "2021-04").get("inflowRate")));
        });
    }

    private static Object expectedInflow(LocalDate m, Function<LoanSnapshot, Boolean> which) {
        return rate(Inflow.inflowRate(accounts(m, which::apply)));
    }

    static FiveTierGrade grade(int dpd, boolean restructured) {
        if (dpd > 360) {
            return FiveTierGrade.LOSS;
        }
        if (dpd > 270) {
            return FiveTierGrade.DOUBTFUL;
        }
        if (dpd > 90) {
            return FiveTierGrade.SUBSTANDARD;
        }
        return dpd > 0 || restructured ? FiveTierGrade.SPECIAL_MENTION : FiveTierGrade.NORMAL;
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static Object rate(Optional<BigDecimal> r) {
        return r.isPresent() ? r.get().toPlainString() : "n/a";
    }

    static String text(Object o) {
        return o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o);
    }

    /** The loans of the book at {@code m}'s previous month end, month by month, as the domain core's AccountMonth. */
    static List<AccountMonth> accounts(LocalDate m, java.util.function.Predicate<LoanSnapshot> which) {
        LocalDate prev = YearMonth.from(m).minusMonths(1).atEndOfMonth();
        Map<String, LoanSnapshot> now = BOOKS.get(m).stream().collect(Collectors.toMap(LoanSnapshot::loanId, s -> s));
        List<AccountMonth> out = new ArrayList<>();
        for (LoanSnapshot before : BOOKS.getOrDefault(prev, List.of())) {
            if (!which.test(before)) {
                continue;
            }
            LoanSnapshot after = now.get(before.loanId());
            Column end = after != null ? Column.of(after.bucket())
                    : WRITTEN_OFF.get(m).contains(before.loanId()) ? Column.WRITTEN_OFF : Column.SETTLED;
            boolean missed = MISSED.get(m).contains(before.loanId()) && before.bucket() == Bucket.C;
            boolean due = missed || !FIRST_DUE.get(before.loanId()).isAfter(m);
            out.add(new AccountMonth(before.bucket(), end, due, missed));
        }
        return out;
    }

    static List<LoanSnapshot> of(LocalDate m, String section) {
        return BOOKS.get(m).stream().filter(s -> section == null || section.equals(s.labels().get("section"))).toList();
    }

    static JsonPath api(String path, String section, Object... params) {
        var request = given().queryParam("tag", TAG);
        if (section != null) {
            request = request.queryParam("section", section);
        }
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return HandComputedBookTest.decimals(request.get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void assetQualityAndDelinquencyEqualTheDomainCore() {
        for (String section : new String[] {null, "F"}) {
            JsonPath quality = api("/analytics/asset-quality", section);
            JsonPath delinquency = api("/analytics/delinquency", section);
            for (int t = 0; t < MONTHS.size(); t++) {
                LocalDate m = MONTHS.get(t);
                List<LoanSnapshot> book = of(m, section);
                Map<String, Object> row = HandComputedBookTest.row(quality, "month", YearMonth.from(m).toString());
                String where = section + " " + m;
                assertEquals(rate(PortfolioRatios.nplRatio(book)), text(row.get("nplRatio")), where);
                for (int minDpd : new int[] {1, 31, 91}) {
                    assertEquals(rate(PortfolioRatios.overdueRate(book, OverdueBalance.WHOLE_LOAN, minDpd)),
                            text(row.get("overdueRateDpd" + minDpd)), where);
                    assertEquals(rate(PortfolioRatios.overdueRate(book, OverdueBalance.OVERDUE_PART, minDpd)),
                            text(row.get("overduePrincipalRateDpd" + minDpd)), where);
                }
                for (Bucket b : Bucket.values()) {
                    Map<String, Object> r = delinquency.<Map<String, Object>>getList("rows").stream()
                            .filter(x -> YearMonth.from(m).toString().equals(x.get("month")) && b.label().equals(x.get("bucket")))
                            .findFirst().orElseThrow();
                    String at = where + " " + b.label();
                    assertEquals(rate(PortfolioRatios.coincidental(book, b)), text(r.get("coincidental")), at);
                    assertEquals(rate(PortfolioRatios.coincidentalAtLeast(book, b)), text(r.get("coincidentalAtLeast")), at);
                    if (b == Bucket.C) {
                        continue;
                    }
                    int lag = PortfolioRatios.lag(b);
                    if (t >= lag) {
                        List<LoanSnapshot> origin = of(MONTHS.get(t - lag), section);
                        assertEquals(rate(PortfolioRatios.lagged(book, origin, b)), text(r.get("lagged")), at);
                        assertEquals(rate(PortfolioRatios.laggedAtLeast(book, origin, b)), text(r.get("laggedAtLeast")), at);
                    }
                    if (t >= 1) {
                        List<LoanSnapshot> previous = of(MONTHS.get(t - 1), section);
                        Bucket from = Bucket.values()[b.ordinal() - 1];
                        assertEquals(rate(FlowRate.byBalance(previous, book, from)), text(r.get("flowRateBalance")), at);
                        assertEquals(rate(FlowRate.byCount(previous, book, from)), text(r.get("flowRateCount")), at);
                    }
                }
            }
        }
    }

    @Test
    void rollMatrixInflowAndMigrationEqualTheDomainCore() {
        for (String section : new String[] {null, "C"}) {
            for (int t = 1; t < MONTHS.size(); t++) {
                LocalDate m = MONTHS.get(t);
                String month = YearMonth.from(m).toString();
                String where = section + " " + m;
                RollRateMatrix expected = RollRateMatrix.of(of(MONTHS.get(t - 1), section), of(m, section), WRITTEN_OFF.get(m));
                JsonPath roll = api("/analytics/roll-rates", section, "month", month);
                for (Map<String, Object> r : roll.<Map<String, Object>>getList("rows")) {
                    Bucket from = Bucket.ofLabel((String) r.get("from"));
                    Column to = java.util.Arrays.stream(Column.values()).filter(c -> c.label().equals(r.get("to"))).findFirst().orElseThrow();
                    assertEquals(expected.cell(from, to).count(), ((Number) r.get("loans")).longValue(), where + from + to);
                    assertEquals(expected.cell(from, to).balance().compareTo((BigDecimal) r.get("balance")), 0, where + from + to);
                    assertEquals(rate(expected.balanceShare(from, to)), text(r.get("balanceShare")), where + from + to);
                }
                java.util.function.Predicate<LoanSnapshot> inSection = s -> section == null || section.equals(s.labels().get("section"));
                List<AccountMonth> accounts = accounts(m, inSection);
                Map<String, Object> inflow = HandComputedBookTest.row(api("/analytics/inflow", section, "month", month), "month", month);
                assertEquals(Inflow.inflow(accounts), ((Number) inflow.get("inflow")).longValue(), where);
                assertEquals(rate(Inflow.inflowRate(accounts)), text(inflow.get("inflowRate")), where);
                assertEquals(Inflow.cured(accounts), ((Number) inflow.get("cured")).longValue(), where);
                assertEquals(rate(Inflow.cureRate(accounts)), text(inflow.get("cureRate")), where);
                assertEquals(rate(Inflow.recoveredFlowRate(accounts)), text(inflow.get("recoveredFlowRate")), where);
            }
            // five-tier migration from the first month end to the last
            List<FiveTierMigration.Movement> moves = new ArrayList<>();
            Map<String, LoanSnapshot> end = of(MONTHS.get(3), section).stream().collect(Collectors.toMap(LoanSnapshot::loanId, s -> s));
            for (LoanSnapshot s : of(MONTHS.get(0), section)) {
                LoanSnapshot e = end.get(s.loanId());
                moves.add(new FiveTierMigration.Movement(s.grade(), s.outstandingPrincipal(),
                        Optional.ofNullable(e).map(LoanSnapshot::grade), e == null ? BigDecimal.ZERO : e.outstandingPrincipal()));
            }
            JsonPath migration = api("/analytics/migration", section, "from", "2021-01", "to", "2021-04");
            for (FiveTierGrade g : List.of(FiveTierGrade.NORMAL, FiveTierGrade.SPECIAL_MENTION, FiveTierGrade.SUBSTANDARD)) {
                Map<String, Object> r = migration.<Map<String, Object>>getList("rows").get(g.code());
                assertEquals(rate(FiveTierMigration.rate(g, moves)), text(r.get("migrationRate")), section + " " + g);
            }
            assertEquals(rate(FiveTierMigration.normalLoansRate(moves)), text(migration.get("summary.normalLoansMigrationRate")));
        }
    }

    @Test
    void vintageEarlyDelinquencyAndConcentrationEqualTheDomainCore() {
        List<LoanSnapshot> history = MONTHS.stream().flatMap(m -> BOOKS.get(m).stream()).toList();
        for (Bucket threshold : List.of(Bucket.M1, Bucket.M2, Bucket.M4)) {
            Vintage.Table expected = Vintage.of(history, threshold);
            JsonPath j = api("/analytics/vintage", null, "threshold", threshold.label());
            for (Vintage.Cohort c : expected.cohorts()) {
                for (Vintage.Point p : c.points()) {
                    Map<String, Object> r = j.<Map<String, Object>>getList("rows").stream()
                            .filter(x -> c.month().toString().equals(x.get("cohort")) && Integer.valueOf(p.mob()).equals(x.get("mob")))
                            .findFirst().orElseThrow();
                    String where = threshold + " " + c.month() + " MOB" + p.mob();
                    assertEquals(c.loans(), ((Number) r.get("loans")).longValue(), where);
                    assertEquals(p.balanceRate().toPlainString(), text(r.get("balanceRate")), where);
                    assertEquals(p.everLoans(), ((Number) r.get("everLoans")).longValue(), where);
                    assertEquals(p.everShare().toPlainString(), text(r.get("everShare")), where);
                }
            }
        }
        LocalDate asOf = MONTHS.get(3);
        List<List<InstallmentRecord>> loans = new ArrayList<>(EARLY.values());
        for (int days : new int[] {0, 7, 30}) {
            JsonPath j = api("/analytics/early-delinquency", null, "asOf", asOf.toString(), "days", days, "following", 2);
            for (int k = 1; k <= 4; k++) {
                assertEquals(rate(EarlyDelinquency.rate(k, days, loans, asOf)), text(j.getList("rows.rate").get(k - 1)), "k=" + k + " d=" + days);
            }
            assertEquals(rate(EarlyDelinquency.maliciousRate(loans, 2, asOf)), text(j.getList("rows.rate").get(4)));
        }
        Map<String, BigDecimal> bySection = new HashMap<>();
        BOOKS.get(asOf).forEach(s -> bySection.merge(s.labels().get("section"), s.outstandingPrincipal(), BigDecimal::add));
        JsonPath breakdown = api("/analytics/breakdown", null, "by", "section", "month", "2021-04");
        assertEquals(rate(Concentration.herfindahl(bySection)), text(breakdown.get("summary.herfindahlBalance")));
    }
}
