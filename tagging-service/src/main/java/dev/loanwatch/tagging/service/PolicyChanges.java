package dev.loanwatch.tagging.service;

import dev.loanwatch.platform.audit.AuditEntryEntity;
import dev.loanwatch.tagging.entity.BackfillJobEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What every change of the policy does in its own transaction: an audit entry, a new policy version
 * (every pod reloads), and — when many borrowers may be affected — a backfill job.
 */
final class PolicyChanges {
    private PolicyChanges() {
    }

    static Uni<Void> record(String actor, String action, String subject, String detail) {
        return AuditEntryEntity.of(actor, action, subject, detail).persist()
                .chain(() -> Panache.getSession())
                .chain(s -> s.createNativeQuery("update policy_state set version = version + 1").executeUpdate())
                .replaceWithVoid();
    }

    /** As {@link #record}, plus a backfill of every borrower; returns the job. */
    static Uni<BackfillJobEntity> recordAndBackfill(String actor, String action, String subject, String detail) {
        BackfillJobEntity job = BackfillJobEntity.request(action + " " + subject, actor);
        return record(actor, action, subject, detail).chain(() -> job.persist()).replaceWith(job);
    }
}
