package dev.loanwatch.platform.error;

import java.util.List;

/**
 * A rejection thrown out of the service layer; each transport maps it (REST: problem+json,
 * gRPC: status with details). No stack trace is filled: it is an answer, not a fault.
 */
public class RejectedException extends RuntimeException {
    private final Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.reason(), null, false, false);
        this.rejection = rejection;
    }

    /** Fields that break the rules (400 / INVALID_ARGUMENT). */
    public static RejectedException invalid(List<FieldError> errors) {
        return new RejectedException(Rejection.invalid(errors));
    }

    public static RejectedException invalid(String field, String message) {
        return new RejectedException(Rejection.invalid(field, message));
    }

    public Rejection rejection() {
        return rejection;
    }

    public List<FieldError> errors() {
        return rejection.errors();
    }
}
