package dev.loanwatch.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes events into the outbox inside the caller's JDBC transaction: one {@code unnest} statement
 * however many events, so a chunk of thousands costs one round trip. The event leaves the service
 * only after that transaction commits (the relay reads committed rows). For Hibernate Reactive and
 * the reactive PostgreSQL client, see {@link ReactiveOutbox}.
 */
@ApplicationScoped
public class OutboxWriter {
    static final String INSERT_ONE = "insert into outbox (event_id, topic, msg_key, event_type, ref_date, payload, traceparent) "
            + "values ($1, $2, $3, $4, $5, $6, $7)";
    private static final String INSERT_MANY = "insert into outbox (event_id, topic, msg_key, event_type, ref_date, payload, traceparent) "
            + "select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bytea[], ?::text[])";

    /** Must be called inside the transaction that made the change. */
    public void add(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] ids = new String[n], topics = new String[n], keys = new String[n], types = new String[n],
                dates = new String[n], payloads = new String[n], traces = new String[n];
        String traceparent = traceparent();
        for (int i = 0; i < n; i++) {
            OutboxEntry e = entries.get(i);
            ids[i] = e.eventId().toString();
            topics[i] = e.topic();
            keys[i] = e.key();
            types[i] = e.eventType();
            dates[i] = e.refDate() == null ? null : e.refDate().toString();
            // bytea in text form: a JDBC array of bytea cannot be bound directly
            payloads[i] = e.payload() == null ? null : "\\x" + HexFormat.of().formatHex(e.payload());
            traces[i] = traceparent;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_MANY)) {
            int p = 1;
            for (String[] column : new String[][] {ids, topics, keys, types, dates, payloads, traces}) {
                ps.setArray(p++, c.createArrayOf("text", column));
            }
            ps.executeUpdate();
        }
    }

    /** The W3C trace context of the work that caused the event, so the trace continues over Kafka. */
    public static String traceparent() {
        SpanContext ctx = Span.current().getSpanContext();
        if (!ctx.isValid()) {
            return null;
        }
        return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
    }
}
