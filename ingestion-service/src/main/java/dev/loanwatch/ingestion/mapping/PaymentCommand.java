package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** A repayment received on a loan; its id is the idempotency key. */
public record PaymentCommand(String id, String loanId, LocalDate valueDate, BigDecimal amount) {

    public static final Set<String> FIELDS = Set.of("id", "loanId", "valueDate", "amount");

    public static PaymentCommand parse(JsonNode node) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", true);
        String loanId = f.id("loanId", true);
        LocalDate valueDate = f.date("valueDate", true);
        BigDecimal amount = f.positiveMoney("amount", true);
        f.check();
        return new PaymentCommand(id, loanId, valueDate, amount);
    }

    public String contentHash() {
        return ContentHash.sha256(String.join("\u001f", id, loanId, valueDate.toString(), amount.toPlainString()));
    }
}
