package dev.loanwatch.ingestion.service;

import dev.loanwatch.ingestion.mapping.FieldError;
import java.util.List;

/**
 * Why a record was not stored. The kind decides the HTTP status (400/404/409) and is the
 * reason carried by a rejected import row or a dead letter.
 */
public record Rejection(Kind kind, String detail, List<FieldError> errors) {

    public enum Kind {
        INVALID(400), UNKNOWN_REFERENCE(404), CONFLICT(409), NOT_ALLOWED(409);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    public static Rejection invalid(List<FieldError> errors) {
        return new Rejection(Kind.INVALID, "the record has invalid fields", errors);
    }

    public static Rejection unknown(String field, String detail) {
        return new Rejection(Kind.UNKNOWN_REFERENCE, detail, List.of(new FieldError(field, detail)));
    }

    public static Rejection conflict(String detail) {
        return new Rejection(Kind.CONFLICT, detail, List.of(new FieldError("id", detail)));
    }

    public static Rejection notAllowed(String field, String detail) {
        return new Rejection(Kind.NOT_ALLOWED, detail, List.of(new FieldError(field, detail)));
    }

    public String reason() {
        StringBuilder sb = new StringBuilder(kind.name()).append(": ").append(detail);
        for (FieldError e : errors) {
            sb.append("; ").append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
