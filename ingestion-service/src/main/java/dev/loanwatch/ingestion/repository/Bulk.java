package dev.loanwatch.ingestion.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Set-based writes: a column per array parameter and one {@code unnest(...)} statement per
 * chunk, so a chunk of thousands of rows is one round trip instead of thousands. Values travel
 * as text arrays and are cast in SQL ({@code ?::date[]}), which keeps the binding uniform.
 */
final class Bulk<T> {
    private final List<T> rows;
    private final List<Function<T, Object>> columns = new ArrayList<>();

    private Bulk(List<T> rows) {
        this.rows = rows;
    }

    static <T> Bulk<T> of(List<T> rows) {
        return new Bulk<>(rows);
    }

    Bulk<T> column(Function<T, Object> value) {
        columns.add(value);
        return this;
    }

    /** Runs {@code sql}, whose first parameters are the columns' arrays in order; returns the update count. */
    int execute(Connection c, String sql) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Function<T, Object> col : columns) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object v = col.apply(rows.get(i));
                    values[i] = v == null ? null : (v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString());
                }
                Array a = c.createArrayOf("text", values);
                ps.setArray(p++, a);
            }
            return ps.executeUpdate();
        }
    }

    /** id → content hash of those of {@code ids} stored in {@code table} (idempotency). */
    static java.util.Map<String, String> contentHashes(Connection c, String table, java.util.Collection<String> ids) throws SQLException {
        return lookup(c, table, "id", "content_hash", ids);
    }

    /** {@code keyColumn} → {@code valueColumn} of the rows of {@code table} whose key is one of {@code keys}. */
    static java.util.Map<String, String> lookup(Connection c, String table, String keyColumn, String valueColumn,
                                                java.util.Collection<String> keys) throws SQLException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + keyColumn + ", " + valueColumn + " from " + table
                + " where " + keyColumn + " = any(?)")) {
            ps.setArray(1, texts(c, keys));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(keyColumn), rs.getString(valueColumn));
                }
            }
        }
        return out;
    }

    static Array texts(Connection c, java.util.Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }
}
