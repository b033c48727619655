package dev.loanwatch.ingestion.mapping;

/** One bad field of a request or row: the field's path (e.g. {@code schedule[3].principalDue}) and why. */
public record FieldError(String field, String message) {
}
