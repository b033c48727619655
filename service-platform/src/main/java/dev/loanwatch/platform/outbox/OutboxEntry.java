package dev.loanwatch.platform.outbox;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the change behind it.
 * {@code payload} may be null when the service renders the event at publish time
 * ({@link OutboxRenderer}); {@code refDate} is the business date such an event refers to.
 */
public record OutboxEntry(UUID eventId, String topic, String key, String eventType, byte[] payload, LocalDate refDate) {

    /** An event whose payload is complete now (the usual case). */
    public static OutboxEntry of(UUID eventId, String topic, String key, String eventType, byte[] payload) {
        return new OutboxEntry(eventId, topic, key, eventType, payload, null);
    }
}
