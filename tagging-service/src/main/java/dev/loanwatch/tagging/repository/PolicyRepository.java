package dev.loanwatch.tagging.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.domain.RiskSectorGroup;
import dev.loanwatch.tagging.model.LabelOverride;
import dev.loanwatch.tagging.model.OverriddenLabel;
import dev.loanwatch.tagging.model.Policy;
import dev.loanwatch.tagging.model.RiskGroupDefinition;
import dev.loanwatch.tagging.rules.ConditionParser;
import dev.loanwatch.tagging.rules.TagRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the policy (risk groups in force, active rules, active overrides) as one consistent snapshot. */
@ApplicationScoped
public class PolicyRepository {
    private final ObjectMapper mapper;

    public PolicyRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public long version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from policy_state");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The policy as of the caller's transaction (read it in one, so the parts agree). */
    public Policy load(Connection c) throws SQLException {
        long version = version(c);
        List<RiskGroupDefinition> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct on (code) code, version, name_zh, name_en, industries, why, retired
                from risk_group_version order by code, version desc""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean("retired")) {
                    groups.add(new RiskGroupDefinition(new RiskSectorGroup(rs.getString("code"), rs.getString("name_zh"),
                            rs.getString("name_en"), Arrays.asList((String[]) rs.getArray("industries").getArray()),
                            rs.getString("why")), rs.getInt("version")));
                }
            }
        }
        List<TagRule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select v.code, v.version, v.name, v.condition from tag_rule r
                join tag_rule_version v on v.code = r.code and v.version = r.active_version order by v.code""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    rules.add(new TagRule(rs.getString("code"), rs.getString("name"), rs.getInt("version"),
                            ConditionParser.parse(mapper.readTree(rs.getString("condition")), "condition")));
                } catch (IOException e) {
                    throw new IllegalStateException("stored condition of rule " + rs.getString("code") + " is not JSON", e);
                }
            }
        }
        Map<String, List<LabelOverride>> overrides = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, borrower_id, label, value, reason, created_by, created_at from tag_override
                where revoked_at is null""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LabelOverride o = new LabelOverride(rs.getObject("id", UUID.class), rs.getString("borrower_id"),
                        OverriddenLabel.valueOf(rs.getString("label")), rs.getString("value"), rs.getString("reason"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
                overrides.computeIfAbsent(o.borrowerId(), k -> new ArrayList<>()).add(o);
            }
        }
        return new Policy(version, groups, rules, overrides);
    }
}
