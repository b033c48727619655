package dev.loanwatch.scoring.service;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.audit.AuditEntryEntity;
import dev.loanwatch.scoring.entity.ModelStatus;
import dev.loanwatch.scoring.entity.ModelVersionEntity;
import dev.loanwatch.scoring.mapping.ModelCard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The model registry: upload (the ONNX file and its card, validated by {@link ModelLoader} before a
 * row is written), activation of a version (loaded and checked again, then made the champion in one
 * transaction, then swapped in), rollback to the version active before, the list and the audit. The
 * ONNX work runs on a worker thread; the database work on the event loop (Hibernate Reactive).
 */
@ApplicationScoped
public class Registry {
    private static final Logger LOG = Logger.getLogger(Registry.class);

    private final ModelLoader loader;
    private final ServingModels models;
    private final ShadowComparison comparison;
    private final Vertx vertx;

    public Registry(ModelLoader loader, ServingModels models, ShadowComparison comparison, Vertx vertx) {
        this.loader = loader;
        this.models = models;
        this.comparison = comparison;
        this.vertx = vertx;
    }

    /** A version as the registry lists it (its card separately: {@link #card}). */
    public record Summary(long id, String name, String version, String kind, ModelStatus status, String sha256,
                          String uploadedBy, Instant uploadedAt, Instant activatedAt) {
        static Summary of(ModelVersionEntity e) {
            return new Summary(e.id, e.name, e.version, e.kind, e.status, e.sha256, e.uploadedBy, e.uploadedAt, e.activatedAt);
        }
    }

    public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
    }

    /** An audit entry's subject: "model NAME VERSION". */
    static String subject(String name, String version) {
        return "model " + name + " " + version;
    }

    /** Validates the pair and registers it (not active); 400 naming what is wrong, 409 when name and version exist. */
    public Uni<Summary> upload(byte[] onnx, String cardJson, String actor) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            if (onnx == null || onnx.length == 0) {
                throw new RejectedException(Rejection.invalid("onnx", "the ONNX file is missing or empty"));
            }
            ModelCard card = ModelCard.parse(cardJson);
            loader.load(-1, onnx, card).release();
            return card;
        })).chain(card -> Panache.withTransaction(() -> ModelVersionEntity.count("name = ?1 and version = ?2", card.name(), card.version())
                .chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().failure(new RejectedException(Rejection.conflict(
                                "model " + card.name() + " version " + card.version() + " is already registered")));
                    }
                    ModelVersionEntity e = new ModelVersionEntity();
                    e.name = card.name();
                    e.version = card.version();
                    e.kind = card.kind();
                    e.onnx = onnx;
                    e.card = cardJson;
                    e.sha256 = sha256(onnx);
                    e.status = ModelStatus.REGISTERED;
                    e.uploadedBy = actor;
                    e.uploadedAt = Instant.now();
                    return e.<ModelVersionEntity>persist()
                            .call(() -> AuditEntryEntity.of(actor, "UPLOADED", subject(e.name, e.version),
                                    "kind " + e.kind + ", sha256 " + e.sha256).persist())
                            .map(Summary::of);
                })));
    }

    /** Makes the version the champion: loaded and checked, then stored as ACTIVE (the one before RETIRED), then swapped in. */
    public Uni<Summary> activate(String name, String version, String actor) {
        return change(name, version, actor, "ACTIVATED");
    }

    /** Makes the version active before the current one the champion again. */
    public Uni<Summary> rollback(String name, String actor) {
        return Panache.withSession(() -> ModelVersionEntity.<ModelVersionEntity>find(
                        "name = ?1 and status = ?2 order by activatedAt desc", name, ModelStatus.RETIRED).firstResult())
                .chain(previous -> previous == null
                        ? Uni.createFrom().failure(new RejectedException(Rejection.notFound("name",
                        "model " + name + " has no version that was active before")))
                        : change(name, previous.version, actor, "ROLLED_BACK"));
    }

    private Uni<Summary> change(String name, String version, String actor, String action) {
        return Panache.withSession(() -> find(name, version))
                .chain(e -> e.status == ModelStatus.ACTIVE ? Uni.createFrom().item(Summary.of(e))
                        : serve(e, ModelStatus.ACTIVE, actor, action, "now the champion"));
    }

    /** Sets the version as the challenger in shadow (the one before goes back to REGISTERED); 409 for the champion. */
    public Uni<Summary> shadow(String name, String version, String actor) {
        return Panache.withSession(() -> find(name, version))
                .chain(e -> switch (e.status) {
                    case ACTIVE -> Uni.createFrom().failure(new RejectedException(Rejection.conflict(
                            "model " + name + " " + version + " is the champion: it cannot also score in shadow")));
                    case SHADOW -> Uni.createFrom().item(Summary.of(e));
                    default -> serve(e, ModelStatus.SHADOW, actor, "SHADOWED", "scores the champion's rows for comparison");
                });
    }

    /**
     * Puts a version in a serving role ({@code ACTIVE} or {@code SHADOW}): loaded and checked, then
     * stored in that role in one transaction with its audit entry (the version that held the role
     * before is RETIRED, or REGISTERED for a shadow), then swapped into its slot once committed.
     */
    private Uni<Summary> serve(ModelVersionEntity e, ModelStatus role, String actor, String action, String detail) {
        boolean champion = role == ModelStatus.ACTIVE;
        ModelSlot slot = champion ? models.champion() : models.shadow();
        return vertx.executeBlocking(Uni.createFrom().item(() -> loader.load(e.id, e.onnx, ModelCard.parse(e.card))))
                .chain(loaded -> Panache.withTransaction(() -> ModelVersionEntity.update("status = ?1 where status = ?2",
                                        champion ? ModelStatus.RETIRED : ModelStatus.REGISTERED, role)
                                .chain(() -> find(e.name, e.version))
                                .chain(target -> {
                                    target.status = role;
                                    if (champion) {
                                        target.activatedAt = Instant.now();
                                    }
                                    return AuditEntryEntity.of(actor, action, subject(e.name, e.version), detail).persist()
                                            .map(x -> Summary.of(target));
                                }))
                        .invoke(() -> {
                            slot.swap(loaded);
                            // a promoted challenger leaves the shadow
                            if (champion) {
                                models.shadow().current().filter(m -> m.id() == loaded.id()).ifPresent(m -> models.shadow().swap(null));
                            }
                            restartComparison();
                            LOG.infof("model %s %s: %s by %s", e.name, e.version, action, actor);
                        })
                        .onFailure().invoke(loaded::release));
    }

    /** Makes the challenger in shadow the champion (one call); 404 when none is set. */
    public Uni<Summary> promote(String actor) {
        return Panache.withSession(() -> ModelVersionEntity.<ModelVersionEntity>find("status", ModelStatus.SHADOW).firstResult())
                .chain(s -> s == null
                        ? Uni.createFrom().failure(new RejectedException(Rejection.notFound("shadow", "no model scores in shadow")))
                        : change(s.name, s.version, actor, "PROMOTED"));
    }

    /** Stops the shadow scoring (the version goes back to REGISTERED); nothing when none is set. */
    public Uni<Void> stopShadow(String actor) {
        return Panache.withTransaction(() -> ModelVersionEntity.<ModelVersionEntity>find("status", ModelStatus.SHADOW).firstResult()
                        .chain(s -> {
                            if (s == null) {
                                return Uni.createFrom().voidItem();
                            }
                            s.status = ModelStatus.REGISTERED;
                            return AuditEntryEntity.of(actor, "SHADOW_STOPPED", subject(s.name, s.version), "no longer compared")
                                    .persist().replaceWithVoid();
                        }))
                .invoke(() -> models.shadow().swap(null));
    }

    /** The comparison starts over for the pair being served. */
    private void restartComparison() {
        comparison.restart(models.champion().current().map(m -> m.card().name() + " " + m.card().version()).orElse(null),
                models.shadow().current().map(m -> m.card().name() + " " + m.card().version()).orElse(null));
    }

    public Uni<List<Summary>> list() {
        return Panache.withSession(() -> ModelVersionEntity.<ModelVersionEntity>find("order by name, uploadedAt").list())
                .map(l -> l.stream().map(Summary::of).toList());
    }

    /** The card as it was uploaded. */
    public Uni<String> card(String name, String version) {
        return Panache.withSession(() -> find(name, version)).map(e -> e.card);
    }

    public Uni<List<AuditEntry>> audit() {
        return Panache.withSession(() -> AuditEntryEntity.<AuditEntryEntity>find("order by id").list())
                .map(l -> l.stream().map(a -> new AuditEntry(a.at, a.actor, a.action, a.subject, a.detail)).toList());
    }

    private static Uni<ModelVersionEntity> find(String name, String version) {
        return ModelVersionEntity.<ModelVersionEntity>find("name = ?1 and version = ?2", name, version).firstResult()
                .onItem().ifNull().failWith(() -> new RejectedException(Rejection.notFound("version",
                        "model " + name + " has no version " + version)));
    }

    /** At start the champion (and the challenger in shadow) stored in the registry serve again, checked as on upload. */
    void onStart(@Observes StartupEvent e) throws Throwable {
        List<ModelVersionEntity> serving = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                ModelVersionEntity.<ModelVersionEntity>find("status in ?1", List.of(ModelStatus.ACTIVE, ModelStatus.SHADOW)).list()));
        for (ModelVersionEntity m : serving) {
            (m.status == ModelStatus.ACTIVE ? models.champion() : models.shadow())
                    .swap(loader.load(m.id, m.onnx, ModelCard.parse(m.card)));
            LOG.infof("model %s %s serves as %s", m.name, m.version, m.status == ModelStatus.ACTIVE ? "the champion" : "the shadow");
        }
        if (serving.stream().noneMatch(m -> m.status == ModelStatus.ACTIVE)) {
            LOG.info("no model is active yet: scores answer 503 until one is uploaded and activated");
        }
        restartComparison();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
