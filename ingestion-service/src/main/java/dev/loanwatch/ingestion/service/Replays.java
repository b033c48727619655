package dev.loanwatch.ingestion.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Idempotency inside a chunk: each record's id is judged against the content hashes already
 * stored and against the records accepted earlier in the same chunk. The same content is a replay;
 * other content under a known id is a change, which a record type refuses (a conflict) or stores as
 * its next revision (applications, whose every earlier revision's content is then a replay too).
 */
final class Replays {
    enum Verdict { NEW, REPLAY, CHANGED }

    private final Map<String, Set<String>> known = new HashMap<>();

    /** @param stored id → the content hash of each record stored */
    Replays(Map<String, String> stored) {
        stored.forEach(this::accepted);
    }

    /** @param stored id → the content hashes of every revision stored of each record */
    static Replays ofRevisions(Map<String, ? extends Collection<String>> stored) {
        Replays r = new Replays(Map.of());
        stored.forEach((id, hashes) -> r.known.put(id, new HashSet<>(hashes)));
        return r;
    }

    Verdict judge(String id, String contentHash) {
        Set<String> existing = known.get(id);
        if (existing == null) {
            return Verdict.NEW;
        }
        return existing.contains(contentHash) ? Verdict.REPLAY : Verdict.CHANGED;
    }

    /** Call once the record is going to be stored, so a later copy in the chunk is a replay. */
    void accepted(String id, String contentHash) {
        known.computeIfAbsent(id, k -> new HashSet<>()).add(contentHash);
    }
}
