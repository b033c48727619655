package dev.loanwatch.platform.app;

import dev.loanwatch.platform.consumer.ConsumedEvents;
import dev.loanwatch.platform.consumer.IncomingBatches;
import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer built the way the recipe says: each record has an event id (header {@code event-id}),
 * the batch is applied in one JDBC transaction together with its event ids; a value "reject:…" is a
 * rejection, "poison" always throws, "flaky-N" fails transiently N times.
 */
@ApplicationScoped
public class NoteConsumer {
    public static final String DEAD_LETTER = "platform-test.notes-in.dead-letter";

    private final IncomingBatches batches;
    private final ConsumedEvents consumed;
    private final AgroalDataSource dataSource;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public NoteConsumer(IncomingBatches batches, ConsumedEvents consumed, AgroalDataSource dataSource) {
        this.batches = batches;
        this.consumed = consumed;
        this.dataSource = dataSource;
    }

    @Incoming("notes-in")
    @Blocking(ordered = true)
    public void notes(ConsumerRecords<String, String> records) {
        batches.process(DEAD_LETTER, records, this::apply);
    }

    private List<String> apply(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> reasons = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UUID> ids = records.stream().map(NoteConsumer::eventId).toList();
                Set<UUID> fresh = consumed.firstSeen(c, "notes", ids);
                for (ConsumerRecord<String, String> r : records) {
                    String v = r.value();
                    if (v.equals("poison")) {
                        throw new IllegalArgumentException("cannot digest " + v);
                    }
                    if (v.startsWith("flaky-") && failures.computeIfAbsent(r.key(), k -> new AtomicInteger())
                            .getAndIncrement() < Integer.parseInt(v.substring(6))) {
                        throw new SQLTransientConnectionException("connection reset", "08006");
                    }
                    if (v.startsWith("reject:")) {
                        reasons.add("INVALID: " + v.substring(7));
                        continue;
                    }
                    reasons.add(null);
                    if (fresh.contains(eventId(r))) {
                        // a counter, not an upsert: applying an event twice would show
                        try (PreparedStatement ps = c.prepareStatement(
                                "insert into note (id, text) values (?, ?) on conflict (id) do update set text = note.text || '+' || excluded.text")) {
                            ps.setObject(1, UUID.nameUUIDFromBytes(r.key().getBytes(StandardCharsets.UTF_8)));
                            ps.setString(2, v);
                            ps.executeUpdate();
                        }
                    }
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return reasons;
    }

    private static UUID eventId(ConsumerRecord<String, String> r) {
        return UUID.fromString(new String(r.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8));
    }
}
