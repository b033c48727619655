package dev.loanwatch.scoring.entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One uploaded model version (model_version): its ONNX file, its card, its status. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String version;
    public String kind;
    /** the ONNX file, read with the row: a registry lists tens of versions of a few hundred kB */
    public byte[] onnx;
    public String card;
    public String sha256;
    @Enumerated(EnumType.STRING)
    public ModelStatus status;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
}
