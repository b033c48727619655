package dev.loanwatch.tagging.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.tagging.entity.BackfillJobEntity;
import dev.loanwatch.tagging.entity.TagRuleEntity;
import dev.loanwatch.tagging.entity.TagRuleVersionEntity;
import dev.loanwatch.tagging.entity.VersionKey;
import dev.loanwatch.tagging.rules.ConditionParser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Custom-tag rules: each write makes a new, immutable version (the condition validated first);
 * activating a version (or deactivating the rule) is audited and starts a backfill that re-tags the
 * borrowers, whose progress {@code GET /backfills/{id}} shows.
 */
@ApplicationScoped
public class RuleService {
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public record RuleDraft(String name, String description, JsonNode condition) {
    }

    public record RuleView(String code, Integer activeVersion, String createdBy, Instant createdAt,
                           List<TagRuleVersionEntity> versions) {
    }

    /** Writes version n+1 of the rule (version 1 creates it); it is not active until activated. */
    public Uni<TagRuleVersionEntity> write(String code, RuleDraft draft, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit"));
        }
        if (draft == null) {
            throw RejectedException.invalid("$", "a body {name, description, condition} is required");
        }
        TagRequests.words(draft.name(), "name", 100).ifPresent(errors::add);
        if (draft.description() != null) {
            TagRequests.words(draft.description(), "description", 2000).ifPresent(errors::add);
        }
        try {
            ConditionParser.parse(draft.condition(), "condition");
        } catch (RejectedException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw RejectedException.invalid(errors);
        }
        return Panache.withTransaction(() -> TagRuleEntity.<TagRuleEntity>findById(code)
                .chain(rule -> {
                    if (rule != null) {
                        return Uni.createFrom().item(rule);
                    }
                    TagRuleEntity created = new TagRuleEntity();
                    created.code = code;
                    created.createdBy = actor;
                    created.createdAt = Instant.now();
                    return created.persist().replaceWith(created);
                })
                .chain(rule -> TagRuleVersionEntity.<TagRuleVersionEntity>find("code = ?1 order by version desc", code).<TagRuleVersionEntity>firstResult())
                .chain(max -> {
                    TagRuleVersionEntity v = new TagRuleVersionEntity();
                    v.code = code;
                    v.version = max == null ? 1 : max.version + 1;
                    v.name = draft.name().strip();
                    v.description = draft.description();
                    v.condition = draft.condition().toString();
                    v.createdBy = actor;
                    v.createdAt = Instant.now();
                    return v.persist().replaceWith(v);
                })
                .call(v -> dev.loanwatch.platform.audit.AuditEntryEntity.of(actor, "RULE_VERSION_WRITTEN",
                        "rule " + code, "version " + v.version + ": " + v.condition).persist()));
    }

    public Uni<BackfillJobEntity> activate(String code, int version, String actor) {
        return Panache.withTransaction(() -> rule(code)
                .chain(rule -> TagRuleVersionEntity.<TagRuleVersionEntity>findById(new VersionKey(code, version))
                        .chain(v -> {
                            if (v == null) {
                                return Uni.createFrom().failure(new RejectedException(Rejection.notFound("version",
                                        "rule " + code + " has no version " + version)));
                            }
                            rule.activeVersion = version;
                            return PolicyChanges.recordAndBackfill(actor, "RULE_ACTIVATED", "rule " + code, "version " + version);
                        })));
    }

    public Uni<BackfillJobEntity> deactivate(String code, String actor) {
        return Panache.withTransaction(() -> rule(code).chain(rule -> {
            if (rule.activeVersion == null) {
                return Uni.createFrom().failure(new RejectedException(Rejection.conflict("rule " + code + " is not active")));
            }
            Integer was = rule.activeVersion;
            rule.activeVersion = null;
            return PolicyChanges.recordAndBackfill(actor, "RULE_DEACTIVATED", "rule " + code, "was version " + was);
        }));
    }

    public Uni<RuleView> get(String code) {
        return Panache.withSession(() -> rule(code).chain(rule -> TagRuleVersionEntity.<TagRuleVersionEntity>find(
                        "code = ?1 order by version", code).list()
                .map(versions -> new RuleView(rule.code, rule.activeVersion, rule.createdBy, rule.createdAt, versions))));
    }

    public Uni<List<TagRuleEntity>> list() {
        return Panache.withSession(() -> TagRuleEntity.<TagRuleEntity>find("order by code").list());
    }

    private static Uni<TagRuleEntity> rule(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Uni.createFrom().failure(new RejectedException(Rejection.notFound("code", "no custom-tag rule " + Text.visible(code))));
        }
        return TagRuleEntity.<TagRuleEntity>findById(code).onItem().ifNull().failWith(
                () -> new RejectedException(Rejection.notFound("code", "no custom-tag rule " + code)));
    }
}
