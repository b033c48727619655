package dev.loanwatch.ingestion.repository;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

@ApplicationScoped
public class OutboxRepository {

    /** Must be called inside the transaction that made the change. */
    public void add(Connection c, List<OutboxEntry> entries) throws SQLException {
        String traceparent = traceparent();
        Bulk.of(entries)
                .column(OutboxEntry::eventId).column(OutboxEntry::topic).column(OutboxEntry::key)
                .column(OutboxEntry::eventType).column(OutboxEntry::refDate)
                .column(e -> e.payload() == null ? null : "\\x" + java.util.HexFormat.of().formatHex(e.payload()))
                .column(e -> traceparent)
                .execute(c, "insert into outbox (event_id, topic, msg_key, event_type, ref_date, payload, traceparent) "
                        + "select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bytea[], ?::text[])");
    }

    /** The W3C trace context of the request that caused the event, so the trace continues over Kafka. */
    static String traceparent() {
        SpanContext ctx = Span.current().getSpanContext();
        if (!ctx.isValid()) {
            return null;
        }
        return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
    }
}
