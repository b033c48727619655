package dev.loanwatch.platform.outbox;

import dev.loanwatch.platform.outbox.OutboxRenderer.Row;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/** The relay's side of the outbox: leadership, reading batches (rendering what needs it), deleting. */
@ApplicationScoped
public class OutboxStore {
    private static final Logger LOG = Logger.getLogger(OutboxStore.class);

    /** An event ready to send. */
    public record PendingEvent(UUID eventId, String topic, String key, String eventType, byte[] payload, String traceparent) {
    }

    /** How far a row that stands for many events has been published. */
    public record Cursor(long outboxId, String lastKey) {
    }

    /**
     * One relay batch: the events to send, the outbox rows they complete (deleted after the Kafka
     * commit) and, while a streamed row is being published, the cursor to store after the commit.
     */
    public record Batch(List<PendingEvent> events, List<Long> done, Cursor cursor) {
        public boolean isEmpty() {
            return events.isEmpty() && done.isEmpty();
        }
    }

    /** Rows waiting and the age of the oldest (seconds; 0 when empty). */
    public record Backlog(long rows, double oldestSeconds) {
    }

    private final AgroalDataSource dataSource;
    private final Instance<OutboxRenderer> renderers;
    private final OutboxConfig config;

    public OutboxStore(AgroalDataSource dataSource, Instance<OutboxRenderer> renderers, OutboxConfig config) {
        this.dataSource = dataSource;
        this.renderers = renderers;
        this.config = config;
    }

    /**
     * Held while this instance is the one relay; closing it gives leadership up. The lock belongs to
     * the database session, and the connection goes back to the pool, not away: so it is unlocked
     * first, or an idle pooled session would keep the lock and no relay could lead again.
     */
    public static final class Leadership implements AutoCloseable {
        private final Connection connection;
        private final long lockKey;

        Leadership(Connection connection, long lockKey) {
            this.connection = connection;
            this.lockKey = lockKey;
        }

        /** Throws when the session holding the lock is gone (then another instance may lead). */
        public void check() throws SQLException {
            if (!connection.isValid(2)) {
                throw new SQLException("lost the outbox relay lock's session", "08003");
            }
        }

        @Override
        public void close() throws SQLException {
            try (connection; PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, lockKey);
                ps.execute();
            } catch (SQLException e) {
                // the session is gone, and its lock with it
                LOG.debugf("releasing the relay lock: %s", e);
            }
        }
    }

    /** Waits until this instance holds the relay lock; null when {@code keepWaiting} turns false. */
    public Leadership awaitLeadership(BooleanSupplier keepWaiting) throws SQLException, InterruptedException {
        while (keepWaiting.getAsBoolean()) {
            Connection c = dataSource.getConnection();
            boolean got = false;
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, config.lockKey());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            } finally {
                if (!got) {
                    c.close();
                }
            }
            if (got) {
                return new Leadership(c, config.lockKey());
            }
            Thread.sleep(1000);
        }
        return null;
    }

    /**
     * The next batch, in outbox order: either single events (up to the first streamed row), or the
     * next {@code limit} events of the streamed row at the head of the outbox.
     */
    public Batch next(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<StoredRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, event_id, topic, msg_key, event_type, ref_date, payload, "
                    + "traceparent, created_at, cursor from outbox order by id limit ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredRow r = new StoredRow(new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                                rs.getString("topic"), rs.getString("msg_key"), rs.getString("event_type"),
                                rs.getObject("ref_date", LocalDate.class), rs.getString("traceparent"),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("cursor")),
                                rs.getBytes("payload"));
                        if (r.payload() == null && renderer(r.row()).streams(r.row().eventType())) {
                            if (rows.isEmpty()) {
                                return streamed(c, r.row(), limit);
                            }
                            break;
                        }
                        rows.add(r);
                    }
                }
            }
            List<Row> toRender = rows.stream().filter(r -> r.payload() == null).map(StoredRow::row).toList();
            Map<Long, byte[]> rendered = toRender.isEmpty() ? Map.of() : renderer(toRender.get(0)).render(c, toRender);
            List<PendingEvent> out = new ArrayList<>(rows.size());
            List<Long> done = new ArrayList<>(rows.size());
            for (StoredRow r : rows) {
                byte[] payload = r.payload() != null ? r.payload() : rendered.get(r.row().id());
                if (payload == null) {
                    throw new IllegalStateException("outbox row " + r.row().id() + " of type " + r.row().eventType()
                            + " has no payload and was not rendered");
                }
                out.add(new PendingEvent(r.row().eventId(), r.row().topic(), r.row().key(), r.row().eventType(), payload,
                        r.row().traceparent()));
                done.add(r.row().id());
            }
            return new Batch(out, done, null);
        }
    }

    private record StoredRow(Row row, byte[] payload) {
    }

    private OutboxRenderer renderer(Row row) {
        if (renderers.isUnsatisfied()) {
            throw new IllegalStateException("outbox row " + row.id() + " of type " + row.eventType()
                    + " has no payload, and this service has no OutboxRenderer");
        }
        return renderers.get();
    }

    private Batch streamed(Connection c, Row row, int limit) throws SQLException {
        String after = row.cursor() == null ? "" : row.cursor();
        OutboxRenderer.Page page = renderer(row).stream(c, row, after, limit);
        List<PendingEvent> out = new ArrayList<>(page.events().size());
        for (OutboxRenderer.Rendered e : page.events()) {
            out.add(new PendingEvent(e.eventId(), row.topic(), e.key(), row.eventType(), e.payload(), row.traceparent()));
        }
        if (page.lastKey() == null) {
            return new Batch(out, List.of(row.id()), null);
        }
        return new Batch(out, List.of(), new Cursor(row.id(), page.lastKey()));
    }

    /**
     * Which database this outbox lives in (name and cluster identifier): part of the checkpoint
     * key, so a checkpoint written for another database (a restore, two databases on one broker)
     * is never applied to this one.
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

    public Backlog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox")) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getDouble(2));
        }
    }
}
