package dev.loanwatch.tagging.rest;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.tagging.entity.TagOverrideEntity;
import dev.loanwatch.tagging.mapping.TagsView;
import dev.loanwatch.tagging.repository.TagReads;
import dev.loanwatch.tagging.service.OverrideService;
import dev.loanwatch.tagging.service.TagRequests;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A borrower's labels, the analysts' overrides of them, and the review list. */
@Path("/borrowers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "borrowers", description = "Labels per borrower and analysts' overrides")
public class BorrowerTagsResource {
    private final TagReads reads;
    private final OverrideService overrides;
    private final SecurityIdentity identity;

    public BorrowerTagsResource(TagReads reads, OverrideService overrides, SecurityIdentity identity) {
        this.reads = reads;
        this.overrides = overrides;
        this.identity = identity;
    }

    public record RevokeRequest(String reason) {
    }

    @GET
    @Path("/{id}/tags")
    @Operation(summary = "The borrower's labels as last published on tagging.borrower-tags, each with its source")
    public Uni<TagsView> tags(@PathParam("id") String id) {
        return reads.tags(TagRequests.id(id, "id")).map(TagsView::of);
    }

    @GET
    @Path("/{id}/overrides")
    @Operation(summary = "Every override of the borrower, newest first, revoked ones included (who, when, why)")
    public Uni<List<TagOverrideEntity>> overrides(@PathParam("id") String id) {
        return overrides.history(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/overrides")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Override a label (INDUSTRY: a GB/T 4754 code; SIZE: LARGE/MEDIUM/SMALL/MICRO) with a reason; "
            + "replaces the active override of that label; the borrower is re-tagged and republished")
    public Uni<Response> override(@PathParam("id") String id, OverrideService.OverrideRequest request) {
        return overrides.set(id, request, Actors.of(identity))
                .map(o -> Response.created(URI.create("/borrowers/" + id + "/overrides/" + o.id)).entity(o).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/overrides/{overrideId}/revoke")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Revoke an override (kept in the history with who, when and why); the borrower is re-tagged")
    public Uni<TagOverrideEntity> revoke(@PathParam("id") String id, @PathParam("overrideId") String overrideId,
                                         RevokeRequest request) {
        return overrides.revoke(id, TagRequests.uuid(overrideId, "overrideId"), request == null ? null : request.reason(), Actors.of(identity));
    }

    @GET
    @Path("/review")
    @Operation(summary = "Borrowers whose industry needs an analyst: low-confidence inference, a suspect or missing code (paged by id)")
    public Uni<List<TagReads.ReviewItem>> review(@QueryParam("after") String after,
                                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw RejectedException.invalid("limit", "must be 1 to 1000");
        }
        return reads.reviews(after == null || after.isEmpty() ? null : TagRequests.id(after, "after"), limit);
    }
}
