package dev.loanwatch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of {@code /analytics/*} for a few segment filters, each timed through the API and as
 * the plain SQL aggregate over the raw rows that answers the same question ({@link RawCopy}'s
 * tables: the month-end rows joined to the loans and the borrowers' labels, filtered the same way),
 * back to back in the same run. The plain SQL computes the sums the report is made of, over the same
 * months (every month end the book has; the breakdown the last one), not the API's exact JSON.
 */
final class AnalyticsQueries {
    /** 50 yuan: the CPD view's default tolerance (alert-service's loanwatch.analytics.cpd-tolerance). */
    private static final long CPD_TOLERANCE_FEN = 50_00;

    /** A segment filter: query parameter → value, in order. */
    record Filter(Map<String, String> values) {
        boolean wholeBook() {
            return values.isEmpty();
        }

        String describe() {
            if (values.isEmpty()) {
                return "whole book";
            }
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join("&", parts);
        }

        String query() {
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return String.join("&", parts);
        }
    }

    /** One row of the table: times in milliseconds. */
    record Timing(String report, Filter filter, double apiMedian, double apiP95, double sqlMedian, double sqlP95) {
        double speedUp() {
            return sqlMedian / apiMedian;
        }

        boolean pass() {
            return speedUp() >= 10 && (filter.wholeBook() || apiP95 < 1000);
        }
    }

    /** A report: its API path (without the segment) and the plain SQL of the same figures for a segment. */
    private record Report(String path, String name) {
    }

    private static final List<Report> REPORTS = List.of(
            new Report("/analytics/asset-quality", "asset-quality"),
            new Report("/analytics/delinquency", "delinquency"),
            new Report("/analytics/roll-rates", "roll-rates"),
            new Report("/analytics/vintage", "vintage"),
            new Report("/analytics/breakdown?by=section", "breakdown?by=section"),
            new Report("/analytics/inflow", "inflow"));

    private final Http http;
    private final Db raw;
    private final List<LocalDate> monthEnds;
    private final int apiRuns;
    private final int sqlRuns;
    private final int warmup;

    AnalyticsQueries(Http http, Db raw, List<LocalDate> monthEnds, int apiRuns, int sqlRuns, int warmup) {
        this.http = http;
        this.raw = raw;
        this.monthEnds = monthEnds;
        this.apiRuns = apiRuns;
        this.sqlRuns = sqlRuns;
        this.warmup = warmup;
    }

    /**
     * Whole book; section=F; F and its largest province; and that with its largest size class — the
     * values the book actually has most loans of, found in the raw rows.
     */
    List<Filter> filters() throws SQLException {
        LocalDate last = monthEnds.get(monthEnds.size() - 1);
        String province;
        String size;
        try (Connection c = raw.connect()) {
            province = top(c, "b.province", "b.section = 'F'", last);
            size = top(c, "b.size_class", "b.section = 'F' and b.province = '" + province + "'", last);
        }
        Map<String, String> one = new LinkedHashMap<>();
        one.put("section", "F");
        Map<String, String> two = new LinkedHashMap<>(one);
        two.put("province", province);
        Map<String, String> three = new LinkedHashMap<>(two);
        three.put("size", size);
        return List.of(new Filter(Map.of()), new Filter(one), new Filter(two), new Filter(three));
    }

    private static String top(Connection c, String column, String where, LocalDate monthEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + column + " from raw_month_end m"
                + " join raw_loan l on l.loan_id = m.loan_id join raw_borrower b on b.borrower_id = l.borrower_id"
                + " where m.month_end = ? and " + where + " group by 1 order by count(*) desc, 1 limit 1")) {
            ps.setObject(1, monthEnd);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the book has no loan where " + where);
                }
                return rs.getString(1);
            }
        }
    }

    List<Timing> run(List<Filter> filters) throws Exception {
        List<Timing> out = new ArrayList<>();
        for (Report report : REPORTS) {
            for (Filter f : filters) {
                double[] api = api(report, f);
                double[] sql = sql(report, f);
                Timing t = new Timing(report.name(), f, median(api), p95(api), median(sql), p95(sql));
                Log.info("q: %-22s %-40s API %8.1f ms (p95 %8.1f)  plain SQL %9.1f ms  %7.1f× %s", report.name(),
                        f.describe(), t.apiMedian(), t.apiP95(), t.sqlMedian(), t.speedUp(), t.pass() ? "PASS" : "FAIL");
                out.add(t);
            }
        }
        return out;
    }

    private double[] api(Report report, Filter f) throws Exception {
        String path = report.path() + (f.wholeBook() ? "" : (report.path().contains("?") ? "&" : "?") + f.query());
        double[] ms = new double[apiRuns];
        for (int i = -warmup; i < apiRuns; i++) {
            long t0 = System.nanoTime();
            Http.Reply r = http.get(path, Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            r.expect(200);
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        return ms;
    }

    private double[] sql(Report report, Filter f) throws SQLException {
        String sql = plainSql(report.name(), f);
        double[] ms = new double[sqlRuns];
        try (Connection c = raw.connect()) {
            for (int i = -1; i < sqlRuns; i++) {
                long t0 = System.nanoTime();
                long rows = 0;
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                long t1 = System.nanoTime();
                if (rows == 0) {
                    throw new IllegalStateException("the plain SQL of " + report.name() + " for " + f.describe() + " found nothing");
                }
                if (i >= 0) {
                    ms[i] = (t1 - t0) / 1e6;
                }
            }
        }
        return ms;
    }

    /** The SQL of each report over the raw rows, month-end rows {@code m} (and {@code p}, the month before). */
    String plainSql(String report, Filter f) {
        LocalDate first = monthEnds.get(0);
        LocalDate last = monthEnds.get(monthEnds.size() - 1);
        String next = "(date_trunc('month', p.month_end) + interval '2 month' - interval '1 day')::date";
        String prev = "(date_trunc('month', m.month_end) - interval '1 day')::date";
        return switch (report) {
            case "asset-quality" -> "select m.month_end, count(*), sum(m.outstanding_fen),"
                    + byGrade()
                    + " coalesce(sum(m.outstanding_fen) filter (where m.dpd >= 1), 0), coalesce(sum(m.outstanding_fen) filter (where m.dpd >= 31), 0),"
                    + " coalesce(sum(m.outstanding_fen) filter (where m.dpd >= 91), 0), coalesce(sum(m.overdue_principal_fen) filter (where m.dpd >= 1), 0),"
                    + " coalesce(sum(m.overdue_principal_fen) filter (where m.dpd >= 31), 0), coalesce(sum(m.overdue_principal_fen) filter (where m.dpd >= 91), 0),"
                    + " count(*) filter (where m.restructured), coalesce(sum(m.outstanding_fen) filter (where m.restructured), 0)"
                    + " from raw_month_end m" + segment("m", f) + " group by m.month_end order by 1";
            // per month and bucket, DPD and CPD view, and where each loan was the month before (flow rates)
            case "delinquency" -> "select m.month_end, m.bucket, p.bucket, count(*), sum(m.outstanding_fen), sum(m.overdue_principal_fen),"
                    + " count(*) filter (where m.overdue_principal_fen + m.overdue_interest_fen < " + CPD_TOLERANCE_FEN + "),"
                    + " coalesce(sum(m.outstanding_fen) filter (where m.overdue_principal_fen + m.overdue_interest_fen < "
                    + CPD_TOLERANCE_FEN + "), 0), coalesce(sum(p.outstanding_fen), 0)"
                    + " from raw_month_end m" + segment("m", f)
                    + " left join raw_month_end p on p.loan_id = m.loan_id and p.month_end = " + prev
                    + " group by 1, 2, 3 order by 1, 2, 3";
            // every pair of consecutive month ends pooled: from bucket → bucket, settled (8) or written off (9)
            case "roll-rates" -> "select p.bucket, case when m.loan_id is not null then m.bucket"
                    + " when lo.written_off_on > p.month_end and lo.written_off_on <= " + next + " then 9 else 8 end,"
                    + " count(*), sum(p.outstanding_fen), coalesce(sum(m.outstanding_fen), 0)"
                    + " from raw_month_end p join raw_loan lo on lo.loan_id = p.loan_id" + borrowerJoin(f, "lo")
                    + " left join raw_month_end m on m.loan_id = p.loan_id and m.month_end = " + next
                    + " where p.month_end >= '" + first + "' and p.month_end < '" + last + "' group by 1, 2 order by 1, 2";
            // M3+ balance per cohort and month end, loans first M3+ then and ever since, over the cohort's disbursed principal
            case "vintage" -> "with f as (select m.loan_id, min(m.month_end) filter (where m.bucket >= 3) as first_m3"
                    + " from raw_month_end m" + segment("m", f) + " group by m.loan_id),"
                    + " d as (select date_trunc('month', l.disbursement_date)::date as cohort, count(*) as loans,"
                    + " sum(l.principal_fen) as disbursed from raw_loan l" + borrowerJoin(f, "l")
                    + " where exists (select 1 from f where f.loan_id = l.loan_id) group by 1),"
                    + " v as (select date_trunc('month', l.disbursement_date)::date as cohort, m.month_end,"
                    + " coalesce(sum(m.outstanding_fen) filter (where m.bucket >= 3), 0) as bal,"
                    + " count(*) filter (where f.first_m3 = m.month_end) as new_m3"
                    + " from raw_month_end m join f on f.loan_id = m.loan_id join raw_loan l on l.loan_id = m.loan_id group by 1, 2)"
                    + " select v.cohort, v.month_end, v.bal, v.new_m3, sum(v.new_m3) over (partition by v.cohort order by v.month_end),"
                    + " d.loans, d.disbursed from v join d on d.cohort = v.cohort order by 1, 2";
            case "breakdown?by=section" -> "select b.section, count(*), sum(m.outstanding_fen), sum(m.overdue_principal_fen),"
                    + " coalesce(sum(m.outstanding_fen) filter (where m.grade >= 2), 0)"
                    + " from raw_month_end m join raw_loan l on l.loan_id = m.loan_id join raw_borrower b on b.borrower_id = l.borrower_id"
                    + " where m.month_end = '" + last + "'" + (f.wholeBook() ? "" : " and " + condition(f, "l"))
                    + " group by 1 order by 3 desc";
            // C at the month before and out of C during the month (a status change): inflow; M1 → C: cured; 准M2/准M3
            case "inflow" -> "select m.month_end, count(*) filter (where p.bucket = 0), coalesce(sum(p.outstanding_fen) filter (where p.bucket = 0), 0),"
                    + " count(*) filter (where e.loan_id is not null), coalesce(sum(m.outstanding_fen) filter (where e.loan_id is not null), 0),"
                    + " count(*) filter (where p.bucket = 1 and m.bucket = 0), coalesce(sum(p.outstanding_fen) filter (where p.bucket = 1 and m.bucket = 0), 0),"
                    + " count(*) filter (where m.near_m2), count(*) filter (where m.near_m3)"
                    + " from raw_month_end m" + segment("m", f)
                    + " left join raw_month_end p on p.loan_id = m.loan_id and p.month_end = " + prev
                    + " left join (select distinct s.loan_id, (date_trunc('month', s.as_of) + interval '1 month' - interval '1 day')::date as month_end"
                    + " from raw_status s where s.previous_bucket = 0 and s.bucket > 0) e on e.loan_id = m.loan_id"
                    + " and e.month_end = m.month_end and p.bucket = 0"
                    + " where m.month_end > '" + first + "' group by 1 order by 1";
            default -> throw new IllegalArgumentException(report);
        };
    }

    private static String byGrade() {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g <= 4; g++) {
            sb.append(" count(*) filter (where m.grade = ").append(g).append("), coalesce(sum(m.outstanding_fen) filter (where m.grade = ")
                    .append(g).append("), 0),");
        }
        return sb.toString();
    }

    /** The joins and condition that restrict month-end rows {@code alias} to the segment; nothing for the whole book. */
    private static String segment(String alias, Filter f) {
        if (f.wholeBook()) {
            return "";
        }
        return " join raw_loan sl on sl.loan_id = " + alias + ".loan_id" + borrowerJoin(f, "sl");
    }

    /** The borrowers' labels joined to the loans {@code loan} and the filter on both; nothing for the whole book. */
    private static String borrowerJoin(Filter f, String loan) {
        return f.wholeBook() ? "" : " join raw_borrower b on b.borrower_id = " + loan + ".borrower_id and " + condition(f, loan);
    }

    /** The filter on raw_borrower {@code b} and the loans {@code loan}; the values are the book's own codes (no quotes). */
    static String condition(Filter f, String loan) {
        List<String> parts = new ArrayList<>();
        f.values().forEach((k, v) -> {
            if (v.contains("'")) {
                throw new IllegalArgumentException("a quote in " + k + "=" + v);
            }
            parts.add(switch (k) {
                case "section" -> "b.section = '" + v + "'";
                case "division" -> "b.division = '" + v + "'";
                case "province" -> "b.province = '" + v + "'";
                case "prefecture" -> "b.prefecture = '" + v + "'";
                case "size" -> "b.size_class = '" + v + "'";
                case "customerType" -> "b.customer_type = '" + v + "'";
                case "riskGroup" -> "'" + v + "' = any(b.risk_groups)";
                case "tag" -> "'" + v + "' = any(b.custom_tags)";
                case "product" -> loan + ".product = '" + v + "'";
                case "channel" -> loan + ".channel = '" + v + "'";
                case "termBand" -> loan + ".term_band = '" + v + "'";
                case "rateBand" -> loan + ".rate_band = '" + v + "'";
                default -> throw new IllegalArgumentException("no column for " + k);
            });
        });
        return String.join(" and ", parts);
    }

    static double median(double[] ms) {
        return percentile(ms, 0.5);
    }

    static double p95(double[] ms) {
        return percentile(ms, 0.95);
    }

    /** Nearest rank. */
    private static double percentile(double[] ms, double q) {
        double[] s = ms.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    /** The table of the run, Markdown. */
    static String markdown(List<Timing> timings) {
        StringBuilder sb = new StringBuilder("| Report | Filter | API median ms | API p95 ms | plain SQL median ms | speed-up | Target |\n");
        sb.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Timing t : timings) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f× | %s ≥ 10×%s |%n", t.report(),
                    t.filter().describe(), t.apiMedian(), t.apiP95(), t.sqlMedian(), t.speedUp(), t.pass() ? "PASS" : "FAIL",
                    t.filter().wholeBook() ? "" : ", p95 < 1 s"));
        }
        return sb.toString();
    }
}
