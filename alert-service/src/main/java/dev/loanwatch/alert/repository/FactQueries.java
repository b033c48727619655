package dev.loanwatch.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Questions asked of the tables rather than the month-end columns, for the segment's loans: write-offs
 * and recoveries, matured cohorts, and the early installments (FPD … QPD, malicious delinquency).
 */
@ApplicationScoped
public class FactQueries {

    /** Write-offs (principal, interest, loans) or recoveries (principal, amount, payments) of a month end. */
    public record MonthAmounts(long principal, long other, long count) {
    }

    /** A cohort's size, disbursed principal and written-off principal, and whether every loan of it has matured. */
    public record CohortLoss(LocalDate cohort, long loans, long disbursed, long writtenOff, LocalDate lastDue) {
    }

    /** Per k = 1 … 4: loans counted and bad for FPD…QPD; and the malicious loans and the loans judged. */
    public record EarlyCounts(long[] counted, long[] bad, long malicious, long judged) {
    }

    public Map<LocalDate, MonthAmounts> writeOffs(Connection c, Scope scope, LocalDate from, LocalDate to) throws SQLException {
        return monthAmounts(c, scope, "select " + monthEnd("l.written_off_on") + ", sum(l.written_off_principal_fen),"
                + " sum(l.written_off_interest_fen), count(*) from loan l where " + scope.condition("l")
                + " and l.written_off_on between ? and ? group by 1", from, to);
    }

    public Map<LocalDate, MonthAmounts> recoveries(Connection c, Scope scope, LocalDate from, LocalDate to) throws SQLException {
        return monthAmounts(c, scope, "select " + monthEnd("r.value_date") + ", sum(r.principal_fen), sum(r.amount_fen), count(*)"
                + " from recovery r join loan l on l.loan_id = r.loan_id where " + scope.condition("l")
                + " and r.value_date between ? and ? group by 1", from, to);
    }

    /** Written-off principal not recovered by the end of {@code monthEnd} (呆账余额). */
    public long writeOffBalance(Connection c, Scope scope, LocalDate monthEnd) throws SQLException {
        if (scope.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("select coalesce((select sum(l.written_off_principal_fen) from loan l where "
                + scope.condition("l") + " and l.written_off_on <= ?), 0) - coalesce((select sum(r.principal_fen)"
                + " from recovery r join loan l on l.loan_id = r.loan_id where " + scope.condition("l")
                + " and r.value_date <= ?), 0)")) {
            int i = scope.bind(ps, 1);
            ps.setObject(i++, monthEnd);
            i = scope.bind(ps, i);
            ps.setObject(i, monthEnd);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public List<CohortLoss> cohortLosses(Connection c, Scope scope) throws SQLException {
        List<CohortLoss> out = new ArrayList<>();
        if (scope.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select l.cohort, count(*), sum(l.principal_fen),"
                + " sum(l.written_off_principal_fen), max(l.last_due) from loan l where " + scope.condition("l")
                + " group by l.cohort order by l.cohort")) {
            scope.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CohortLoss(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getObject(5, LocalDate.class)));
                }
            }
        }
        return out;
    }

    /**
     * FPD…QPD with parameter {@code days} and malicious delinquency with {@code following} installments,
     * as of {@code asOf}, over the segment's loans — the SQL of {@code EarlyDelinquency.rate} and
     * {@code maliciousRate} (held to them by a test): an installment went more than d days overdue when
     * min(day before it was paid in full, as-of) − due date &gt; d; the k-th rate counts loans whose k-th
     * installment is more than d days past its due date, bad when it went more than d days overdue and
     * none of the earlier ones did.
     */
    public EarlyCounts early(Connection c, Scope scope, LocalDate asOf, int days, int following) throws SQLException {
        long[] counted = new long[4];
        long[] bad = new long[4];
        if (scope.isEmpty()) {
            return new EarlyCounts(counted, bad, 0, 0);
        }
        StringBuilder select = new StringBuilder();
        for (int k = 1; k <= 4; k++) {
            StringBuilder clean = new StringBuilder();
            for (int n = 1; n < k; n++) {
                clean.append(" and coalesce(d").append(n).append(", 0) <= ?");
            }
            select.append(", count(*) filter (where ?::date - due").append(k).append(" > ?)")
                    .append(", count(*) filter (where ?::date - due").append(k).append(" > ? and d").append(k).append(" > ?")
                    .append(clean).append(")");
        }
        StringBuilder judged = new StringBuilder("true");
        StringBuilder never = new StringBuilder("true");
        for (int n = 1; n <= following + 1; n++) {
            judged.append(" and due").append(n).append(" < ?::date");
            never.append(" and (paid").append(n).append(" is null or paid").append(n).append(" > ?::date)");
        }
        String sql = "with inst as (select l.loan_id, i.number, i.due_date,"
                + " (select p.value_date from (select value_date, sum(paid_fen) over (order by value_date, payment_id) as cum"
                + "   from early_payment x where x.loan_id = l.loan_id and x.number = i.number) p"
                + "   where p.cum >= i.due_fen order by p.value_date limit 1) as paid_on"
                + " from loan l cross join lateral unnest(l.early_number, l.early_due, l.early_due_fen) as i(number, due_date, due_fen)"
                + " where " + scope.condition("l") + "),"
                + " per_loan as (select loan_id,"
                + pivot("due", "due_date") + ", " + pivot("paid", "paid_on") + ", "
                + pivot("d", "greatest(0, least(coalesce(paid_on - 1, ?::date), ?::date) - due_date)")
                + " from inst group by loan_id)"
                + " select count(*) filter (where " + judged + " and " + never + "), count(*) filter (where " + judged + ")"
                + select + " from per_loan";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = scope.bind(ps, 1);
            for (int k = 1; k <= 4; k++) {
                ps.setObject(i++, asOf);
                ps.setObject(i++, asOf);
            }
            for (int n = 1; n <= following + 1; n++) {
                ps.setObject(i++, asOf);
            }
            for (int n = 1; n <= following + 1; n++) {
                ps.setObject(i++, asOf);
            }
            for (int n = 1; n <= following + 1; n++) {
                ps.setObject(i++, asOf);
            }
            for (int k = 1; k <= 4; k++) {
                ps.setObject(i++, asOf);
                ps.setInt(i++, days);
                ps.setObject(i++, asOf);
                ps.setInt(i++, days);
                ps.setInt(i++, days);
                for (int n = 1; n < k; n++) {
                    ps.setInt(i++, days);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long malicious = rs.getLong(1);
                long judgedLoans = rs.getLong(2);
                for (int k = 0; k < 4; k++) {
                    counted[k] = rs.getLong(3 + 2 * k);
                    bad[k] = rs.getLong(4 + 2 * k);
                }
                return new EarlyCounts(counted, bad, malicious, judgedLoans);
            }
        }
    }

    /** max(expr) for number 1 … 4 as name1 … name4. */
    private static String pivot(String name, String expr) {
        List<String> parts = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            parts.add("max(" + expr + ") filter (where number = " + k + ") as " + name + k);
        }
        return String.join(", ", parts);
    }

    private static String monthEnd(String date) {
        return "(date_trunc('month', " + date + ") + interval '1 month - 1 day')::date";
    }

    private static Map<LocalDate, MonthAmounts> monthAmounts(Connection c, Scope scope, String sql, LocalDate from, LocalDate to)
            throws SQLException {
        Map<LocalDate, MonthAmounts> out = new TreeMap<>();
        if (scope.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = scope.bind(ps, 1);
            ps.setObject(i++, from.withDayOfMonth(1));
            ps.setObject(i, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, LocalDate.class), new MonthAmounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }
}
