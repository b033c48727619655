package dev.loanwatch.alert.service;

import dev.loanwatch.alert.repository.LoanColumns;
import dev.loanwatch.alert.repository.LoanColumns.Dated;
import dev.loanwatch.alert.repository.LoanColumns.Labels;
import dev.loanwatch.alert.repository.LoanColumns.Opened;
import dev.loanwatch.alert.repository.LoanColumns.Snapshot;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Fills {@link LoanColumns} from the tables at start, on a thread of its own (the consumers wait for
 * it, the readiness check says DOWN until it is done): borrowers' labels, loans, delinquency entries,
 * then the month-end snapshots, streamed. A month whose table still holds superseded snapshots (a
 * redelivery not yet compacted) is read again newest row first, so the columns hold the newest.
 */
@ApplicationScoped
public class ColumnsLoader {
    private static final Logger LOG = Logger.getLogger(ColumnsLoader.class);
    private static final int CHUNK = 50_000;

    private final AgroalDataSource dataSource;
    private final LoanColumns columns;
    private final Timer loadTimer;

    public ColumnsLoader(AgroalDataSource dataSource, LoanColumns columns, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.loadTimer = Timer.builder("loanwatch_analytics_load_seconds")
                .description("Time to fill the read model's columns from the tables at start").register(registry);
        Gauge.builder("loanwatch_analytics_loans", columns, c -> c.counts()[0])
                .description("Loans in the read model's columns").register(registry);
        Gauge.builder("loanwatch_analytics_month_end_rows", columns, c -> c.counts()[1])
                .description("Month-end snapshots in the read model's columns").register(registry);
    }

    void onStart(@Observes StartupEvent e) {
        Thread loader = new Thread(this::loadUntilDone, "read-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadUntilDone() {
        long started = System.nanoTime();
        while (true) {
            try {
                loadInto(columns);
                long[] n = columns.counts();
                LOG.infof("read model loaded in %d ms: %d loans, %d borrowers, %d month-end rows",
                        (System.nanoTime() - started) / 1_000_000, n[0], n[2], n[1]);
                loadTimer.record(Duration.ofNanos(System.nanoTime() - started));
                columns.markLoaded();
                return;
            } catch (SQLException | RuntimeException ex) {
                // the columns only grow by facts the tables hold, so a retry from the start ends the same
                LOG.warnf("loading the read model failed, retrying from the start in 5 s: %s", ex.getMessage());
                columns.clear();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Fills {@code target} (empty) with every fact the tables hold, as one snapshot of them. */
    public void loadInto(LoanColumns target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            stream(c, "select borrower_id, tags_version, customer_type, section, division, province, prefecture, size_class,"
                    + " risk_groups, custom_tags from borrower", rs -> new Labels(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), strings(rs.getArray(9)),
                    strings(rs.getArray(10))), target::labels);
            List<Dated> writeOffs = new ArrayList<>();
            stream(c, "select loan_id, borrower_id, product, channel, term_band, rate_band, disbursement_date, principal_fen,"
                    + " first_due, last_due, written_off_on from loan", rs -> {
                        LocalDate writtenOff = rs.getObject(11, LocalDate.class);
                        if (writtenOff != null) {
                            writeOffs.add(new Dated(rs.getString(1), writtenOff));
                        }
                        return new Opened(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getLong(8), rs.getObject(9, LocalDate.class),
                                rs.getObject(10, LocalDate.class));
                    }, target::opened);
            target.writtenOff(writeOffs);
            stream(c, "select loan_id, as_of from delinquency_entry", rs -> new Dated(rs.getString(1),
                    rs.getObject(2, LocalDate.class)), target::entries);
            List<LocalDate> monthEnds = new ArrayList<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct month_end from month_end order by 1")) {
                while (rs.next()) {
                    monthEnds.add(rs.getObject(1, LocalDate.class));
                }
            }
            String columnsList = "month_end, loan_id, dpd, bucket, grade, outstanding_fen, overdue_principal_fen,"
                    + " overdue_interest_fen, near_m2, near_m3, restructured, mob";
            for (LocalDate m : monthEnds) {
                List<LocalDate> replaced = new ArrayList<>();
                stream(c, "select " + columnsList + " from month_end where month_end = '" + m + "'", ColumnsLoader::snapshot,
                        chunk -> replaced.addAll(target.snapshots(chunk)));
                if (!replaced.isEmpty()) {
                    stream(c, "select distinct on (loan_id) " + columnsList + " from month_end where month_end = '" + m
                            + "' order by loan_id, seq desc", ColumnsLoader::snapshot, target::snapshots);
                }
                LOG.infof("read model: month end %s loaded", m);
            }
            c.commit();
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> void stream(Connection c, String sql, Row<T> row, Consumer<List<T>> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> chunk = new ArrayList<>(CHUNK);
                while (rs.next()) {
                    chunk.add(row.read(rs));
                    if (chunk.size() == CHUNK) {
                        sink.accept(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                sink.accept(chunk);
            }
        }
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
                rs.getInt(12));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
