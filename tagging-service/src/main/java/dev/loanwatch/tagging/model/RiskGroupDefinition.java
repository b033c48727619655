package dev.loanwatch.tagging.model;

import dev.loanwatch.domain.RiskSectorGroup;

/** A risk-sector group as it is in force: the domain core's definition and the version that made it so. */
public record RiskGroupDefinition(RiskSectorGroup group, int version) {
}
