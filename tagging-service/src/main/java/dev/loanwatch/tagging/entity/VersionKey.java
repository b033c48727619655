package dev.loanwatch.tagging.entity;

import java.io.Serializable;

/** The key of a versioned record (a rule's or a risk group's versions): its code and version. */
public record VersionKey(String code, int version) implements Serializable {
    public VersionKey() {
        this(null, 0);
    }
}
