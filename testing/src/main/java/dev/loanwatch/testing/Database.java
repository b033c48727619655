package dev.loanwatch.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database a test class's application runs on (the Postgres resource's {@code database} init
 * arg), for what the API does not show: the outbox, stored states, consumed events.
 */
public record Database(String name) {

    public DataSource dataSource() {
        return Postgres.dataSource(name);
    }

    /** The first column of the first row of a query that answers one number. */
    public long count(String sql) {
        try (Connection c = dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
