package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;

/** 核销: the lender writes the loan's remaining balance off its books. */
public record WriteOffCommand(String loanId, LocalDate writeOffDate, String reason) {

    public static final Set<String> FIELDS = Set.of("writeOffDate", "reason");

    public static WriteOffCommand parse(String loanId, JsonNode node) {
        Fields f = Fields.of(node, FIELDS);
        LocalDate date = f.date("writeOffDate", true);
        String reason = f.text("reason", true, 500);
        f.check();
        return new WriteOffCommand(loanId, date, reason);
    }

    public String contentHash() {
        return ContentHash.sha256(String.join("\u001f", loanId, writeOffDate.toString(), reason));
    }
}
