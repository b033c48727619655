package dev.loanwatch.alert.repository;

import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.RollRateMatrix.Column;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Derives the cubes from the facts, set-based. The rules are not written into the SQL by hand: the
 * bucket, grade and column codes are the domain core's stored codes, and the column lists are
 * generated from its enums, so a bucket added there is a column here.
 *
 * <p>Segments: every loan is placed in one fine cell (its combination of dimension values); each
 * fine cell belongs to the rollups of its values ('all', product = X, section = F, …). Cubes hold
 * rows for fine cells and, summed from them, for rollups.
 */
@ApplicationScoped
public class Cubes {
    /** The single-valued dimensions of a cell, as (rollup dimension name, cell column). */
    public static final List<String[]> DIMENSIONS = List.of(
            new String[] {"product", "product"}, new String[] {"channel", "channel"},
            new String[] {"termBand", "term_band"}, new String[] {"rateBand", "rate_band"},
            new String[] {"customerType", "customer_type"}, new String[] {"section", "section"},
            new String[] {"division", "division"}, new String[] {"province", "province"},
            new String[] {"prefecture", "prefecture"}, new String[] {"size", "size_class"});
    /** The multi-valued ones, as (rollup dimension name, cell array column). */
    public static final List<String[]> SET_DIMENSIONS = List.of(
            new String[] {"riskGroup", "risk_groups"}, new String[] {"tag", "custom_tags"});

    /** Each column of a cell and where a loan's value comes from (its contract, or its borrower's labels). */
    private static final List<String[]> CELL_COLUMNS = List.of(
            new String[] {"product", "l.product"}, new String[] {"channel", "l.channel"},
            new String[] {"term_band", "l.term_band"}, new String[] {"rate_band", "l.rate_band"},
            new String[] {"customer_type", "coalesce(b.customer_type, '')"}, new String[] {"section", "coalesce(b.section, '')"},
            new String[] {"division", "coalesce(b.division, '')"}, new String[] {"province", "coalesce(b.province, '')"},
            new String[] {"prefecture", "coalesce(b.prefecture, '')"}, new String[] {"size_class", "coalesce(b.size_class, '')"},
            new String[] {"risk_groups", "coalesce(b.risk_groups, '{}')"},
            new String[] {"custom_tags", "coalesce(b.custom_tags, '{}')"});

    /** A dirty month: its end, and when it was last marked (a mark after that must not be lost). */
    public record Dirty(LocalDate monthEnd, OffsetDateTime since, OffsetDateTime firstMarked) {
    }

    public List<Dirty> dirtyMonths(Connection c) throws SQLException {
        List<Dirty> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select month_end, since, first_marked from dirty_month order by month_end")) {
            while (rs.next()) {
                out.add(new Dirty(rs.getObject("month_end", LocalDate.class), rs.getObject("since", OffsetDateTime.class),
                        rs.getObject("first_marked", OffsetDateTime.class)));
            }
        }
        return out;
    }

    /**
     * Places the loans without a cell (new, or whose borrower's labels changed) and creates the cells
     * and rollups they need. Returns the earliest cohort among them, or null when there were none:
     * every refreshed month from there on must be refreshed again.
     */
    public LocalDate assignCells(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // loans of relabelled borrowers lose their cell here, in the refresher's own transaction
            s.executeUpdate("with moved as (delete from relabelled_borrower returning borrower_id)"
                    + " update loan set cell_id = null from moved where loan.borrower_id = moved.borrower_id");
            // the refresher runs every second: without a loan to place there is nothing to do (the partial
            // index loan_unassigned answers), instead of two anti-joins over every cell's rollups
            long newCellsAfter;
            try (ResultSet rs = s.executeQuery("select exists (select 1 from loan where cell_id is null),"
                    + " (select coalesce(max(cell_id), 0) from cell)")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
                newCellsAfter = rs.getLong(2);
            }
            s.executeUpdate("insert into cell (" + String.join(", ", CELL_COLUMNS.stream().map(k -> k[0]).toList())
                    + ") select distinct " + String.join(", ", CELL_COLUMNS.stream().map(k -> k[1]).toList())
                    + " from loan l left join borrower b on b.borrower_id = l.borrower_id where l.cell_id is null"
                    + " on conflict do nothing");
            String values = cellValues();
            // a cell gets its rollups in the transaction that creates it: only cells created now can lack them
            s.executeUpdate("insert into rollup (dimension, value) select distinct v.dim, v.val from cell c cross join lateral ("
                    + values + ") v(dim, val) where c.cell_id > " + newCellsAfter
                    + " and not exists (select 1 from cell_rollup r where r.cell_id = c.cell_id)"
                    + " and (v.dim = 'all' or v.val <> '') on conflict do nothing");
            s.executeUpdate("insert into cell_rollup (cell_id, rollup_id) select distinct c.cell_id, r.cell_id from cell c"
                    + " cross join lateral (" + values + ") v(dim, val) join rollup r on r.dimension = v.dim and r.value = v.val"
                    + " where c.cell_id > " + newCellsAfter + " and not exists (select 1 from cell_rollup x where x.cell_id = c.cell_id)");
            String match = String.join(" and ", CELL_COLUMNS.stream().map(k -> "c." + k[0] + " = " + k[1]).toList());
            try (ResultSet rs = s.executeQuery("with placed as (update loan x set cell_id = c.cell_id from loan l"
                    + " left join borrower b on b.borrower_id = l.borrower_id join cell c on " + match
                    + " where x.loan_id = l.loan_id and x.cell_id is null returning x.cohort) select min(cohort) from placed")) {
                rs.next();
                LocalDate earliest = rs.getObject(1, LocalDate.class);
                // the month refreshes join loans on cell_id is not null: estimates from before the placing
                // (every loan new, none placed) turn their hash joins into nested loops
                s.execute("analyze loan");
                return earliest;
            }
        }
    }

    /** (dimension, value) pairs of a fine cell {@code c}, for a lateral join. */
    private static String cellValues() {
        StringJoiner v = new StringJoiner(", ", "select * from (values ('all', ''), ", ") a");
        for (String[] d : DIMENSIONS) {
            v.add("('" + d[0] + "', c." + d[1] + ")");
        }
        StringBuilder sql = new StringBuilder(v.toString());
        for (String[] d : SET_DIMENSIONS) {
            sql.append(" union all select '").append(d[0]).append("', x from unnest(c.").append(d[1]).append(") x");
        }
        return sql.toString();
    }

    /** Marks every refreshed month from {@code monthEnd} on dirty. */
    public void markRefreshedFrom(Connection c, LocalDate monthEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into dirty_month (month_end) select month_end from cube_month where month_end >= ?
                on conflict (month_end) do update set since = clock_timestamp()""")) {
            ps.setObject(1, monthEnd);
            ps.executeUpdate();
        }
    }

    /**
     * Brings the loans' "first seen" and "first Mn+" month ends up to date with month {@code t}. Returns
     * true when a later month's first was moved to t — the months after t must then be refreshed again.
     */
    public boolean advanceFirsts(Connection c, LocalDate t) throws SQLException {
        StringJoiner later = new StringJoiner(" or ", "(", ")");
        StringJoiner missing = new StringJoiner(" or ", "(", ")");
        StringJoiner set = new StringJoiner(", ");
        later.add("l.first_seen > m.month_end");
        missing.add("l.first_seen is null or l.first_seen > m.month_end");
        set.add("first_seen = least(l.first_seen, m.month_end)");
        for (int n = 1; n <= 7; n++) {
            String col = "first_m" + n;
            String reached = "m.bucket >= " + Bucket.ofCode(n).code();
            later.add("(" + reached + " and l." + col + " > m.month_end)");
            missing.add("(" + reached + " and (l." + col + " is null or l." + col + " > m.month_end))");
            set.add(col + " = case when " + reached + " then least(l." + col + ", m.month_end) else l." + col + " end");
        }
        // the month's own partition, freshly analyzed: this is where a month's refresh starts (CubeRefresh)
        String month = monthTable(c, t, true);
        boolean moved;
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from " + month + " m join loan l on l.loan_id = m.loan_id"
                + " where m.month_end = ? and " + later + ")")) {
            ps.setObject(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                moved = rs.getBoolean(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update loan l set " + set + " from " + month + " m"
                + " where m.month_end = ? and l.loan_id = m.loan_id and " + missing)) {
            ps.setObject(1, t);
            ps.executeUpdate();
        }
        return moved;
    }

    /** Recomputes every cube row of month end {@code t} from the facts; false when the month has no facts. */
    public boolean refreshMonth(Connection c, LocalDate t, long cpdToleranceFen) throws SQLException {
        LocalDate prev = YearMonth.from(t).minusMonths(1).atEndOfMonth();
        for (String table : List.of("month_cube", "transition_cube", "vintage_cube")) {
            update(c, "delete from " + table + " where month_end = ?", t);
        }
        boolean any;
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from month_end where month_end = ?)")) {
            ps.setObject(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                any = rs.getBoolean(1);
            }
        }
        if (!any) {
            update(c, "delete from cube_month where month_end = ?", t);
            return false;
        }
        String month = monthTable(c, t, false);
        String before = monthTable(c, prev, false);
        refreshMonthCube(c, t, prev, month, before, cpdToleranceFen);
        refreshTransitions(c, t, prev, month, before);
        refreshVintage(c, t, month);
        update(c, "insert into cube_month (month_end, refreshed_at) values (?, clock_timestamp())"
                + " on conflict (month_end) do update set refreshed_at = excluded.refreshed_at", t);
        return true;
    }

    private void refreshMonthCube(Connection c, LocalDate t, LocalDate prev, String month, String before, long cpdToleranceFen)
            throws SQLException {
        List<String> names = new ArrayList<>(List.of("loans", "balance", "overdue_principal", "overdue_interest"));
        List<String> sums = new ArrayList<>(List.of("count(*)", "sum(m.outstanding_fen)", "sum(m.overdue_principal_fen)",
                "sum(m.overdue_interest_fen)"));
        String cpdBucket = "case when m.overdue_principal_fen + m.overdue_interest_fen < " + cpdToleranceFen
                + " then " + Bucket.C.code() + " else m.bucket end";
        for (Bucket b : Bucket.values()) {
            names.add("n_b" + b.code());
            sums.add("count(*) filter (where m.bucket = " + b.code() + ")");
            names.add("bal_b" + b.code());
            sums.add("coalesce(sum(m.outstanding_fen) filter (where m.bucket = " + b.code() + "), 0)");
            names.add("op_b" + b.code());
            sums.add("coalesce(sum(m.overdue_principal_fen) filter (where m.bucket = " + b.code() + "), 0)");
            names.add("cpd_n_b" + b.code());
            sums.add("count(*) filter (where " + cpdBucket + " = " + b.code() + ")");
            names.add("cpd_bal_b" + b.code());
            sums.add("coalesce(sum(m.outstanding_fen) filter (where " + cpdBucket + " = " + b.code() + "), 0)");
        }
        for (FiveTierGrade g : FiveTierGrade.values()) {
            names.add("n_g" + g.code());
            sums.add("count(*) filter (where m.grade = " + g.code() + ")");
            names.add("bal_g" + g.code());
            sums.add("coalesce(sum(m.outstanding_fen) filter (where m.grade = " + g.code() + "), 0)");
        }
        String newBad = "m.dpd >= " + PortfolioRatios.DPD_91_PLUS + " and (p.dpd is null or p.dpd < " + PortfolioRatios.DPD_91_PLUS + ")";
        for (String[] flag : List.of(new String[] {"restructured", "m.restructured"}, new String[] {"near_m2", "m.near_m2"},
                new String[] {"near_m3", "m.near_m3"}, new String[] {"new_bad", newBad})) {
            names.add("n_" + flag[0]);
            sums.add("count(*) filter (where " + flag[1] + ")");
            names.add("bal_" + flag[0]);
            sums.add("coalesce(sum(m.outstanding_fen) filter (where " + flag[1] + "), 0)");
        }
        String cols = String.join(", ", names);
        update(c, "insert into month_cube (month_end, cell_id, " + cols + ") " + inSegmentOrder("select m.month_end, l.cell_id, "
                + String.join(", ", sums) + " from " + month + " m join loan l on l.loan_id = m.loan_id"
                + " left join " + before + " p on p.month_end = ? and p.loan_id = m.loan_id"
                + " where m.month_end = ? and l.cell_id is not null group by m.month_end, l.cell_id"), prev, t);
        rollUp(c, "month_cube", "month_end", names, t);
    }

    private void refreshTransitions(Connection c, LocalDate t, LocalDate prev, String month, String before) throws SQLException {
        List<String> names = List.of("loans", "bal_prev", "bal_cur", "n_due", "n_missed");
        // payment due in the month: an installment of the schedule in force falls in it (monthly
        // schedules), or the loan missed one during it (DOMAIN.md's inflow counts only loans C at the start)
        String missed = "(e.loan_id is not null and p.bucket = " + Bucket.C.code() + ")";
        String due = "(" + missed + " or (l.first_due <= ? and l.last_due >= ?))";
        update(c, "insert into transition_cube (month_end, cell_id, from_bucket, to_column, " + String.join(", ", names) + ") "
                + inSegmentOrder("select ?::date, l.cell_id, p.bucket,"
                + " case when m.loan_id is not null then m.bucket"
                + " when l.written_off_on > p.month_end and l.written_off_on <= ?::date then " + Column.WRITTEN_OFF.code()
                + " else " + Column.SETTLED.code() + " end,"
                + " count(*), sum(p.outstanding_fen), coalesce(sum(m.outstanding_fen), 0),"
                + " count(*) filter (where " + due + "), count(*) filter (where " + missed + ")"
                + " from " + before + " p join loan l on l.loan_id = p.loan_id"
                + " left join " + month + " m on m.month_end = ?::date and m.loan_id = p.loan_id"
                + " left join (select distinct loan_id from delinquency_entry where as_of > ?::date and as_of <= ?::date) e"
                // on the loan alone (a hash join); whether the loan was C at the start is in the sums
                + "   on e.loan_id = p.loan_id"
                + " where p.month_end = ?::date and l.cell_id is not null group by 2, 3, 4"),
                t, t, t, t.withDayOfMonth(1), t, prev, t, prev);
        rollUp(c, "transition_cube", "month_end, from_bucket, to_column", names, t);
    }

    private void refreshVintage(Connection c, LocalDate t, String month) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        StringJoiner any = new StringJoiner(" or ");
        for (int n = 1; n <= 7; n++) {
            names.add("bal_m" + n);
            sums.add("coalesce(sum(m.outstanding_fen) filter (where m.bucket >= " + Bucket.ofCode(n).code() + "), 0)");
        }
        for (int n = 1; n <= 7; n++) {
            names.add("new_m" + n);
            sums.add("count(*) filter (where l.first_m" + n + " = m.month_end)");
        }
        any.add("m.bucket >= " + Bucket.M1.code());
        update(c, "insert into vintage_cube (month_end, cohort, cell_id, " + String.join(", ", names) + ") "
                + inSegmentOrder("select m.month_end, l.cohort, l.cell_id, " + String.join(", ", sums)
                + " from " + month + " m join loan l on l.loan_id = m.loan_id"
                + " where m.month_end = ? and l.cell_id is not null and (" + any + ")"
                + " group by m.month_end, l.cohort, l.cell_id"), t);
        rollUp(c, "vintage_cube", "month_end, cohort", names, t);
    }

    /**
     * The fine rows of {@code select} (which has a {@code cell_id} column), written in the order of their
     * cells' industry, region and size: a month's rows of one industry × region segment then lie on a
     * few neighbouring pages, which is what a filter over several dimensions reads (industry × region
     * is the seed's own question). Without it each cell's row sat on a page of its own.
     */
    private static String inSegmentOrder(String select) {
        return "select x.* from (" + select + ") x join cell k on k.cell_id = x.cell_id order by k.section, k.province,"
                + " k.size_class, k.prefecture, k.division, k.customer_type, k.product, k.channel, k.term_band, k.rate_band,"
                + " x.cell_id";
    }

    /** The vintage denominators, whole: loans of each cohort seen at a month end, per cell and rollup. */
    public void refreshCohorts(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from cohort_cube");
            s.executeUpdate("insert into cohort_cube (cohort, cell_id, loans, disbursed) select cohort, cell_id, count(*),"
                    + " sum(principal_fen) from loan where first_seen is not null and cell_id is not null group by 1, 2");
            s.executeUpdate("insert into cohort_cube (cohort, cell_id, loans, disbursed) select f.cohort, r.rollup_id,"
                    + " sum(f.loans), sum(f.disbursed) from cohort_cube f join cell_rollup r on r.cell_id = f.cell_id"
                    + " group by 1, 2");
        }
    }

    /** Adds the rollup rows of month {@code t} to {@code table}, summed from its fine rows. */
    private static void rollUp(Connection c, String table, String keys, List<String> measures, LocalDate t) throws SQLException {
        String sums = String.join(", ", measures.stream().map(m -> "sum(f." + m + ")").toList());
        String fKeys = String.join(", ", List.of(keys.split(", ")).stream().map(k -> "f." + k).toList());
        update(c, "insert into " + table + " (" + keys + ", cell_id, " + String.join(", ", measures) + ") select "
                + fKeys + ", r.rollup_id, " + sums + " from " + table + " f join cell_rollup r on r.cell_id = f.cell_id"
                + " where f.month_end = ? group by " + fKeys + ", r.rollup_id", t);
    }

    /**
     * The table a month's facts are read from: its partition of month_end (the statements keep their
     * month_end condition), or month_end itself when the month has none. Reading the partition rather
     * than the partitioned table gives the planner the partition's statistics: the partitioned table
     * has none (autovacuum never analyzes it), so a join of two months was estimated at 200,000 ×
     * 200,000 rows and planned as nested loops — EXPLAIN ANALYZE of one month's transition insert, 200,000
     * loans: 138-152 s, 1.2 billion rows compared in a join filter. {@code analyze}: ANALYZE the
     * partition first (a partition filled since the last autovacuum has no statistics of its own either).
     */
    private static String monthTable(Connection c, LocalDate monthEnd, boolean analyze) throws SQLException {
        String partition = FactStore.partition(monthEnd);
        try (Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("select to_regclass('" + partition + "') is not null")) {
                rs.next();
                exists = rs.getBoolean(1);
            }
            if (!exists) {
                return "month_end";
            }
            if (analyze) {
                s.execute("analyze " + partition);
            }
            return partition;
        }
    }


    public void clearDirty(Connection c, Dirty d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from dirty_month where month_end = ? and since = ?")) {
            ps.setObject(1, d.monthEnd());
            ps.setObject(2, d.since());
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
