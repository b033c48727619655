package dev.loanwatch.alert.service;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.alert.repository.FunnelQueries.By;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.RateBand;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's report set (数据报表) by name, each built from the metric endpoints' answers for the
 * segment: the same numbers, arranged the way the catalogue's tables are.
 */
@ApplicationScoped
public class Reports {

    /** A report of the catalogue: its name in the URL, its Chinese title, and what it shows. */
    public record Definition(String name, String title, String shows) {
    }

    public static final List<Definition> ALL = List.of(
            new Definition("product-quality-overview", "产品质量总览", "each product at the month end: balance, overdue, NPL, ratios, shares"),
            new Definition("overdue-by-term-and-rate", "期数及利率逾期对照表", "overdue rate (DPD ≥ 1) and NPL ratio per term band × rate band"),
            new Definition("channel-conversion", "渠道转化", "the approval funnel per channel"),
            new Definition("asset-structure", "资产结构分析", "the book's balance by product, channel, term, rate, customer type, size, section and province"),
            new Definition("approval-overview", "审核总览", "the approval funnel per application month"),
            new Definition("reject-reasons", "拒绝原因分布", "rejected applications by reason"),
            new Definition("rule-hits", "规则命中情况", "applications by rule hit"),
            new Definition("risk-grade-structure", "风险等级结构", "applications, approvals and disbursements by risk grade"),
            new Definition("product-vintage", "产品vintage分析", "vintage (M3+ by default) per product"),
            new Definition("ageing", "账龄分析表", "per cohort, the Mn+ balance over disbursed for n = 1 … 7 at the month end"),
            new Definition("coincidental", "逾期-即期表", "coincidental delinquency per month and bucket"),
            new Definition("lagged", "逾期-递延表", "lagged delinquency per month and bucket"),
            new Definition("roll-rates", "递延率(滚动率)分析表", "the roll-rate matrix"),
            new Definition("bad-debt", "坏账统计", "write-offs, recoveries, Re, NCL and new bad debt per month"));

    private final Portfolio portfolio;
    private final Losses losses;
    private final Funnel funnel;
    private final SegmentReader reader;

    public Reports(Portfolio portfolio, Losses losses, Funnel funnel, SegmentReader reader) {
        this.portfolio = portfolio;
        this.losses = losses;
        this.funnel = funnel;
        this.reader = reader;
    }

    public static Definition definition(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new RejectedException(Rejection.notFound("name", "no report '" + name + "'; GET /reports lists them")));
    }

    /** The report {@code name} for the view's segment over {@code months} (single-month reports take the last). */
    public Answer report(View v, String name, Months months) throws SQLException {
        Definition d = definition(name);
        Answer a = switch (name) {
            case "product-quality-overview" -> portfolio.breakdown(v, Dimension.PRODUCT, months.last(), "balance");
            case "overdue-by-term-and-rate" -> termByRate(v, months.last());
            case "channel-conversion" -> funnel.funnel(v, months.first(), months.last(), By.CHANNEL);
            case "asset-structure" -> structure(v, months.last());
            case "approval-overview" -> funnel.funnel(v, months.first(), months.last(), By.MONTH);
            case "reject-reasons" -> funnel.funnel(v, months.first(), months.last(), By.REJECT_REASON);
            case "rule-hits" -> funnel.funnel(v, months.first(), months.last(), By.RULE);
            case "risk-grade-structure" -> funnel.funnel(v, months.first(), months.last(), By.RISK_GRADE);
            case "product-vintage" -> perValue(v, Dimension.PRODUCT, months.last(),
                    (view) -> portfolio.vintage(view, Bucket.M3, Optional.empty(), Optional.empty()));
            case "ageing" -> ageing(v, months.last());
            case "coincidental", "lagged" -> portfolio.delinquency(v, months);
            case "roll-rates" -> portfolio.rollRates(v, months);
            case "bad-debt" -> losses.losses(v, months);
            default -> throw new IllegalStateException("report without a builder: " + name);
        };
        Map<String, String> basis = new LinkedHashMap<>(a.basis());
        basis.put("report", d.title() + " — " + d.shows());
        return new Answer(name, a.segment(), basis, a.pending(), a.summary(), a.rows());
    }

    /** A report of the segment narrowed to each value of a dimension, rows tagged with the value. */
    @FunctionalInterface
    interface Narrowed {
        Answer of(View view) throws SQLException;
    }

    private Answer perValue(View v, Dimension by, LocalDate monthEnd, Narrowed report) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Answer last = null;
        for (String value : reader.breakdown(v.scope(), by, monthEnd).keySet()) {
            View narrowed = narrow(v, by, value);
            last = report.of(narrowed);
            for (Map<String, Object> r : last.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(by.parameter(), value);
                row.putAll(r);
                rows.add(row);
            }
        }
        Map<String, String> basis = last == null ? Map.of() : last.basis();
        return new Answer("per-" + by.parameter(), v.segmentMap(), basis, v.pending(), Map.of(), rows);
    }

    private View narrow(View v, Dimension d, String value) throws SQLException {
        Map<Dimension, String> values = new LinkedHashMap<>(v.segment().values());
        values.put(d, value);
        Segment narrowed = new Segment(values);
        return new View(v.tables(), narrowed, reader.resolve(narrowed), v.closed(), v.pending());
    }

    private Answer termByRate(View v, LocalDate monthEnd) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RateBand rate : RateBand.values()) {
            View narrowed = narrow(v, Dimension.RATE_BAND, rate.label());
            for (Map<String, Object> r : portfolio.breakdown(narrowed, Dimension.TERM_BAND, monthEnd, "balance").rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rateBand", rate.label());
                row.put("termBand", r.get("termBand"));
                row.put("loans", r.get("loans"));
                row.put("balance", r.get("balance"));
                row.put("overdueRate", r.get("overdueRate"));
                row.put("nplRatio", r.get("nplRatio"));
                rows.add(row);
            }
        }
        return Portfolio.answer(v, "overdue-by-term-and-rate", Map.of("month", YearMonth.from(monthEnd).toString(),
                "overdueRate", "balance of loans with DPD ≥ 1 / balance, per term band (months) × rate band (annual %)"),
                Map.of(), rows);
    }

    private Answer structure(View v, LocalDate monthEnd) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Dimension d : List.of(Dimension.PRODUCT, Dimension.CHANNEL, Dimension.TERM_BAND, Dimension.RATE_BAND,
                Dimension.CUSTOMER_TYPE, Dimension.SIZE, Dimension.SECTION, Dimension.PROVINCE)) {
            for (Map<String, Object> r : portfolio.breakdown(v, d, monthEnd, "balance").rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", d.parameter());
                row.put("value", r.get(d.parameter()));
                row.put("loans", r.get("loans"));
                row.put("balance", r.get("balance"));
                row.put("balanceShare", r.get("balanceShare"));
                row.put("cumulativeShare", r.get("cumulativeShare"));
                rows.add(row);
            }
        }
        return Portfolio.answer(v, "asset-structure", Map.of("month", YearMonth.from(monthEnd).toString(),
                "share", "balance of the value / the segment's balance, per dimension (Pareto order)"), Map.of(), rows);
    }

    private Answer ageing(View v, LocalDate monthEnd) throws SQLException {
        Map<String, Map<String, Object>> byCohort = new LinkedHashMap<>();
        for (Bucket threshold : Bucket.values()) {
            if (threshold == Bucket.C) {
                continue;
            }
            for (Map<String, Object> r : portfolio.vintage(v, threshold, Optional.empty(), Optional.empty()).rows()) {
                if (!YearMonth.from(monthEnd).toString().equals(r.get("month"))) {
                    continue;
                }
                Map<String, Object> row = byCohort.computeIfAbsent((String) r.get("cohort"), c -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("cohort", c);
                    x.put("mob", r.get("mob"));
                    x.put("loans", r.get("loans"));
                    x.put("disbursed", r.get("disbursed"));
                    return x;
                });
                row.put(threshold.label() + "+", r.get("balanceRate"));
            }
        }
        return Portfolio.answer(v, "ageing", Map.of("month", YearMonth.from(monthEnd).toString(),
                "rates", "Mn+ outstanding principal of the cohort at the month end / its disbursed principal, n = 1 … 7"),
                Map.of(), new ArrayList<>(byCohort.values()));
    }
}
