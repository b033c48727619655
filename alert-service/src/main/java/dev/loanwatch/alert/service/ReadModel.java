package dev.loanwatch.alert.service;

import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.repository.CubeReader;
import dev.loanwatch.alert.repository.Scope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens one question to the read model: a read-only connection (one snapshot of the cubes for the
 * whole answer, REPEATABLE READ), the segment resolved, the closed months, and what is pending.
 */
@ApplicationScoped
public class ReadModel {

    /** One question's view of the read model. Close it. */
    public record View(Connection c, Segment segment, Scope scope, List<LocalDate> closed, List<String> pending)
            implements AutoCloseable {

        public Map<String, String> segmentMap() {
            Map<String, String> m = new LinkedHashMap<>();
            segment.values().forEach((d, v) -> m.put(d.parameter(), v));
            return m;
        }

        @Override
        public void close() throws SQLException {
            c.rollback();
            c.close();
        }
    }

    private final AgroalDataSource dataSource;
    private final CubeReader reader;

    public ReadModel(AgroalDataSource dataSource, CubeReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    public View open(Segment segment) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            // for this transaction only, so the pooled connection comes back as it was
            try (var s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            List<LocalDate> closed = reader.months(c);
            List<String> pending = reader.dirtyMonths(c).stream().map(d -> YearMonth.from(d).toString()).toList();
            return new View(c, segment, reader.resolve(c, segment), closed, pending);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
