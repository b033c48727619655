package dev.loanwatch.tagging.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A re-tagging job (backfill_job); requested here, worked by {@code Retagging} chunk by chunk. */
@Entity
@Table(name = "backfill_job")
public class BackfillJobEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** PENDING, RUNNING, DONE */
    public String state;
    public long total;
    public long processed;
    public long changed;
    public String cursor;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static BackfillJobEntity request(String reason, String by) {
        BackfillJobEntity job = new BackfillJobEntity();
        job.id = UUID.randomUUID();
        job.reason = reason;
        job.requestedBy = by;
        job.requestedAt = Instant.now();
        job.state = "PENDING";
        return job;
    }
}
