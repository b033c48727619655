package dev.loanwatch.ingestion.repository;

import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** The relay's side of the outbox: leadership, reading batches (rendering state-based events), deleting. */
@ApplicationScoped
public class OutboxRelayRepository {
    private static final long RELAY_LOCK = 73010002L;

    public record PendingEvent(UUID eventId, String topic, String key, String eventType, byte[] payload,
                               String traceparent) {
    }

    /** How far a row that stands for many events (a month-end snapshot) has been published. */
    public record Cursor(long outboxId, String lastKey) {
    }

    /**
     * One relay batch: the events to send, the outbox rows they complete (deleted after the Kafka
     * commit) and, when the batch is part of a snapshot, the cursor to store after the commit.
     */
    public record Batch(List<PendingEvent> events, List<Long> done, Cursor cursor) {
        public boolean isEmpty() {
            return events.isEmpty() && done.isEmpty();
        }
    }

    private final AgroalDataSource dataSource;

    public OutboxRelayRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Held while this instance is the one relay; closing it gives leadership up. */
    public static final class Leadership implements AutoCloseable {
        private final Connection connection;

        Leadership(Connection connection) {
            this.connection = connection;
        }

        /** Throws when the session holding the lock is gone (then another instance may lead). */
        public void check() throws SQLException {
            if (!connection.isValid(2)) {
                throw new SQLException("lost the outbox relay lock's session");
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Waits until this instance holds the relay lock; null when {@code keepWaiting} turns false. */
    public Leadership awaitLeadership(BooleanSupplier keepWaiting) throws SQLException, InterruptedException {
        while (keepWaiting.getAsBoolean()) {
            Connection c = dataSource.getConnection();
            boolean got = false;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
                rs.next();
                got = rs.getBoolean(1);
            } finally {
                if (!got) {
                    c.close();
                }
            }
            if (got) {
                return new Leadership(c);
            }
            Thread.sleep(1000);
        }
        return null;
    }

    /**
     * The next batch, in outbox order: either individual events (up to the first snapshot row), or
     * the next {@code limit} loans of the snapshot at the head of the outbox.
     */
    public Batch next(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, event_id, topic, msg_key, event_type, ref_date, payload, "
                    + "traceparent, created_at, cursor from outbox order by id limit ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = {rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBytes(7), rs.getString(8),
                                rs.getObject(9, OffsetDateTime.class), rs.getString(10)};
                        if (SNAPSHOT_BATCH.equals(row[4])) {
                            if (rows.isEmpty()) {
                                return snapshotBatch(c, row, limit);
                            }
                            break;
                        }
                        rows.add(row);
                    }
                }
            }
            Map<String, LoanStatus> statuses = renderStatuses(c, rows);
            List<PendingEvent> out = new ArrayList<>(rows.size());
            List<Long> done = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                UUID eventId = (UUID) r[1];
                String type = (String) r[4];
                byte[] payload = (byte[]) r[6];
                if (payload == null) {
                    if (!"LoanStatusChanged".equals(type)) {
                        throw new IllegalStateException("outbox row " + r[0] + " of type " + type + " has no payload");
                    }
                    LocalDate ref = (LocalDate) r[5];
                    LoanStatus status = statuses.get(r[3] + "|" + ref);
                    if (status == null) {
                        throw new IllegalStateException("no stored status for " + r[3] + " as of " + ref);
                    }
                    payload = LoanStatusChanged.newBuilder().setMeta(Events.meta(eventId, ref, ((OffsetDateTime) r[8]).toInstant()))
                            .setStatus(status).build().toByteArray();
                }
                out.add(new PendingEvent(eventId, (String) r[2], (String) r[3], type, payload, (String) r[7]));
                done.add((Long) r[0]);
            }
            return new Batch(out, done, null);
        }
    }

    public static final String SNAPSHOT_BATCH = "MonthEndSnapshotBatch";

    /** The next loans of a month-end snapshot; each event's id is derived from the row's event id and the loan. */
    private static Batch snapshotBatch(Connection c, Object[] row, int limit) throws SQLException {
        long id = (Long) row[0];
        UUID batchEventId = (UUID) row[1];
        LocalDate date = (LocalDate) row[5];
        String after = row[9] == null ? "" : (String) row[9];
        List<PendingEvent> out = new ArrayList<>(limit);
        String last = after;
        try (PreparedStatement ps = c.prepareStatement(STATUS_COLUMNS_SNAPSHOT
                + " where s.snapshot_date = ? and s.loan_id > ? order by s.loan_id limit ?")) {
            ps.setObject(1, date);
            ps.setString(2, after);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LoanStatus status = status(rs);
                    UUID eventId = UUID.nameUUIDFromBytes((batchEventId + "|" + status.getLoanId()).getBytes(StandardCharsets.UTF_8));
                    byte[] payload = MonthEndSnapshot.newBuilder()
                            .setMeta(Events.meta(eventId, date, ((OffsetDateTime) row[8]).toInstant()))
                            .setStatus(status).build().toByteArray();
                    out.add(new PendingEvent(eventId, (String) row[2], status.getLoanId(), "MonthEndSnapshot", payload, (String) row[7]));
                    last = status.getLoanId();
                }
            }
        }
        if (out.size() < limit) {
            return new Batch(out, List.of(id), null);
        }
        return new Batch(out, List.of(), new Cursor(id, last));
    }

    /**
     * Which database this outbox lives in (name and cluster identifier): part of the checkpoint
     * key, so that a checkpoint written for another database (a restore, two databases on one
     * broker) is never applied to this one.
     */
    public String databaseIdentity() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database() || '@' || (select system_identifier from pg_control_system())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void advance(Cursor cursor) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox set cursor = ? where id = ?")) {
            ps.setString(1, cursor.lastKey());
            ps.setLong(2, cursor.outboxId());
            ps.executeUpdate();
        }
    }

    public void delete(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from outbox where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static final String STATUS_SQL = "select h.loan_id, h.as_of, h.dpd, h.bucket, h.previous_bucket, h.stage, "
            + "h.grade, h.previous_grade, h.outstanding_principal, h.overdue_principal, h.overdue_interest, h.near_m2, "
            + "h.near_m3, h.mob, l.borrower_id, l.product, l.disbursement_date, l.principal, l.restructured "
            + "from unnest(?::text[], ?::date[]) k(loan_id, as_of) "
            + "join loan_status_history h on h.loan_id = k.loan_id and h.as_of = k.as_of join loan l on l.id = h.loan_id";

    // a snapshot has no "previous" of its own: the previous month's snapshot is the comparison
    private static final String STATUS_COLUMNS_SNAPSHOT = "select s.loan_id, s.snapshot_date, s.dpd, s.bucket, s.bucket, "
            + "s.stage, s.grade, s.grade, s.outstanding_principal, s.overdue_principal, s.overdue_interest, s.near_m2, "
            + "s.near_m3, s.mob, s.borrower_id, s.product, s.disbursement_date, s.disbursed_principal, s.restructured "
            + "from month_end_snapshot s";

    private static Map<String, LoanStatus> renderStatuses(Connection c, List<Object[]> rows) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[6] == null && "LoanStatusChanged".equals(r[4])) {
                keys.add((String) r[3]);
                dates.add(r[5].toString());
            }
        }
        Map<String, LoanStatus> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(STATUS_SQL)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", dates.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LoanStatus s = status(rs);
                    out.put(s.getLoanId() + "|" + s.getAsOf(), s);
                }
            }
        }
        return out;
    }

    private static LoanStatus status(ResultSet rs) throws SQLException {
        return LoanStatus.newBuilder()
                .setLoanId(rs.getString(1)).setAsOf(rs.getObject(2, LocalDate.class).toString()).setDpd(rs.getInt(3))
                .setBucket(Bucket.values()[rs.getInt(4)].label())
                .setPreviousBucket(Bucket.values()[rs.getInt(5)].label())
                .setStage(Events.stage(rs.getInt(6)))
                .setGrade(Events.grade(rs.getInt(7))).setPreviousGrade(Events.grade(rs.getInt(8)))
                .setOutstandingPrincipalFen(Fen.of(rs.getBigDecimal(9)))
                .setOverduePrincipalFen(Fen.of(rs.getBigDecimal(10)))
                .setOverdueInterestFen(Fen.of(rs.getBigDecimal(11)))
                .setNearM2(rs.getBoolean(12)).setNearM3(rs.getBoolean(13)).setMob(rs.getInt(14))
                .setBorrowerId(rs.getString(15)).setProduct(rs.getString(16))
                .setDisbursementDate(rs.getObject(17, LocalDate.class).toString())
                .setDisbursedPrincipalFen(Fen.of(rs.getBigDecimal(18)))
                .setRestructured(rs.getBoolean(19))
                // only open loans are closed and snapshotted
                .setLoanState(LoanState.OPEN)
                .build();
    }
}
