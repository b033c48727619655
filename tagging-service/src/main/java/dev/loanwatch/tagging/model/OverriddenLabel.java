package dev.loanwatch.tagging.model;

/**
 * The labels an analyst may override. The stored code is the constant's name (explicit text in
 * {@code tag_override.label}); region and customer type are facts of the loan book, not opinions,
 * so they are corrected there; risk groups and custom tags follow from the industry and the rules.
 */
public enum OverriddenLabel {
    /** value: a GB/T 4754-2017 code (section, division, group or class) */
    INDUSTRY,
    /** value: LARGE, MEDIUM, SMALL or MICRO */
    SIZE
}
