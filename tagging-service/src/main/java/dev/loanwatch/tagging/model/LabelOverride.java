package dev.loanwatch.tagging.model;

import java.time.Instant;
import java.util.UUID;

/** An analyst's active override of one label of one borrower: it wins over given and inferred values. */
public record LabelOverride(UUID id, String borrowerId, OverriddenLabel label, String value, String reason,
                            String by, Instant at) {
}
