package dev.loanwatch.tagging.rules;

/** An active custom-tag rule: borrowers whose labels satisfy {@code condition} carry the tag {@code code}. */
public record TagRule(String code, String name, int version, Condition condition) {
}
