package dev.loanwatch.ingestion.service;

/** A single-record operation (REST) that was rejected; mapped to problem+json. */
public class RejectedException extends RuntimeException {
    private final Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.detail());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
