package dev.loanwatch.ingestion.service;

import java.util.HashMap;
import java.util.Map;

/**
 * Idempotency inside a chunk: each record's id is judged against the content hashes already
 * stored and against the records accepted earlier in the same chunk.
 */
final class Replays {
    enum Verdict { NEW, REPLAY, CONFLICT }

    private final Map<String, String> known;

    Replays(Map<String, String> stored) {
        this.known = new HashMap<>(stored);
    }

    Verdict judge(String id, String contentHash) {
        String existing = known.get(id);
        if (existing == null) {
            return Verdict.NEW;
        }
        return existing.equals(contentHash) ? Verdict.REPLAY : Verdict.CONFLICT;
    }

    /** Call once the record is going to be stored, so a later copy in the chunk is a replay. */
    void accepted(String id, String contentHash) {
        known.put(id, contentHash);
    }
}
