package dev.loanwatch.scoring.entity;

/** A model version's place in the registry, stored by name (never by ordinal). */
public enum ModelStatus {
    /** Uploaded and validated; not serving. */
    REGISTERED,
    /** The champion: every score comes from it. */
    ACTIVE,
    /** The challenger: scores the champion's rows for comparison, never answered. */
    SHADOW,
    /** Was active; replaced by another version (a rollback may make it active again). */
    RETIRED
}
