package dev.loanwatch.tagging.service;

import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.tagging.entity.TagOverrideEntity;
import dev.loanwatch.tagging.model.OverriddenLabel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Analysts' overrides: set (replacing the active one of the same label, which is revoked with a
 * pointer to its successor) and revoke; each audited, each re-tags the borrower at once. The
 * override and the borrower's stale mark commit together (Hibernate Reactive); the re-tag follows
 * on a worker thread, and if the pod dies in between, {@link Retagging} finds the stale mark.
 */
@ApplicationScoped
public class OverrideService {
    static final int MAX_REASON = 500;

    private final Retagging retagging;

    public OverrideService(Retagging retagging) {
        this.retagging = retagging;
    }

    public record OverrideRequest(String label, String value, String reason) {
    }

    public Uni<TagOverrideEntity> set(String borrowerId, OverrideRequest request, String actor) {
        TagRequests.id(borrowerId, "borrowerId");
        List<FieldError> errors = new ArrayList<>();
        OverriddenLabel label = null;
        if (request == null) {
            throw RejectedException.invalid("$", "a body {label, value, reason} is required");
        }
        if (request.label() == null || Arrays.stream(OverriddenLabel.values()).noneMatch(l -> l.name().equals(request.label()))) {
            errors.add(new FieldError("label", "must be one of " + Arrays.toString(OverriddenLabel.values())));
        } else {
            label = OverriddenLabel.valueOf(request.label());
        }
        String value = request.value() == null ? "" : request.value().strip();
        if (label == OverriddenLabel.INDUSTRY) {
            if (IndustryTaxonomy.find(value).isEmpty()) {
                errors.add(new FieldError("value", "'" + value + "' is not a GB/T 4754-2017 code"
                        + IndustryCode.problem(value).map(p -> " (" + p + ")").orElse("")));
            } else {
                value = IndustryCode.normalised(value);
            }
        } else if (label == OverriddenLabel.SIZE && !List.of("LARGE", "MEDIUM", "SMALL", "MICRO").contains(value)) {
            errors.add(new FieldError("value", "must be one of LARGE, MEDIUM, SMALL, MICRO"));
        }
        reason(request.reason(), "reason").ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw RejectedException.invalid(errors);
        }
        TagOverrideEntity o = new TagOverrideEntity();
        o.id = UUID.randomUUID();
        o.borrowerId = borrowerId;
        o.label = label.name();
        o.value = value;
        o.reason = request.reason().strip();
        o.createdBy = actor;
        o.createdAt = Instant.now();
        return Panache.withTransaction(() -> requireBorrower(borrowerId)
                        .chain(() -> TagOverrideEntity.<TagOverrideEntity>find(
                                "borrowerId = ?1 and label = ?2 and revokedAt is null", borrowerId, o.label).list())
                        .invoke(previous -> previous.forEach(p -> {
                            p.revokedAt = o.createdAt;
                            p.revokedBy = actor;
                            p.revokeReason = "replaced by override " + o.id;
                        }))
                        .chain(() -> Panache.getSession()).chain(s -> s.flush())
                        .chain(() -> o.persist())
                        .chain(() -> markStale(borrowerId))
                        .chain(() -> PolicyChanges.record(actor, "OVERRIDE_SET", borrowerId,
                                o.label + "=" + o.value + " (" + o.id + "): " + o.reason)))
                .chain(() -> retagNow(borrowerId))
                .replaceWith(o);
    }

    public Uni<TagOverrideEntity> revoke(String borrowerId, UUID overrideId, String reason, String actor) {
        TagRequests.id(borrowerId, "borrowerId");
        reason(reason, "reason").ifPresent(e -> {
            throw RejectedException.invalid(List.of(e));
        });
        return Panache.withTransaction(() -> TagOverrideEntity.<TagOverrideEntity>findById(overrideId)
                        .chain(o -> {
                            if (o == null || !o.borrowerId.equals(borrowerId)) {
                                return Uni.createFrom().failure(new RejectedException(Rejection.notFound("overrideId",
                                        "borrower " + borrowerId + " has no override " + overrideId)));
                            }
                            if (o.revokedAt != null) {
                                return Uni.createFrom().failure(new RejectedException(Rejection.conflict(
                                        "override " + overrideId + " was revoked at " + o.revokedAt + " by " + o.revokedBy)));
                            }
                            o.revokedAt = Instant.now();
                            o.revokedBy = actor;
                            o.revokeReason = reason.strip();
                            return markStale(borrowerId)
                                    .chain(() -> PolicyChanges.record(actor, "OVERRIDE_REVOKED", borrowerId,
                                            o.label + " (" + o.id + "): " + o.revokeReason))
                                    .replaceWith(o);
                        }))
                .call(o -> retagNow(borrowerId));
    }

    /** Every override of the borrower, newest first, revoked ones included. */
    public Uni<List<TagOverrideEntity>> history(String borrowerId) {
        TagRequests.id(borrowerId, "borrowerId");
        return Panache.withSession(() -> TagOverrideEntity.<TagOverrideEntity>find(
                "borrowerId = ?1 order by createdAt desc", borrowerId).list());
    }

    /** A reason is kept in the audit trail: required, at most {@value #MAX_REASON} characters of plain text. */
    static java.util.Optional<FieldError> reason(String reason, String field) {
        return TagRequests.words(reason, field, MAX_REASON);
    }

    private static Uni<Void> requireBorrower(String borrowerId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from borrower where borrower_id = :id", Long.class)
                        .setParameter("id", borrowerId).getSingleResult())
                .chain(n -> n == 0
                        ? Uni.createFrom().failure(new RejectedException(Rejection.notFound("borrowerId",
                                "borrower " + borrowerId + " is not known to tagging (it arrives with loanbook.borrowers)")))
                        : Uni.createFrom().voidItem());
    }

    private static Uni<Integer> markStale(String borrowerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update borrower set stale = true where borrower_id = :id")
                .setParameter("id", borrowerId).executeUpdate());
    }

    private Uni<Void> retagNow(String borrowerId) {
        return Uni.createFrom().item(() -> {
                    try {
                        retagging.retagNow(List.of(borrowerId));
                    } catch (java.sql.SQLException e) {
                        // the stale mark stays; the next poll re-tags
                        throw new IllegalStateException("re-tag of " + borrowerId + " deferred: " + e.getMessage(), e);
                    }
                    return null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
