package dev.loanwatch.tagging.service;

import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RiskSectorGroup;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.tagging.entity.BackfillJobEntity;
import dev.loanwatch.tagging.entity.RiskGroupVersionEntity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Risk-sector groups (catering, real estate, …): seeded at first start from the domain core's
 * defaults ({@link RiskSectorGroup#defaults()}, a data file), editable by analysts — each edit a new
 * version, audited, followed by a backfill. A group is retired by a version marked retired.
 */
@ApplicationScoped
public class RiskGroupService {
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final AgroalDataSource dataSource;

    public RiskGroupService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record GroupDraft(String nameZh, String nameEn, List<String> industries, String why) {
    }

    void seed(@Observes @jakarta.annotation.Priority(15) StartupEvent e) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into risk_group_version (code, version, name_zh, name_en, industries, why, created_by, created_at)
                     select ?, 1, ?, ?, ?, ?, 'reference-data', now()
                     where not exists (select 1 from risk_group_version where code = ?)""")) {
            for (RiskSectorGroup g : RiskSectorGroup.defaults()) {
                ps.setString(1, g.code());
                ps.setString(2, g.nameZh());
                ps.setString(3, g.nameEn());
                ps.setArray(4, c.createArrayOf("text", g.industries().toArray()));
                ps.setString(5, g.why());
                ps.setString(6, g.code());
                ps.addBatch();
            }
            int inserted = java.util.Arrays.stream(ps.executeBatch()).sum();
            if (inserted > 0) {
                // a pod that loaded the policy before the seed must see the groups
                c.createStatement().executeUpdate("update policy_state set version = version + 1");
            }
        }
    }

    /** Every version of every group, newest first within a code. */
    public Uni<List<RiskGroupVersionEntity>> versions() {
        return Panache.withSession(() -> RiskGroupVersionEntity.<RiskGroupVersionEntity>find("order by code, version desc").list());
    }

    public Uni<BackfillJobEntity> put(String code, GroupDraft draft, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "1-40 characters A-Z, 0-9, '_', starting with a letter"));
        }
        if (draft == null) {
            throw RejectedException.invalid("$", "a body {nameZh, nameEn, industries, why} is required");
        }
        TagRequests.words(draft.nameZh(), "nameZh", 50).ifPresent(errors::add);
        TagRequests.words(draft.nameEn(), "nameEn", 100).ifPresent(errors::add);
        TagRequests.words(draft.why(), "why", 2000).ifPresent(errors::add);
        List<String> industries = draft.industries() == null ? List.of() : draft.industries();
        if (industries.isEmpty() || industries.size() > 500) {
            errors.add(new FieldError("industries", "1-500 GB/T 4754-2017 codes (division, group or class digits)"));
        }
        for (int i = 0; i < industries.size(); i++) {
            String code4754 = industries.get(i);
            if (code4754 == null || code4754.isEmpty() || !Character.isDigit(code4754.charAt(0))
                    || IndustryTaxonomy.find(code4754).isEmpty()) {
                errors.add(new FieldError("industries[" + i + "]", "'" + code4754
                        + "' is not a GB/T 4754-2017 division, group or class code (digits, e.g. 62 or 6210)"));
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedException.invalid(errors);
        }
        return nextVersion(code, actor, v -> {
            v.nameZh = draft.nameZh().strip();
            v.nameEn = draft.nameEn().strip();
            v.industries = industries.stream().distinct().toArray(String[]::new);
            v.why = draft.why().strip();
        }, "RISK_GROUP_WRITTEN");
    }

    public Uni<BackfillJobEntity> retire(String code, String reason, String actor) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new RejectedException(Rejection.notFound("code", "no risk group " + Text.visible(code)));
        }
        OverrideService.reason(reason, "reason").ifPresent(e -> {
            throw RejectedException.invalid(List.of(e));
        });
        return Panache.withTransaction(() -> latest(code).chain(latest -> {
            if (latest == null) {
                return Uni.createFrom().failure(new RejectedException(Rejection.notFound("code", "no risk group " + code)));
            }
            if (latest.retired) {
                return Uni.createFrom().failure(new RejectedException(Rejection.conflict("risk group " + code + " is retired")));
            }
            return Uni.createFrom().nullItem();
        })).chain(() -> nextVersion(code, actor, v -> {
            v.retired = true;
            v.why = reason.strip();
        }, "RISK_GROUP_RETIRED"));
    }

    private Uni<BackfillJobEntity> nextVersion(String code, String actor, java.util.function.Consumer<RiskGroupVersionEntity> fill,
                                               String action) {
        return Panache.withTransaction(() -> latest(code).chain(latest -> {
            RiskGroupVersionEntity v = new RiskGroupVersionEntity();
            v.code = code;
            v.version = latest == null ? 1 : latest.version + 1;
            if (latest != null) {
                v.nameZh = latest.nameZh;
                v.nameEn = latest.nameEn;
                v.industries = latest.industries;
                v.why = latest.why;
            }
            v.createdBy = actor;
            v.createdAt = Instant.now();
            fill.accept(v);
            return v.persist().chain(() -> PolicyChanges.recordAndBackfill(actor, action, "risk group " + code,
                    "version " + v.version + ": " + String.join(",", v.industries)));
        }));
    }

    private static Uni<RiskGroupVersionEntity> latest(String code) {
        return RiskGroupVersionEntity.<RiskGroupVersionEntity>find("code = ?1 order by version desc", code).<RiskGroupVersionEntity>firstResult();
    }
}
