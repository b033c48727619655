package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;

/** A JSON body beyond loanwatch.max-json-bytes. */
public class BodyTooLargeException extends RejectedException {
    public BodyTooLargeException(long limit) {
        super(Rejection.tooLarge("the request body is larger than the limit of " + limit
                + " bytes for JSON requests (use /imports for files)"));
    }
}
