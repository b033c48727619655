package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.domain.Installment;
import dev.loanwatch.domain.LoanTerms;
import dev.loanwatch.domain.RepaymentMethod;
import dev.loanwatch.domain.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A loan contract. The schedule is generated from the terms unless the lender supplies its own,
 * which is then validated against the terms (numbering, dates, principal adding up).
 */
public record LoanCommand(String id, String borrowerId, String product, String channel, LoanTerms terms,
                          List<Installment> suppliedSchedule) {

    public static final Set<String> FIELDS = Set.of("id", "borrowerId", "product", "channel", "disbursementDate",
            "principal", "annualRate", "termMonths", "method", "dueDay", "schedule");
    static final Set<String> INSTALLMENT_FIELDS = Set.of("number", "dueDate", "principalDue", "interestDue");

    public static final BigDecimal MAX_RATE = new BigDecimal("0.36");

    public static LoanCommand parse(JsonNode node) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", true);
        String borrowerId = f.id("borrowerId", true);
        String product = f.id("product", true);
        String channel = f.id("channel", true);
        LocalDate disbursed = f.date("disbursementDate", true);
        BigDecimal principal = f.positiveMoney("principal", true);
        BigDecimal rate = f.fraction("annualRate", true, BigDecimal.ZERO, MAX_RATE, "0–0.36 (0–36 %)");
        Integer term = f.integer("termMonths", true, 1, 360);
        RepaymentMethod method = f.enumValue("method", RepaymentMethod.class, true);
        Integer dueDay = f.integer("dueDay", false, 1, 31);
        List<Fields> rows = f.objects("schedule", INSTALLMENT_FIELDS);
        List<Installment> supplied = null;
        if (rows != null) {
            supplied = new ArrayList<>(rows.size());
            for (Fields r : rows) {
                Integer n = r.integer("number", true, 1, 360);
                LocalDate due = r.date("dueDate", true);
                BigDecimal p = r.money("principalDue", true);
                BigDecimal i = r.money("interestDue", true);
                if (n != null && due != null && p != null && i != null) {
                    supplied.add(new Installment(n, due, p, i));
                }
            }
        }
        f.check();
        int day = dueDay != null ? dueDay : disbursed.getDayOfMonth();
        LoanTerms terms = new LoanTerms(principal, rate, term, method, disbursed, day);
        if (supplied != null) {
            List<String> problems = Schedule.validate(terms, supplied);
            for (String p : problems) {
                f.error("schedule", p);
            }
            f.check();
        }
        return new LoanCommand(id, borrowerId, product, channel, terms, supplied);
    }

    public List<Installment> schedule() {
        return suppliedSchedule != null ? suppliedSchedule : Schedule.generate(terms);
    }

    public String contentHash() {
        StringBuilder sb = new StringBuilder(String.join("\u001f", id, borrowerId, product, channel,
                terms.disbursementDate().toString(), terms.principal().toPlainString(),
                terms.annualRate().toPlainString(), String.valueOf(terms.termMonths()), terms.method().name(),
                String.valueOf(terms.dueDay())));
        if (suppliedSchedule != null) {
            for (Installment i : suppliedSchedule) {
                sb.append('\u001e').append(i.number()).append(',').append(i.dueDate()).append(',')
                        .append(i.principalDue().toPlainString()).append(',').append(i.interestDue().toPlainString());
            }
        }
        return ContentHash.sha256(sb.toString());
    }
}
