package dev.loanwatch.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * De-duplication of consumed events on their event id, in the same transaction as their effect:
 * an event is applied only when {@link #firstSeen} says it is new, and its id is recorded by that
 * same call — so the effect and the record of it commit (or roll back) together, and a redelivered
 * event (a crash before the offset commit, a rebalance, a replay) changes nothing. For Hibernate
 * Reactive see {@link ReactiveConsumedEvents}.
 */
@ApplicationScoped
public class ConsumedEvents {
    private static final String INSERT = "insert into consumed_event (consumer, event_id) select ?, unnest(?::uuid[]) "
            + "on conflict do nothing returning event_id";

    /**
     * Records the ids for {@code consumer} and returns those seen for the first time; call inside the
     * JDBC transaction that applies them and apply only those.
     */
    public Set<UUID> firstSeen(Connection c, String consumer, Collection<UUID> eventIds) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }
}
