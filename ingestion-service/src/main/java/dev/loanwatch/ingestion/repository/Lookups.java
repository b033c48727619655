package dev.loanwatch.ingestion.repository;

import dev.loanwatch.platform.jdbc.Bulk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the stored records say of a chunk's ids, in one round trip (idempotency: content hashes, links). */
final class Lookups {
    private Lookups() {
    }

    /** id → content hash of those of {@code ids} stored in {@code table} (idempotency). */
    static Map<String, String> contentHashes(Connection c, String table, Collection<String> ids) throws SQLException {
        return lookup(c, table, "id", "content_hash", ids);
    }

    /** {@code keyColumn} → {@code valueColumn} of the rows of {@code table} whose key is one of {@code keys}. */
    static Map<String, String> lookup(Connection c, String table, String keyColumn, String valueColumn,
                                      Collection<String> keys) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + keyColumn + ", " + valueColumn + " from " + table
                + " where " + keyColumn + " = any(?)")) {
            ps.setArray(1, Bulk.texts(c, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(keyColumn), rs.getString(valueColumn));
                }
            }
        }
        return out;
    }
}
