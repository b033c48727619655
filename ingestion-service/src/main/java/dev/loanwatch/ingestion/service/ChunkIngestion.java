package dev.loanwatch.ingestion.service;

import java.util.List;

/**
 * Stores a chunk of records of one type in one transaction and says what became of each. The
 * REST endpoints (a chunk of one), the batch importer and the Kafka consumers all go through it,
 * so they accept, replay and reject exactly alike.
 */
public interface ChunkIngestion<C, V> {
    List<Outcome<V>> ingest(List<C> commands);
}
