package dev.loanwatch.ingestion.repository;

import java.time.LocalDate;
import java.util.UUID;

/** An event waiting to be published: written in the same transaction as the change behind it. */
public record OutboxEntry(UUID eventId, String topic, String key, String eventType, byte[] payload, LocalDate refDate) {
}
