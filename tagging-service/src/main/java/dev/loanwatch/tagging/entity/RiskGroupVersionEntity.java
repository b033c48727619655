package dev.loanwatch.tagging.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a risk-sector group (risk_group_version); the highest version of a code is in force. */
@Entity
@Table(name = "risk_group_version")
@IdClass(VersionKey.class)
public class RiskGroupVersionEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Id
    public int version;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String[] industries;
    public String why;
    public boolean retired;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

}
