package dev.loanwatch.tagging.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A custom-tag rule (tag_rule): its code, who made it, which version is active (null: none). */
@Entity
@Table(name = "tag_rule")
public class TagRuleEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "active_version")
    public Integer activeVersion;
}
