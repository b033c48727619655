package dev.loanwatch.platform.error;

import java.util.List;

/**
 * Why a request or record was not accepted, in the service layer's own words. The transports
 * translate it: REST into RFC 9457 problem+json ({@link dev.loanwatch.platform.rest.ProblemMappers}),
 * gRPC into a status with {@code google.rpc.BadRequest} details
 * ({@link dev.loanwatch.platform.grpc.GrpcErrors}), a batch import into a rejected row, a consumer
 * into a dead letter whose reason is {@link #reason()}.
 */
public record Rejection(Kind kind, String detail, List<FieldError> errors) {

    /** What kind of refusal; each transport maps it to its own code. */
    public enum Kind {
        /** Fields break the rules: REST 400, gRPC INVALID_ARGUMENT. */
        INVALID,
        /** The record (or one it refers to) does not exist: REST 404, gRPC NOT_FOUND. */
        NOT_FOUND,
        /** The same id with different content: REST 409, gRPC ALREADY_EXISTS. */
        CONFLICT,
        /** Not allowed in the record's current state: REST 409, gRPC FAILED_PRECONDITION. */
        NOT_ALLOWED,
        /** The request is larger than the service accepts: REST 413, gRPC RESOURCE_EXHAUSTED. */
        TOO_LARGE,
        /** The service cannot answer yet (starting, loading its state); try again: REST 503, gRPC UNAVAILABLE. */
        UNAVAILABLE
    }

    public Rejection {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Rejection invalid(List<FieldError> errors) {
        return new Rejection(Kind.INVALID, "the record has invalid fields", errors);
    }

    public static Rejection invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Rejection notFound(String field, String detail) {
        return new Rejection(Kind.NOT_FOUND, detail, List.of(new FieldError(field, detail)));
    }

    public static Rejection conflict(String detail) {
        return new Rejection(Kind.CONFLICT, detail, List.of(new FieldError("id", detail)));
    }

    public static Rejection notAllowed(String field, String detail) {
        return new Rejection(Kind.NOT_ALLOWED, detail, List.of(new FieldError(field, detail)));
    }

    public static Rejection tooLarge(String detail) {
        return new Rejection(Kind.TOO_LARGE, detail, List.of());
    }

    public static Rejection unavailable(String detail) {
        return new Rejection(Kind.UNAVAILABLE, detail, List.of());
    }

    /** One line for a dead letter or a log: the kind, the detail and each field's problem. */
    public String reason() {
        StringBuilder sb = new StringBuilder(kind.name()).append(": ").append(detail);
        for (FieldError e : errors) {
            sb.append("; ").append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
