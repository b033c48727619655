package dev.loanwatch.alert.service;

import static dev.loanwatch.alert.model.Figures.rate;
import static dev.loanwatch.alert.model.Figures.yuan;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.alert.repository.SegmentReader.CohortRow;
import dev.loanwatch.alert.repository.SegmentReader.Transition;
import dev.loanwatch.alert.repository.SegmentReader.VintageRow;
import dev.loanwatch.alert.repository.Sums;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.Concentration;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.MonthsOnBook;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.Ratio;
import dev.loanwatch.domain.RollRateMatrix;
import dev.loanwatch.domain.RollRateMatrix.Cell;
import dev.loanwatch.domain.RollRateMatrix.Column;
import dev.loanwatch.domain.RollRateMatrix.Direction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue's month-end metrics of a segment, from the segment's sums: asset quality, delinquency
 * (coincidental, lagged, flow), inflow and cure, the roll-rate matrix, vintage, and breakdowns by a
 * dimension with concentration. The ratios are the domain core's ({@link Ratio}, {@link RollRateMatrix},
 * {@link Concentration}) applied to {@link SegmentReader}'s sums; {@code RandomBookTest} holds the
 * reports to the domain core's list formulas on random books.
 */
@ApplicationScoped
public class Portfolio {
    static final String BALANCE = "outstanding principal at each month end (贷款余额), calendar month ends";

    private final SegmentReader reader;

    public Portfolio(SegmentReader reader) {
        this.reader = reader;
    }

    /** Five-tier distribution, NPL ratio, overdue rates (DPD ≥ 1 / 31 / 91, two bases), restructured ratio. */
    public Answer assetQuality(View v, Months months) throws SQLException {
        Map<LocalDate, Sums> sums = reader.monthSums(v.scope(), months.first(), months.last());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate m : months.monthEnds()) {
            Sums s = sums.getOrDefault(m, Sums.NONE);
            long balance = s.get("balance");
            Map<String, Object> row = month(m);
            row.put("loans", s.get("loans"));
            row.put("balance", yuan(balance));
            for (FiveTierGrade g : FiveTierGrade.values()) {
                String name = gradeName(g);
                row.put(name + "Loans", s.get("n_g" + g.code()));
                row.put(name + "Balance", yuan(s.get("bal_g" + g.code())));
                row.put(name + "Share", rate(Ratio.of(s.get("bal_g" + g.code()), balance)));
            }
            long npl = nplBalance(s);
            row.put("nplBalance", yuan(npl));
            row.put("nplRatio", rate(Ratio.of(npl, balance)));
            for (int minDpd : new int[] {PortfolioRatios.DPD_1_PLUS, PortfolioRatios.DPD_31_PLUS, PortfolioRatios.DPD_91_PLUS}) {
                int from = Bucket.ofDpd(minDpd).code();
                long whole = s.range("bal_b", from, Bucket.M7_PLUS.code());
                long part = s.range("op_b", from, Bucket.M7_PLUS.code());
                row.put("overdueBalanceDpd" + minDpd, yuan(whole));
                row.put("overdueRateDpd" + minDpd, rate(Ratio.of(whole, balance)));
                row.put("overduePrincipalDpd" + minDpd, yuan(part));
                row.put("overduePrincipalRateDpd" + minDpd, rate(Ratio.of(part, balance)));
            }
            row.put("restructuredLoans", s.get("n_restructured"));
            row.put("restructuredBalance", yuan(s.get("bal_restructured")));
            row.put("restructuredRatio", rate(Ratio.of(s.get("bal_restructured"), balance)));
            rows.add(row);
        }
        return answer(v, "asset-quality", Map.of(
                "balance", BALANCE,
                "overdue", "overdueRateDpdN: whole outstanding principal of loans with DPD ≥ N (逾期贷款余额, the regulator's reading); "
                        + "overduePrincipalRateDpdN: only their past-due principal (逾期未还本金) — never compare the two",
                "grades", "five-tier grade at the month end (DOMAIN.md §3); NPL = substandard + doubtful + loss"), Map.of(), rows);
    }

    /** Per month and bucket: balance and count, coincidental and lagged (bucket and Mn+), flow into it, CPD view. */
    public Answer delinquency(View v, Months months) throws SQLException {
        LocalDate earliest = YearMonth.from(months.first()).minusMonths(Bucket.values().length - 1).atEndOfMonth();
        Map<LocalDate, Sums> sums = reader.monthSums(v.scope(), earliest, months.last());
        Map<LocalDate, long[]> stayedInLast = stayedInLastBucket(reader.transitions(v.scope(), months.first(), months.last()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate m : months.monthEnds()) {
            Sums s = sums.getOrDefault(m, Sums.NONE);
            long balance = s.get("balance");
            for (Bucket b : Bucket.values()) {
                Map<String, Object> row = month(m);
                int k = b.code();
                row.put("bucket", b.label());
                row.put("loans", s.get("n_b" + k));
                row.put("balance", yuan(s.get("bal_b" + k)));
                row.put("coincidental", rate(Ratio.of(s.get("bal_b" + k), balance)));
                long atLeast = s.range("bal_b", k, Bucket.M7_PLUS.code());
                row.put("coincidentalAtLeast", rate(Ratio.of(atLeast, balance)));
                if (b == Bucket.C) {
                    row.put("lagged", rate(Optional.empty()));
                    row.put("laggedAtLeast", rate(Optional.empty()));
                    row.put("flowRateBalance", rate(Optional.empty()));
                    row.put("flowRateCount", rate(Optional.empty()));
                } else {
                    Optional<Sums> origin = closedSums(v, sums, YearMonth.from(m).minusMonths(PortfolioRatios.lag(b)).atEndOfMonth());
                    row.put("lagged", rate(origin.flatMap(o -> Ratio.of(s.get("bal_b" + k), o.get("balance")))));
                    row.put("laggedAtLeast", rate(origin.flatMap(o -> Ratio.of(atLeast, o.get("balance")))));
                    Optional<Sums> previous = closedSums(v, sums, YearMonth.from(m).minusMonths(1).atEndOfMonth());
                    int from = k - 1;
                    // M7+ is open-ended: only what arrived in it this month flows (FlowRate's one exception)
                    long[] stayedIn = b == Bucket.M7_PLUS ? stayedInLast.getOrDefault(m, new long[2]) : new long[2];
                    long stayed = stayedIn[0];
                    long stayedCount = stayedIn[1];
                    row.put("flowRateBalance", rate(previous.flatMap(p -> Ratio.of(s.get("bal_b" + k) - stayed, p.get("bal_b" + from)))));
                    row.put("flowRateCount", rate(previous.flatMap(p -> Ratio.of(s.get("n_b" + k) - stayedCount, p.get("n_b" + from)))));
                }
                row.put("cpdLoans", s.get("cpd_n_b" + k));
                row.put("cpdBalance", yuan(s.get("cpd_bal_b" + k)));
                rows.add(row);
            }
        }
        return answer(v, "delinquency", Map.of(
                "balance", BALANCE + "; bucket by DPD (DOMAIN.md §2)",
                "coincidental", "即期: balance in the bucket (coincidentalAtLeast: in it or worse) / total balance at the same month end",
                "lagged", "递延: balance in Mn (or Mn+) at t / total balance at t − n months; n/a when that month is not closed",
                "flow", "迁徙率 into this bucket from the one before: balance (count) in it at t / balance (count) in the one before at t − 1; "
                        + "for M7+ only what was not M7+ already",
                "cpd", "CPD view: a loan overdue by less than the tolerance (50 yuan) counts as C"), Map.of(), rows);
    }

    /** Per month: inflow (入催) and its rate, cure (催回) and its rate, 回流, 准M2 / 准M3, new bad debt. */
    public Answer inflow(View v, Months months) throws SQLException {
        Map<LocalDate, Sums> sums = reader.monthSums(v.scope(), months.first(), months.last());
        Map<LocalDate, List<Transition>> byMonth = byMonth(reader.transitions(v.scope(), months.first(), months.last()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate m : months.monthEnds()) {
            Sums s = sums.getOrDefault(m, Sums.NONE);
            List<Transition> ts = byMonth.getOrDefault(m, List.of());
            boolean previousClosed = v.closed().contains(YearMonth.from(m).minusMonths(1).atEndOfMonth());
            long base = 0;
            long inflow = 0;
            long cured = 0;
            long delinquentAtStart = 0;
            long notWorse = 0;
            for (Transition t : ts) {
                Bucket from = Bucket.ofCode(t.fromBucket());
                Column to = Column.ofCode(t.toColumn());
                if (from == Bucket.C) {
                    base += t.due();
                    inflow += t.missed();
                    if (RollRateMatrix.direction(from, to) != Direction.WORSE) {
                        cured += t.missed();
                    }
                } else {
                    delinquentAtStart += t.loans();
                    if (RollRateMatrix.direction(from, to) != Direction.WORSE) {
                        notWorse += t.loans();
                    }
                }
            }
            Map<String, Object> row = month(m);
            row.put("inflow", previousClosed ? inflow : rate(Optional.empty()));
            row.put("inflowRate", rate(previousClosed ? Ratio.of(inflow, base) : Optional.empty()));
            row.put("cured", previousClosed ? cured : rate(Optional.empty()));
            row.put("cureRate", rate(previousClosed ? Ratio.of(cured, inflow) : Optional.empty()));
            row.put("recoveredFlowRate", rate(previousClosed ? Ratio.of(notWorse, delinquentAtStart) : Optional.empty()));
            row.put("nearM2Loans", s.get("n_near_m2"));
            row.put("nearM2Balance", yuan(s.get("bal_near_m2")));
            row.put("nearM3Loans", s.get("n_near_m3"));
            row.put("nearM3Balance", yuan(s.get("bal_near_m3")));
            row.put("newBadDebtLoans", s.get("n_new_bad"));
            row.put("newBadDebt", yuan(s.get("bal_new_bad")));
            rows.add(row);
        }
        return answer(v, "inflow", Map.of(
                "inflow", "入催: loans in C at the previous month end with a payment due in the month that went past due at a daily close "
                        + "during it; inflowRate = inflow / loans in C at the start with a payment due (by count)",
                "cure", "催回: inflow loans back in C (or paid off) at the month end; cureRate = cured / inflow",
                "recoveredFlow", "回流: loans delinquent at the previous month end whose status at this one is not worse "
                        + "(paid off is better, written off worse) / loans delinquent at the previous month end",
                "nearM2", "准M2 / 准M3 at the month end: would be M2 (M3) at the next month end without a payment",
                "newBadDebt", "新增坏账: outstanding principal of loans at DPD ≥ 91 at this month end and not at the previous one"),
                Map.of(), rows);
    }

    /** The roll-rate matrix pooled over the months, with shares and better / same / worse per row. */
    public Answer rollRates(View v, Months months) throws SQLException {
        RollRateMatrix matrix = pooled(reader.transitions(v.scope(), months.first(), months.last()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bucket from : Bucket.values()) {
            for (Column to : Column.values()) {
                Cell cell = matrix.cell(from, to);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", from.label());
                row.put("to", to.label());
                row.put("direction", RollRateMatrix.direction(from, to).name());
                row.put("loans", cell.count());
                row.put("balance", cell.balance());
                row.put("countShare", rate(matrix.countShare(from, to)));
                row.put("balanceShare", rate(matrix.balanceShare(from, to)));
                rows.add(row);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Bucket from : Bucket.values()) {
            Map<String, Object> directions = new LinkedHashMap<>();
            for (Direction d : Direction.values()) {
                directions.put(d.name().toLowerCase(java.util.Locale.ROOT) + "CountShare", rate(matrix.countShare(from, d)));
                directions.put(d.name().toLowerCase(java.util.Locale.ROOT) + "BalanceShare", rate(matrix.balanceShare(from, d)));
            }
            summary.put(from.label(), directions);
        }
        return answer(v, "roll-rates", Map.of(
                "rows", "bucket at the previous month end; pooled over the months " + YearMonth.from(months.first()) + " … "
                        + YearMonth.from(months.last()) + " (each month against the one before it)",
                "balance", "outstanding principal at the previous month end (the balance at risk of rolling)",
                "direction", "better = an earlier bucket or paid off; worse = a later bucket or written off"), summary, rows);
    }

    /** The pooled matrix of the transitions given (several months summed cell by cell). */
    public static RollRateMatrix pooled(List<Transition> transitions) {
        Map<Bucket, Map<Column, Cell>> cells = new EnumMap<>(Bucket.class);
        for (Transition t : transitions) {
            cells.computeIfAbsent(Bucket.ofCode(t.fromBucket()), b -> new EnumMap<>(Column.class))
                    .merge(Column.ofCode(t.toColumn()), new Cell(t.loans(), yuan(t.balPrev())),
                            (a, b) -> new Cell(a.count() + b.count(), a.balance().add(b.balance())));
        }
        return new RollRateMatrix(cells);
    }

    /** The matrices of each month of the transitions. */
    public static List<RollRateMatrix> monthly(List<Transition> transitions) {
        return byMonth(transitions).values().stream().map(Portfolio::pooled).toList();
    }

    /**
     * Vintage: for each cohort (disbursement month) and month on book, the Mn+ balance over the
     * disbursed principal and the share of loans ever Mn+ (DOMAIN.md §4, {@code Vintage}).
     */
    public Answer vintage(View v, Bucket threshold, Optional<YearMonth> cohortFrom, Optional<YearMonth> cohortTo)
            throws SQLException {
        int n = threshold.code();
        Map<LocalDate, Map<LocalDate, Sums>> byCohort = new TreeMap<>();
        for (VintageRow r : reader.vintage(v.scope())) {
            byCohort.computeIfAbsent(r.cohort(), x -> new TreeMap<>()).put(r.monthEnd(), r.sums());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CohortRow cohort : reader.cohorts(v.scope())) {
            YearMonth month = YearMonth.from(cohort.cohort());
            if (cohortFrom.filter(month::isBefore).isPresent() || cohortTo.filter(month::isAfter).isPresent()) {
                continue;
            }
            Map<LocalDate, Sums> points = byCohort.getOrDefault(cohort.cohort(), Map.of());
            long ever = 0;
            for (LocalDate m : v.closed()) {
                if (YearMonth.from(m).isBefore(month)) {
                    continue;
                }
                Sums s = points.getOrDefault(m, Sums.NONE);
                ever += s.get("new_m" + n);
                long balance = s.get("bal_m" + n);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("cohort", month.toString());
                row.put("loans", cohort.loans());
                row.put("disbursed", yuan(cohort.disbursed()));
                row.put("mob", MonthsOnBook.of(month.atDay(1), m));
                row.put("month", YearMonth.from(m).toString());
                row.put("balance", yuan(balance));
                row.put("balanceRate", rate(Ratio.of(balance, cohort.disbursed())));
                row.put("everLoans", ever);
                row.put("everShare", rate(Ratio.of(ever, cohort.loans())));
                rows.add(row);
            }
        }
        return answer(v, "vintage", Map.of(
                "threshold", threshold.label() + "+",
                "balanceRate", threshold.label() + "+ outstanding principal of the cohort at MOB k / its disbursed principal",
                "everShare", "loans of the cohort seen " + threshold.label() + "+ at any month end up to MOB k / its loans",
                "cohort", "loans of the disbursement month seen at a month end (MOB 0 = the end of the disbursement month)"),
                Map.of("threshold", threshold.label()), rows);
    }

    /** Per cohort, the vintage figures at the chosen months on book (empty where the cohort is not that old yet). */
    public Answer delinquentAtMob(View v, Bucket threshold, List<Integer> mobs) throws SQLException {
        Answer vintage = vintage(v, threshold, Optional.empty(), Optional.empty());
        Map<String, Map<String, Object>> byCohort = new LinkedHashMap<>();
        for (Map<String, Object> r : vintage.rows()) {
            Map<String, Object> row = byCohort.computeIfAbsent((String) r.get("cohort"), c -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("cohort", c);
                x.put("loans", r.get("loans"));
                for (int mob : mobs) {
                    x.put("everShareMob" + mob, "");
                    x.put("balanceRateMob" + mob, "");
                }
                return x;
            });
            if (mobs.contains((Integer) r.get("mob"))) {
                row.put("everShareMob" + r.get("mob"), r.get("everShare"));
                row.put("balanceRateMob" + r.get("mob"), r.get("balanceRate"));
            }
        }
        Map<String, String> basis = new LinkedHashMap<>(vintage.basis());
        basis.put("mob", "贷后N月的delinquent%: the cohort's vintage figures at MOB " + mobs + "; empty while the cohort is younger");
        return new Answer("delinquent-at-mob", vintage.segment(), basis, vintage.pending(), vintage.summary(),
                new ArrayList<>(byCohort.values()));
    }

    /**
     * The month's figures per value of a dimension within the segment: balance, overdue and NPL, their
     * ratios and shares, Pareto order (largest first, cumulative share), and the Herfindahl index of
     * balance and of NPL balance over the dimension — where the (bad) money went.
     */
    public Answer breakdown(View v, Dimension by, LocalDate monthEnd, String measure) throws SQLException {
        return breakdown(v, by, null, monthEnd, measure);
    }

    /**
     * As {@link #breakdown(View, Dimension, LocalDate, String)}, per pair of values of {@code by} and
     * {@code across} when {@code across} is given (industry × region): the shares, Pareto order and
     * Herfindahl index are then over the pairs.
     */
    public Answer breakdown(View v, Dimension by, Dimension across, LocalDate monthEnd, String measure) throws SQLException {
        Map<String, Sums> values = reader.breakdown(v.scope(), by, across, monthEnd);
        Map<String, BigDecimal> balances = new TreeMap<>();
        Map<String, BigDecimal> npl = new TreeMap<>();
        Map<String, BigDecimal> overdue = new TreeMap<>();
        values.forEach((k, s) -> {
            balances.put(k, yuan(s.get("balance")));
            npl.put(k, yuan(nplBalance(s)));
            overdue.put(k, yuan(s.range("bal_b", Bucket.M1.code(), Bucket.M7_PLUS.code())));
        });
        Map<String, BigDecimal> ordered = switch (measure) {
            case "npl" -> npl;
            case "overdue" -> overdue;
            default -> balances;
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, BigDecimal> balanceShare = shareMap(balances);
        Map<String, BigDecimal> nplShare = shareMap(npl);
        Map<String, BigDecimal> overdueShare = shareMap(overdue);
        BigDecimal cumulative = BigDecimal.ZERO;
        // Pareto order: largest first (ties by value); a measure that is zero everywhere keeps every row, shares n/a
        List<String> order = new ArrayList<>(ordered.keySet());
        order.sort(java.util.Comparator.comparing((String k) -> ordered.get(k)).reversed().thenComparing(k -> k));
        Map<String, BigDecimal> orderedShare = shareMap(ordered);
        for (String key : order) {
            Sums s = values.get(key);
            cumulative = cumulative.add(orderedShare.getOrDefault(key, BigDecimal.ZERO));
            Map<String, Object> row = new LinkedHashMap<>();
            String[] pair = key.split(SegmentReader.ACROSS, -1);
            row.put(by.parameter(), pair[0].isEmpty() ? "(unknown)" : pair[0]);
            if (across != null) {
                row.put(across.parameter(), pair[1].isEmpty() ? "(unknown)" : pair[1]);
            }
            row.put("loans", s.get("loans"));
            row.put("balance", balances.get(key));
            row.put("overdueBalance", overdue.get(key));
            row.put("nplBalance", npl.get(key));
            row.put("overdueRate", rate(Ratio.of(s.range("bal_b", 1, Bucket.M7_PLUS.code()), s.get("balance"))));
            row.put("nplRatio", rate(Ratio.of(nplBalance(s), s.get("balance"))));
            row.put("balanceShare", rate(Optional.ofNullable(balanceShare.get(key))));
            row.put("overdueShare", rate(Optional.ofNullable(overdueShare.get(key))));
            row.put("nplShare", rate(Optional.ofNullable(nplShare.get(key))));
            row.put("cumulativeShare", orderedShare.isEmpty() ? rate(Optional.empty())
                    : cumulative.min(BigDecimal.ONE.setScale(Ratio.SCALE)));
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", YearMonth.from(monthEnd).toString());
        summary.put("herfindahlBalance", rate(Concentration.herfindahl(balances)));
        summary.put("herfindahlOverdue", rate(Concentration.herfindahl(overdue)));
        summary.put("herfindahlNpl", rate(Concentration.herfindahl(npl)));
        return answer(v, "breakdown", Map.of(
                "by", (across == null ? by.parameter() : by.parameter() + " × " + across.parameter())
                        + (by.multiValued() || (across != null && across.multiValued())
                        ? " (a loan with several values counts under each: shares then sum above 1)" : ""),
                "order", "Pareto: by " + measure + ", largest first; cumulativeShare is the running share of " + measure,
                "herfindahl", "Σ share² over the values of " + (across == null ? by.parameter() : "the pairs")
                        + " (1 = all in one, 1/n = spread evenly)",
                "balance", BALANCE), summary, rows);
    }

    private static Map<String, BigDecimal> shareMap(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> out = new TreeMap<>();
        Concentration.shares(amounts).ifPresent(list -> list.forEach(s -> out.put(s.segment(), s.share())));
        return out;
    }

    static long nplBalance(Sums s) {
        long npl = 0;
        for (FiveTierGrade g : FiveTierGrade.values()) {
            if (g.isNonPerforming()) {
                npl += s.get("bal_g" + g.code());
            }
        }
        return npl;
    }

    static String gradeName(FiveTierGrade g) {
        String lower = g.name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : lower.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    private static Optional<Sums> closedSums(View v, Map<LocalDate, Sums> sums, LocalDate monthEnd) {
        return v.closed().contains(monthEnd) ? Optional.of(sums.getOrDefault(monthEnd, Sums.NONE)) : Optional.empty();
    }

    /** Per month: the M7+ balance at t and the number of loans that were M7+ at t − 1 already. */
    private static Map<LocalDate, long[]> stayedInLastBucket(List<Transition> transitions) {
        Map<LocalDate, long[]> out = new TreeMap<>();
        int last = Bucket.M7_PLUS.code();
        for (Transition t : transitions) {
            if (t.fromBucket() == last && t.toColumn() == Column.of(Bucket.M7_PLUS).code()) {
                long[] x = out.computeIfAbsent(t.monthEnd(), k -> new long[2]);
                x[0] += t.balCur();
                x[1] += t.loans();
            }
        }
        return out;
    }

    static Map<LocalDate, List<Transition>> byMonth(List<Transition> transitions) {
        Map<LocalDate, List<Transition>> out = new TreeMap<>();
        transitions.forEach(t -> out.computeIfAbsent(t.monthEnd(), x -> new ArrayList<>()).add(t));
        return out;
    }

    static Map<String, Object> month(LocalDate monthEnd) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", YearMonth.from(monthEnd).toString());
        return row;
    }

    static Answer answer(View v, String report, Map<String, String> basis, Map<String, Object> summary,
                         List<Map<String, Object>> rows) {
        Map<String, String> b = new TreeMap<>(basis);
        b.put("segment", v.segment().describe());
        return new Answer(report, v.segmentMap(), b, v.pending(), summary, rows);
    }
}
