package dev.loanwatch.tagging.rest;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.audit.AuditEntryEntity;
import dev.loanwatch.tagging.entity.BackfillJobEntity;
import dev.loanwatch.tagging.repository.TagReads;
import dev.loanwatch.tagging.service.TagRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-tagging jobs with their progress, the audit trail, and the book's label mix. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Backfills, audit trail, label mix")
public class BackfillResource {
    private final TagReads reads;
    private final SecurityIdentity identity;

    public BackfillResource(TagReads reads, SecurityIdentity identity) {
        this.reads = reads;
        this.identity = identity;
    }

    public record BackfillRequest(String reason) {
    }

    /** A job with its progress in [0, 1] (processed over the borrowers counted when it started). */
    public record BackfillView(BackfillJobEntity job, double progress) {
        static BackfillView of(BackfillJobEntity j) {
            double p = j.state.equals("DONE") ? 1.0 : j.total == 0 ? 0.0 : Math.min(1.0, (double) j.processed / j.total);
            return new BackfillView(j, p);
        }
    }

    @GET
    @Path("backfills")
    @Operation(summary = "Re-tagging jobs, newest first")
    public Uni<List<BackfillView>> backfills(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw RejectedException.invalid("limit", "must be 1 to 500");
        }
        return Panache.withSession(() -> BackfillJobEntity.<BackfillJobEntity>find("order by requestedAt desc")
                .page(0, limit).list()).map(jobs -> jobs.stream().map(BackfillView::of).toList());
    }

    @GET
    @Path("backfills/{id}")
    @Operation(summary = "A re-tagging job: state, borrowers processed and changed, progress")
    public Uni<BackfillView> backfill(@PathParam("id") String id) {
        UUID uuid = TagRequests.uuid(id, "id");
        return Panache.withSession(() -> BackfillJobEntity.<BackfillJobEntity>findById(uuid))
                .onItem().ifNull().failWith(() -> new RejectedException(Rejection.notFound("id", "no backfill " + id)))
                .map(BackfillView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("backfills")
    @RolesAllowed("admin")
    @Operation(summary = "Re-tag every borrower (e.g. after a classifier upgrade); answers 202 with the job")
    public Uni<Response> backfill(BackfillRequest request) {
        TagRequests.words(request == null ? null : request.reason(), "reason", 500).ifPresent(e -> {
            throw RejectedException.invalid(java.util.List.of(e));
        });
        BackfillJobEntity job = BackfillJobEntity.request(request.reason().strip(), Actors.of(identity));
        return Panache.withTransaction(() -> job.persist()
                        .chain(() -> AuditEntryEntity.of(job.requestedBy, "BACKFILL_REQUESTED", "backfill " + job.id, job.reason).persist()))
                .replaceWith(job).map(TagRuleResource::accepted);
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit trail (overrides, rules, risk groups, backfills), newest first; subject filters, e.g. 'rule high-risk-2026' or a borrower id")
    public Uni<List<AuditEntryEntity>> audit(@QueryParam("subject") String subject,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw RejectedException.invalid("limit", "must be 1 to 1000");
        }
        if (subject != null && !subject.isEmpty()) {
            TagRequests.words(subject, "subject", 200).ifPresent(e -> {
                throw RejectedException.invalid(List.of(e));
            });
        }
        return Panache.withSession(() -> subject == null || subject.isEmpty()
                ? AuditEntryEntity.<AuditEntryEntity>find("order by id desc").page(0, limit).list()
                : AuditEntryEntity.<AuditEntryEntity>find("subject = ?1 order by id desc", subject).page(0, limit).list());
    }

    @GET
    @Path("mix")
    @Operation(summary = "The book's labels in counts: industry source, given-code status, section, division, size, risk group, custom tag")
    public Uni<TagReads.Mix> mix() {
        return reads.mix();
    }
}
