package dev.loanwatch.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The outbox writer for services that edit records reactively: inside a Hibernate Reactive (Panache)
 * transaction, or inside a transaction of the reactive PostgreSQL client. The event rows are written
 * on the same connection as the change, so they commit — or roll back — with it.
 *
 * <p>Not a CDI bean, so a service without Hibernate Reactive or the reactive client never loads it.
 */
public final class ReactiveOutbox {
    private ReactiveOutbox() {
    }

    /**
     * Inside {@code Panache.withTransaction(...)} (or any Hibernate Reactive transaction): native
     * inserts through the session, which runs them on the transaction's connection.
     */
    public static Uni<Void> add(Mutiny.Session session, List<OutboxEntry> entries) {
        String traceparent = OutboxWriter.traceparent();
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (OutboxEntry e : entries) {
            chain = chain.chain(() -> session.createNativeQuery(
                            "insert into outbox (event_id, topic, msg_key, event_type, ref_date, payload, traceparent) "
                                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, e.eventId()).setParameter(2, e.topic()).setParameter(3, e.key())
                    .setParameter(4, e.eventType()).setParameter(5, e.refDate()).setParameter(6, e.payload())
                    .setParameter(7, traceparent)
                    .executeUpdate());
        }
        return chain.replaceWithVoid();
    }

    /** Inside {@code pool.withTransaction(connection -> ...)} of the reactive PostgreSQL client. */
    public static Uni<Void> add(SqlClient connection, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String traceparent = OutboxWriter.traceparent();
        List<Tuple> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            rows.add(Tuple.tuple().addValue(e.eventId()).addValue(e.topic()).addValue(e.key()).addValue(e.eventType())
                    .addValue(e.refDate())
                    .addValue(e.payload() == null ? null : io.vertx.core.buffer.Buffer.buffer(e.payload()))
                    .addValue(traceparent));
        }
        return connection.preparedQuery(OutboxWriter.INSERT_ONE).executeBatch(rows).replaceWithVoid();
    }
}
