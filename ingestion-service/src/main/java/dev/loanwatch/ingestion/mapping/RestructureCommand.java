package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.domain.RepaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** 重组: the unpaid part of the loan gets new terms from the effective date. */
public record RestructureCommand(String loanId, LocalDate effectiveDate, BigDecimal annualRate, int termMonths,
                                 RepaymentMethod method, Integer dueDay, String reason) {

    public static final Set<String> FIELDS = Set.of("effectiveDate", "annualRate", "termMonths", "method", "dueDay", "reason");

    public static RestructureCommand parse(String loanId, JsonNode node) {
        Fields f = Fields.of(node, FIELDS);
        LocalDate date = f.date("effectiveDate", true);
        BigDecimal rate = f.fraction("annualRate", true, BigDecimal.ZERO, LoanCommand.MAX_RATE, "0–0.36 (0–36 %)");
        Integer term = f.integer("termMonths", true, 1, 360);
        RepaymentMethod method = f.enumValue("method", RepaymentMethod.class, true);
        Integer dueDay = f.integer("dueDay", false, 1, 31);
        String reason = f.text("reason", true, 500);
        f.check();
        return new RestructureCommand(loanId, date, rate, term, method, dueDay, reason);
    }

    public String contentHash() {
        return ContentHash.sha256(String.join("\u001f", loanId, effectiveDate.toString(), annualRate.toPlainString(),
                String.valueOf(termMonths), method.name(), String.valueOf(dueDay), reason));
    }
}
