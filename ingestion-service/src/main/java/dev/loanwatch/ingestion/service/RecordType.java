package dev.loanwatch.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.mapping.BorrowerCommand;
import dev.loanwatch.ingestion.mapping.LoanCommand;
import dev.loanwatch.ingestion.mapping.PaymentCommand;
import java.util.Set;
import java.util.function.Function;

/** The record types a lender feeds in by file or topic, with their parser and fields. */
public enum RecordType {
    BORROWERS(BorrowerCommand.FIELDS, BorrowerCommand::parse),
    LOANS(LoanCommand.FIELDS, LoanCommand::parse),
    PAYMENTS(PaymentCommand.FIELDS, PaymentCommand::parse),
    APPLICATIONS(ApplicationCommand.FIELDS, ApplicationCommand::parse);

    public final Set<String> fields;
    public final Function<JsonNode, Object> parser;

    RecordType(Set<String> fields, Function<JsonNode, Object> parser) {
        this.fields = fields;
        this.parser = parser;
    }

    /** The id a rejected record is reported under (if it could be read). */
    public static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id == null || !id.isValueNode() ? null : id.asText();
    }
}
