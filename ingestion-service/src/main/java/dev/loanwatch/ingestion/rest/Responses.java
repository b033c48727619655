package dev.loanwatch.ingestion.rest;

import dev.loanwatch.ingestion.service.Outcome;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** 201 with Location when stored now; 200 with the same body when it is a replay of the same content. */
final class Responses {
    private Responses() {
    }

    static <T> Response created(Outcome<T> outcome, String location) {
        T value = outcome.orThrow();
        if (outcome.created()) {
            return Response.created(URI.create(location)).entity(value).build();
        }
        return Response.ok(value).header("Idempotent-Replay", "true").build();
    }

    static <T> Response changed(Outcome<T> outcome) {
        T value = outcome.orThrow();
        return outcome.created() ? Response.ok(value).build() : Response.ok(value).header("Idempotent-Replay", "true").build();
    }
}
