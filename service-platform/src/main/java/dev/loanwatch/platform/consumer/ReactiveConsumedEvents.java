package dev.loanwatch.platform.consumer;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@link ConsumedEvents} inside a Hibernate Reactive transaction. Not a CDI bean, so a service
 * without Hibernate Reactive never loads it.
 */
public final class ReactiveConsumedEvents {
    private ReactiveConsumedEvents() {
    }

    /**
     * Inside {@code Panache.withTransaction(...)}: true when the event is new for {@code consumer}
     * (it is now recorded as consumed, and is forgotten again if the transaction rolls back).
     */
    public static Uni<Boolean> firstSeen(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery("insert into consumed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId)
                .executeUpdate().map(n -> n == 1);
    }
}
