package dev.loanwatch.platform.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Set-based writes: a column per array parameter and one {@code unnest(...)} statement per
 * chunk, so a chunk of thousands of rows is one round trip instead of thousands. Values travel
 * as text arrays and are cast in SQL ({@code ?::date[]}), which keeps the binding uniform; a
 * {@code BigDecimal} travels as its plain string, so no digit is lost.
 */
public final class Bulk<T> {
    private final List<T> rows;
    private final List<Function<T, Object>> columns = new ArrayList<>();

    private Bulk(List<T> rows) {
        this.rows = rows;
    }

    public static <T> Bulk<T> of(List<T> rows) {
        return new Bulk<>(rows);
    }

    public Bulk<T> column(Function<T, Object> value) {
        columns.add(value);
        return this;
    }

    /** Runs {@code sql}, whose first parameters are the columns' arrays in order; returns the update count. */
    public int execute(Connection c, String sql) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Function<T, Object> col : columns) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object v = col.apply(rows.get(i));
                    values[i] = v == null ? null : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
                }
                ps.setArray(p++, c.createArrayOf("text", values));
            }
            return ps.executeUpdate();
        }
    }

    /** A text array parameter. */
    public static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }
}
