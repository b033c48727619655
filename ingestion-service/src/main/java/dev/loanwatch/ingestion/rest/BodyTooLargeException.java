package dev.loanwatch.ingestion.rest;

/** A JSON body beyond loanwatch.max-json-bytes. */
public class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes for JSON requests (use /imports for files)");
    }
}
