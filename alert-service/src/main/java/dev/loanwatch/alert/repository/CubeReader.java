package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the cubes (and, where a report needs single loans, the facts) for a segment. */
@ApplicationScoped
public class CubeReader {

    /** One cell of a month's transition cube, summed over the scope. */
    public record Transition(LocalDate monthEnd, int fromBucket, int toColumn, long loans, long balPrev, long balCur,
                             long due, long missed) {
    }

    /** Vintage numerators of a cohort at a month end (bal_m1…7, new_m1…7). */
    public record VintageRow(LocalDate monthEnd, LocalDate cohort, Sums sums) {
    }

    /** A cohort's loans seen at a month end and their disbursed principal. */
    public record CohortRow(LocalDate cohort, long loans, long disbursed) {
    }

    /** The month ends whose cubes are computed, oldest first. */
    public List<LocalDate> months(Connection c) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select month_end from cube_month order by month_end");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, LocalDate.class));
            }
        }
        return out;
    }

    /** Month ends with facts not yet in the cubes. */
    public List<LocalDate> dirtyMonths(Connection c) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select month_end from dirty_month order by month_end");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, LocalDate.class));
            }
        }
        return out;
    }

    /**
     * Resolves a segment. A value of product, channel, risk group or custom tag that no loan of the
     * book has is refused (there is no other list to check it against); a code from a standard's list
     * that no loan has is an empty segment.
     */
    public Scope resolve(Connection c, Segment segment) throws SQLException {
        for (Map.Entry<Dimension, String> e : segment.values().entrySet()) {
            Dimension d = e.getKey();
            if (d == Dimension.PRODUCT || d == Dimension.CHANNEL || d == Dimension.RISK_GROUP || d == Dimension.TAG) {
                if (rollupId(c, d.parameter(), e.getValue()) == null) {
                    throw new RejectedException(Rejection.invalid(d.parameter(),
                            "no loan of the book has " + d.parameter() + " '" + e.getValue() + "'"));
                }
            }
        }
        if (segment.isWholeBook()) {
            Integer all = rollupId(c, "all", "");
            return new Scope(segment, all, new int[0]);
        }
        if (segment.values().size() == 1) {
            Map.Entry<Dimension, String> only = segment.values().entrySet().iterator().next();
            return new Scope(segment, rollupId(c, only.getKey().parameter(), only.getValue()), new int[0]);
        }
        List<String> conditions = new ArrayList<>();
        List<String> params = new ArrayList<>();
        segment.values().forEach((d, v) -> {
            String column = column(d);
            conditions.add(d.multiValued() ? "? = any(" + column + ")" : column + " = ?");
            params.add(v);
        });
        try (PreparedStatement ps = c.prepareStatement("select cell_id from cell where " + String.join(" and ", conditions))) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return new Scope(segment, null, ids.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The cell column of a dimension. */
    public static String column(Dimension d) {
        for (String[] pair : Cubes.DIMENSIONS) {
            if (pair[0].equals(d.parameter())) {
                return pair[1];
            }
        }
        for (String[] pair : Cubes.SET_DIMENSIONS) {
            if (pair[0].equals(d.parameter())) {
                return pair[1];
            }
        }
        throw new IllegalArgumentException("no column for " + d);
    }

    private static Integer rollupId(Connection c, String dimension, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select cell_id from rollup where dimension = ? and value = ?")) {
            ps.setString(1, dimension);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /** The month cube's sums per month end in [from, to] for the scope; months without loans are absent. */
    public Map<LocalDate, Sums> monthSums(Connection c, Scope scope, LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, Sums> out = new TreeMap<>();
        if (scope.isEmpty()) {
            return out;
        }
        String sql = scope.rollupId() != null
                ? "select * from month_cube f where " + scope.cubeCondition("f") + " and f.month_end between ? and ?"
                : "select month_end, " + sumsOf(c, "month_cube", List.of("month_end", "cell_id")) + " from month_cube f where "
                + scope.cubeCondition("f") + " and f.month_end between ? and ? group by month_end";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = scope.bindCube(c, ps, 1);
            ps.setObject(i++, from);
            ps.setObject(i, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject("month_end", LocalDate.class), sums(rs, List.of("month_end", "cell_id")));
                }
            }
        }
        return out;
    }

    /** The transition cube's cells per month end in [from, to] for the scope. */
    public List<Transition> transitions(Connection c, Scope scope, LocalDate from, LocalDate to) throws SQLException {
        List<Transition> out = new ArrayList<>();
        if (scope.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select month_end, from_bucket, to_column, sum(loans), sum(bal_prev),"
                + " sum(bal_cur), sum(n_due), sum(n_missed) from transition_cube f where " + scope.cubeCondition("f")
                + " and month_end between ? and ? group by 1, 2, 3 order by 1, 2, 3")) {
            int i = scope.bindCube(c, ps, 1);
            ps.setObject(i++, from);
            ps.setObject(i, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Transition(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    /** Vintage numerators of every cohort and month end for the scope. */
    public List<VintageRow> vintage(Connection c, Scope scope) throws SQLException {
        List<VintageRow> out = new ArrayList<>();
        if (scope.isEmpty()) {
            return out;
        }
        List<String> keys = List.of("month_end", "cohort", "cell_id");
        try (PreparedStatement ps = c.prepareStatement("select month_end, cohort, " + sumsOf(c, "vintage_cube", keys)
                + " from vintage_cube f where " + scope.cubeCondition("f") + " group by month_end, cohort")) {
            scope.bindCube(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VintageRow(rs.getObject("month_end", LocalDate.class), rs.getObject("cohort", LocalDate.class),
                            sums(rs, keys)));
                }
            }
        }
        return out;
    }

    public List<CohortRow> cohorts(Connection c, Scope scope) throws SQLException {
        List<CohortRow> out = new ArrayList<>();
        if (scope.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select cohort, sum(loans), sum(disbursed) from cohort_cube f where "
                + scope.cubeCondition("f") + " group by cohort order by cohort")) {
            scope.bindCube(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CohortRow(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** The key of a breakdown row of two dimensions: the value of {@code by}, this separator, the value of {@code across}. */
    public static final String ACROSS = "\u001f";

    /**
     * The month cube's sums of one month end per value of {@code by}, within the scope — from the
     * rollups of {@code by} when the scope is the whole book, else from the fine cells.
     */
    public Map<String, Sums> breakdown(Connection c, Scope scope, Dimension by, LocalDate monthEnd) throws SQLException {
        return breakdown(c, scope, by, null, monthEnd);
    }

    /**
     * As {@link #breakdown(Connection, Scope, Dimension, LocalDate)}, per pair of values of {@code by}
     * and {@code across} (keys joined by {@link #ACROSS}) when {@code across} is given — always from
     * the fine cells, where every combination is.
     */
    public Map<String, Sums> breakdown(Connection c, Scope scope, Dimension by, Dimension across, LocalDate monthEnd)
            throws SQLException {
        Map<String, Sums> out = new TreeMap<>();
        if (scope.isEmpty()) {
            return out;
        }
        List<String> keys = List.of("month_end", "cell_id");
        boolean rollups = scope.segment().isWholeBook() && across == null;
        String sql;
        if (rollups) {
            sql = "select r.value as key, " + sumsOf(c, "month_cube", keys) + " from month_cube f join rollup r on r.cell_id = f.cell_id"
                    + " where r.dimension = ? and f.month_end = ? group by r.value";
        } else {
            String key = across == null ? "k.a" : "k.a || '" + ACROSS + "' || k2.b";
            sql = "select " + key + " as key, " + sumsOf(c, "month_cube", keys) + " from month_cube f join cell x on x.cell_id = f.cell_id"
                    + " cross join lateral (select " + valueOf(by) + " as a) k"
                    + (across == null ? "" : " cross join lateral (select " + valueOf(across) + " as b) k2")
                    + " where " + scope.fineCondition("f.cell_id") + " and f.month_end = ? group by 1";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (rollups) {
                ps.setString(i++, by.parameter());
            } else {
                i = scope.bindFine(c, ps, i);
            }
            ps.setObject(i, monthEnd);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("key"), sums(rs, List.of("key")));
                }
            }
        }
        return out;
    }

    /** A fine cell's value(s) of a dimension: the column, or one row per element of a set column. */
    private static String valueOf(Dimension d) {
        return d.multiValued() ? "unnest(x." + column(d) + ")" : "x." + column(d);
    }

    /** The values each dimension has in the read model (its rollups), sorted. */
    public Map<String, List<String>> dimensionValues(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            out.put(d.parameter(), new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement("select dimension, value from rollup order by dimension, value");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> values = out.get(rs.getString(1));
                if (values != null) {
                    values.add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private final Map<String, String> sumLists = new java.util.concurrent.ConcurrentHashMap<>();

    /** "sum(a) as a, sum(b) as b, …" over the table's measure columns (all but {@code keys}). */
    private String sumsOf(Connection c, String table, List<String> keys) throws SQLException {
        String cached = sumLists.get(table);
        if (cached != null) {
            return cached;
        }
        List<String> parts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where false");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i);
                if (!keys.contains(name)) {
                    parts.add("sum(f." + name + ")::bigint as " + name);
                }
            }
        }
        String list = String.join(", ", parts);
        sumLists.put(table, list);
        return list;
    }

    private static Sums sums(ResultSet rs, List<String> keys) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i);
            if (!keys.contains(name) && !name.equals("month_end") && !name.equals("cohort") && !name.equals("cell_id")) {
                values.put(name, rs.getLong(i));
            }
        }
        return new Sums(values);
    }
}
