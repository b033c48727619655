package dev.loanwatch.alert.service;

import dev.loanwatch.alert.config.AnalyticsConfig;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.repository.LoanColumns;
import dev.loanwatch.alert.repository.Scope;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
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
 * Opens one question to the read model: the segment resolved against the columns, the closed months,
 * the months whose facts are still arriving, and — when a question is asked of the tables — a
 * read-only connection (one snapshot of them for the whole answer, REPEATABLE READ).
 */
@ApplicationScoped
public class ReadModel {

    /**
     * One question's view of the read model. Close it. The connection is opened by the first question
     * asked of the tables: most reports only scan the columns.
     */
    public record View(Tables tables, Segment segment, Scope scope, List<LocalDate> closed, List<String> pending)
            implements AutoCloseable {

        public Connection c() throws SQLException {
            return tables.connection();
        }

        public Map<String, String> segmentMap() {
            Map<String, String> m = new LinkedHashMap<>();
            segment.values().forEach((d, v) -> m.put(d.parameter(), v));
            return m;
        }

        @Override
        public void close() throws SQLException {
            tables.close();
        }
    }

    /** A read-only REPEATABLE READ transaction, begun when first needed: one snapshot of the tables for the answer. */
    public static final class Tables implements AutoCloseable {
        private final AgroalDataSource dataSource;
        private Connection connection;

        Tables(AgroalDataSource dataSource) {
            this.dataSource = dataSource;
        }

        Connection connection() throws SQLException {
            if (connection == null) {
                Connection c = dataSource.getConnection();
                try {
                    c.setAutoCommit(false);
                    // for this transaction only, so the pooled connection comes back as it was
                    try (var s = c.createStatement()) {
                        s.execute("set transaction isolation level repeatable read, read only");
                    }
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                connection = c;
            }
            return connection;
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                try {
                    connection.rollback();
                } finally {
                    connection.close();
                    connection = null;
                }
            }
        }
    }

    private final AgroalDataSource dataSource;
    private final SegmentReader reader;
    private final LoanColumns columns;
    private final AnalyticsConfig config;

    public ReadModel(AgroalDataSource dataSource, SegmentReader reader, LoanColumns columns, AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.reader = reader;
        this.columns = columns;
        this.config = config;
    }

    public View open(Segment segment) {
        return open(segment, true);
    }

    /**
     * A view whose segment is not resolved to the book's loans ({@link View#scope()} null): for reports
     * of what is not a loan — the approval funnel counts applications, and a product that only ever
     * had rejected applications is a valid filter there.
     */
    public View openApplications(Segment segment) {
        return open(segment, false);
    }

    private View open(Segment segment, boolean loans) {
        if (!columns.isLoaded()) {
            throw new RejectedException(Rejection.unavailable("the read model is loading its facts; try again shortly"));
        }
        List<LocalDate> closed = reader.months();
        List<String> pending = columns.pending(config.quiet()).stream().map(d -> YearMonth.from(d).toString()).toList();
        return new View(new Tables(dataSource), segment, loans ? reader.resolve(segment) : null, closed, pending);
    }
}
