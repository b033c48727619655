package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval funnel's counts from the applications (进件), grouped by the month they came in (a
 * cohort: every application counts in its month, whenever it was decided) or by another key. A
 * segment filters on the application's own product, channel and term band and on its borrower's
 * labels; a loan's rate band does not exist yet at application time.
 */
@ApplicationScoped
public class FunnelQueries {
    /** The counts of the funnel, in the order of {@code ApprovalFunnel}'s parts plus the others. */
    public static final List<String> COUNTS = List.of("applications", "approved", "rejected", "cancelled", "pending",
            "disbursed", "deviationApproved", "machineDecided", "machineApproved", "ruleHits", "scored", "modelRejected",
            "sentToPerson", "personApproved");

    private static final Map<String, String> COUNT_SQL = Map.ofEntries(
            Map.entry("applications", "count(*)"),
            Map.entry("approved", "count(*) filter (where a.decision = 'APPROVED')"),
            Map.entry("rejected", "count(*) filter (where a.decision = 'REJECTED')"),
            Map.entry("cancelled", "count(*) filter (where a.decision = 'CANCELLED')"),
            Map.entry("pending", "count(*) filter (where a.decision = 'PENDING')"),
            Map.entry("disbursed", "count(*) filter (where a.loan_id is not null)"),
            Map.entry("deviationApproved", "count(*) filter (where a.decision = 'APPROVED' and a.deviation)"),
            Map.entry("machineDecided", "count(*) filter (where a.decision in ('APPROVED', 'REJECTED') and a.route = 'MACHINE')"),
            Map.entry("machineApproved", "count(*) filter (where a.decision = 'APPROVED' and a.route = 'MACHINE')"),
            Map.entry("ruleHits", "count(*) filter (where cardinality(a.rule_hits) > 0)"),
            Map.entry("scored", "count(*) filter (where a.model_decision <> 'NOT_SCORED')"),
            Map.entry("modelRejected", "count(*) filter (where a.model_decision = 'REJECT')"),
            Map.entry("sentToPerson", "count(*) filter (where a.route = 'MANUAL')"),
            Map.entry("personApproved", "count(*) filter (where a.decision = 'APPROVED' and a.route = 'MANUAL')"));

    /** One group: its key, the counts by name, and the amount applied for (fen). */
    public record Group(String key, Map<String, Long> counts, long amountFen) {
    }

    /** What to group by: the application month, or one of these keys. */
    public enum By {
        MONTH("to_char(a.applied_month, 'YYYY-MM')"),
        PRODUCT("a.product"),
        CHANNEL("a.channel"),
        REJECT_REASON("coalesce(a.reject_reason, '')"),
        RISK_GRADE("coalesce(a.risk_grade, '')"),
        RULE("k.rule");

        final String key;

        By(String key) {
            this.key = key;
        }
    }

    public List<Group> groups(Connection c, Segment segment, LocalDate fromMonth, LocalDate toMonth, By by) throws SQLException {
        known(c, segment);
        List<String> where = new ArrayList<>(List.of("a.applied_month between ? and ?"));
        List<String> params = new ArrayList<>();
        segment.values().forEach((d, v) -> {
            where.add(condition(d));
            params.add(v);
        });
        String from = "application a left join borrower b on b.borrower_id = a.borrower_id"
                + (by == By.RULE ? " cross join lateral unnest(a.rule_hits) as k(rule)" : "");
        List<String> sums = new ArrayList<>();
        COUNTS.forEach(name -> sums.add(COUNT_SQL.get(name) + " as \"" + name + "\""));
        String sql = "select " + by.key + " as key, " + String.join(", ", sums) + ", coalesce(sum(a.amount_fen), 0) as amount"
                + " from " + from + " where " + String.join(" and ", where) + " group by 1 order by 1";
        List<Group> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, fromMonth.withDayOfMonth(1));
            ps.setObject(2, toMonth.withDayOfMonth(1));
            for (int i = 0; i < params.size(); i++) {
                ps.setString(3 + i, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String name : COUNTS) {
                        counts.put(name, rs.getLong(name));
                    }
                    out.add(new Group(rs.getString("key"), counts, rs.getLong("amount")));
                }
            }
        }
        return out;
    }

    /**
     * A product or channel filter names one that some application has (the loans' list does not
     * decide here: a product may have had only rejected applications); else a 400 naming the parameter.
     */
    private static void known(Connection c, Segment segment) throws SQLException {
        for (Dimension d : List.of(Dimension.PRODUCT, Dimension.CHANNEL)) {
            String value = segment.values().get(d);
            if (value == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from application where "
                    + (d == Dimension.PRODUCT ? "product" : "channel") + " = ?)")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new RejectedException(Rejection.invalid(d.parameter(),
                                "no application has " + d.parameter() + " '" + value + "'"));
                    }
                }
            }
        }
    }

    /** The first and last month with applications, or null when there are none. */
    public LocalDate[] span(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select min(applied_month), max(applied_month) from application");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            LocalDate first = rs.getObject(1, LocalDate.class);
            return first == null ? null : new LocalDate[] {first, rs.getObject(2, LocalDate.class)};
        }
    }

    private static String condition(Dimension d) {
        return switch (d) {
            case PRODUCT -> "a.product = ?";
            case CHANNEL -> "a.channel = ?";
            case TERM_BAND -> "a.term_band = ?";
            case RATE_BAND -> throw new RejectedException(Rejection.invalid("rateBand",
                    "an application has no rate yet: the funnel cannot be filtered by rate band"));
            default -> {
                String column = Scope.column(d);
                yield d.multiValued() ? "? = any(b." + column + ")" : "b." + column + " = ?";
            }
        };
    }
}
