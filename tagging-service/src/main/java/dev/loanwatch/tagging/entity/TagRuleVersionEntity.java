package dev.loanwatch.tagging.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a rule (tag_rule_version): versions are never changed, a change is a new version. */
@Entity
@Table(name = "tag_rule_version")
@IdClass(VersionKey.class)
public class TagRuleVersionEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Id
    public int version;
    public String name;
    public String description;
    /** the condition as JSON */
    public String condition;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

}
