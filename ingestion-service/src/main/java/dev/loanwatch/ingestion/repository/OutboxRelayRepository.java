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

    public record PendingEvent(long id, UUID eventId, String topic, String key, String eventType, byte[] payload,
                               String traceparent) {
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

    public List<PendingEvent> next(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, event_id, topic, msg_key, event_type, ref_date, payload, "
                    + "traceparent, created_at from outbox order by id limit ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[]{rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBytes(7), rs.getString(8),
                                rs.getObject(9, OffsetDateTime.class)});
                    }
                }
            }
            Map<String, LoanStatus> statuses = render(c, rows, "LoanStatusChanged", STATUS_SQL);
            Map<String, LoanStatus> snapshots = render(c, rows, "MonthEndSnapshot", SNAPSHOT_SQL);
            List<PendingEvent> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                UUID eventId = (UUID) r[1];
                String type = (String) r[4];
                byte[] payload = (byte[]) r[6];
                if (payload == null) {
                    LocalDate ref = (LocalDate) r[5];
                    var meta = Events.meta(eventId, ref, ((OffsetDateTime) r[8]).toInstant());
                    String k = r[3] + "|" + ref;
                    payload = switch (type) {
                        case "LoanStatusChanged" -> LoanStatusChanged.newBuilder().setMeta(meta).setStatus(required(statuses, k)).build().toByteArray();
                        case "MonthEndSnapshot" -> MonthEndSnapshot.newBuilder().setMeta(meta).setStatus(required(snapshots, k)).build().toByteArray();
                        default -> throw new IllegalStateException("outbox row " + r[0] + " of type " + type + " has no payload");
                    };
                }
                out.add(new PendingEvent((Long) r[0], eventId, (String) r[2], (String) r[3], type, payload, (String) r[7]));
            }
            return out;
        }
    }

    private static LoanStatus required(Map<String, LoanStatus> m, String key) {
        LoanStatus s = m.get(key);
        if (s == null) {
            throw new IllegalStateException("no stored status for " + key);
        }
        return s;
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

    // a snapshot has no "previous": the previous month's snapshot is the comparison, so both are the same here
    private static final String SNAPSHOT_SQL = "select s.loan_id, s.snapshot_date, s.dpd, s.bucket, s.bucket, s.stage, "
            + "s.grade, s.grade, s.outstanding_principal, s.overdue_principal, s.overdue_interest, s.near_m2, "
            + "s.near_m3, s.mob, s.borrower_id, s.product, s.disbursement_date, s.disbursed_principal, s.restructured "
            + "from unnest(?::text[], ?::date[]) k(loan_id, as_of) "
            + "join month_end_snapshot s on s.loan_id = k.loan_id and s.snapshot_date = k.as_of";

    private static Map<String, LoanStatus> render(Connection c, List<Object[]> rows, String type, String sql) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[6] == null && type.equals(r[4])) {
                keys.add((String) r[3]);
                dates.add(r[5].toString());
            }
        }
        Map<String, LoanStatus> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", dates.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate asOf = rs.getObject(2, LocalDate.class);
                    LoanStatus s = LoanStatus.newBuilder()
                            .setLoanId(rs.getString(1)).setAsOf(asOf.toString()).setDpd(rs.getInt(3))
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
                    out.put(s.getLoanId() + "|" + asOf, s);
                }
            }
        }
        return out;
    }
}
