package dev.loanwatch.ingestion.repository;

import dev.loanwatch.ingestion.mapping.ApplicationCommand;

/** A stored application: the lender's record in its latest revision, and the hash of that revision's content. */
public record ApplicationRow(ApplicationCommand application, int revision, String contentHash) {
}
