package dev.loanwatch.tagging.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An analyst's override of one label (tag_override); revoked, never deleted. */
@Entity
@Table(name = "tag_override")
public class TagOverrideEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "borrower_id")
    public String borrowerId;
    /** INDUSTRY or SIZE ({@code OverriddenLabel}'s name) */
    public String label;
    public String value;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoke_reason")
    public String revokeReason;
}
