package dev.loanwatch.tagging.model;

import dev.loanwatch.tagging.rules.TagRule;
import java.util.List;
import java.util.Map;

/**
 * Everything analysts decide that the labels depend on, as of one {@code policy_state.version}:
 * the risk-sector groups in force, the active custom-tag rules and the active overrides by
 * borrower. Immutable; a change of any of them bumps the version and every pod loads a new one.
 */
public record Policy(long version, List<RiskGroupDefinition> riskGroups, List<TagRule> rules,
                     Map<String, List<LabelOverride>> overrides) {

    public Policy {
        riskGroups = List.copyOf(riskGroups);
        rules = List.copyOf(rules);
        overrides = Map.copyOf(overrides);
    }

    public List<LabelOverride> overridesOf(String borrowerId) {
        return overrides.getOrDefault(borrowerId, List.of());
    }
}
