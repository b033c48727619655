package dev.loanwatch.platform.app;

import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.ReactiveOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * The test service's REST API: notes edited with Hibernate Reactive Panache, each edit publishing
 * an event through the outbox in the same transaction; and each kind of rejection, so the REST
 * mapping can be seen from outside.
 */
@Path("/")
public class NoteResource {
    public static final String TOPIC = "platform-test.notes";

    /** Stores a note and its event; with {@code failAfterEvent} the edit fails after both were written. */
    @POST
    @Path("/notes/{id}")
    public Uni<String> create(@PathParam("id") UUID id, @QueryParam("failAfterEvent") boolean failAfterEvent, String text) {
        OutboxEntry event = OutboxEntry.of(UUID.randomUUID(), TOPIC, id.toString(), "NoteWritten", text.getBytes(StandardCharsets.UTF_8));
        return Panache.withTransaction(() -> Note.of(id, text).persist()
                .chain(Panache::getSession)
                .chain(session -> ReactiveOutbox.add(session, List.of(event)))
                .chain(() -> failAfterEvent
                        ? Uni.createFrom().failure(new RejectedException(Rejection.notAllowed("text", "refused after the event was written")))
                        : Uni.createFrom().item(id.toString())));
    }

    @GET
    @Path("/rejections/{kind}")
    public String reject(@PathParam("kind") String kind) {
        throw new RejectedException(new Rejection(Rejection.Kind.valueOf(kind), "a " + kind + " rejection",
                List.of(new FieldError("text", "must not be empty"))));
    }

    @GET
    @Path("/rejections/boom")
    public String boom() {
        throw new IllegalStateException("a bug with a secret in its message");
    }
}
