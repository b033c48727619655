package dev.loanwatch.platform.error;

/**
 * One bad field of a request, row or message: the field's path (e.g. {@code schedule[3].principalDue},
 * {@code $} for the record as a whole) and why, in words a person can act on.
 */
public record FieldError(String field, String message) {
}
