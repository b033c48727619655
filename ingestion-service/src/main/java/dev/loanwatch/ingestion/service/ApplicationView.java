package dev.loanwatch.ingestion.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.repository.ApplicationRow;

/** An application as the API shows it: the lender's fields as sent, and the revision they are. */
public record ApplicationView(@JsonUnwrapped ApplicationCommand application, int revision) {

    static ApplicationView of(ApplicationRow r) {
        return new ApplicationView(r.application(), r.revision());
    }
}
