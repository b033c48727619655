package dev.loanwatch.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Implemented by a service (as a CDI bean) whose outbox holds rows without a payload: events that
 * are cheaper to render when they are published than to build with the change — a status change
 * rendered from the service's history table, or one row standing for a million month-end events,
 * streamed page by page. A service whose events are all complete when written needs none.
 */
public interface OutboxRenderer {

    /** A stored outbox row that has no payload. */
    record Row(long id, java.util.UUID eventId, String topic, String key, String eventType,
               java.time.LocalDate refDate, String traceparent, java.time.Instant createdAt, String cursor) {
    }

    /** One event rendered from a row, or one of the many events a streamed row stands for. */
    record Rendered(java.util.UUID eventId, String key, byte[] payload) {
    }

    /** One page of a streamed row: its events, and the key to continue after (null when the row is finished). */
    record Page(List<Rendered> events, String lastKey) {
    }

    /** True when a row of this type stands for many events ({@link #stream}); else one ({@link #render}). */
    boolean streams(String eventType);

    /** The payloads of rows that stand for one event each, by row id; every row must be rendered. */
    Map<Long, byte[]> render(Connection c, List<Row> rows) throws SQLException;

    /**
     * The next at most {@code limit} events of a streamed row after {@code afterKey} ("" at the
     * start), in key order. Event ids must be derived from the row's event id and the key, so a page
     * published twice (after a crash) carries the same ids and consumers drop the copy.
     */
    Page stream(Connection c, Row row, String afterKey, int limit) throws SQLException;
}
