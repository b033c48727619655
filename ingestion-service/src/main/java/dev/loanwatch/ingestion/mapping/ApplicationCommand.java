package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A loan application (进件) as a lender sends it, in any of its versions: received (PENDING),
 * decided, cancelled, linked to the loan disbursed from it. The rules that hold within one record
 * are checked here; those that need the book (borrower, loan, earlier revision) by the service.
 */
public record ApplicationCommand(String id, String borrowerId, String product, String channel, LocalDate appliedOn,
                                 BigDecimal amount, int termMonths, Decision decision, LocalDate decidedOn, Route route,
                                 boolean deviation, List<String> ruleHits, ModelDecision modelDecision, Integer modelScore,
                                 String rejectReason, String riskGrade, String loanId) {

    public enum Decision implements StoredCode {
        APPROVED("APPROVED"), REJECTED("REJECTED"), PENDING("PENDING"),
        /** Withdrawn by the applicant (or lapsed) before a loan was disbursed. */
        CANCELLED("CANCELLED");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** Approved or rejected: somebody (or the machine) decided. */
        public boolean decided() {
            return this == APPROVED || this == REJECTED;
        }
    }

    /** Who decided: the rules and the model alone (机审), or a person (人工). */
    public enum Route implements StoredCode {
        MACHINE("MACHINE"), MANUAL("MANUAL");

        private final String code;

        Route(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public enum ModelDecision implements StoredCode {
        NOT_SCORED("NOT_SCORED"), PASS("PASS"), REJECT("REJECT");

        private final String code;

        ModelDecision(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public static final Set<String> FIELDS = Set.of("id", "borrowerId", "product", "channel", "appliedOn", "amount",
            "termMonths", "decision", "decidedOn", "route", "deviation", "ruleHits", "modelDecision", "modelScore",
            "rejectReason", "riskGrade", "loanId");

    static final int MAX_RULE_HITS = 100;

    public static ApplicationCommand parse(JsonNode node) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", true);
        String borrowerId = f.id("borrowerId", true);
        String product = f.id("product", true);
        String channel = f.id("channel", true);
        LocalDate appliedOn = f.date("appliedOn", true);
        BigDecimal amount = f.positiveMoney("amount", true);
        Integer term = f.integer("termMonths", true, 1, 600);
        Decision decision = f.enumValue("decision", Decision.class, true);
        boolean pending = decision == Decision.PENDING;
        LocalDate decidedOn = f.date("decidedOn", decision != null && !pending);
        Route route = f.enumValue("route", Route.class, decision != null && decision.decided());
        Boolean deviation = f.flag("deviation", false);
        List<String> ruleHits = f.ids("ruleHits", MAX_RULE_HITS);
        ModelDecision model = f.enumValue("modelDecision", ModelDecision.class, false);
        Integer score = f.integer("modelScore", false, 0, 1_000_000);
        String rejectReason = f.id("rejectReason", decision == Decision.REJECTED);
        String riskGrade = f.code("riskGrade", false, 8);
        String loanId = f.id("loanId", false);
        if (pending && decidedOn != null) {
            f.error("decidedOn", "must be empty while the decision is PENDING");
        }
        if (decidedOn != null && appliedOn != null && decidedOn.isBefore(appliedOn)) {
            f.error("decidedOn", "is before appliedOn " + appliedOn);
        }
        if (rejectReason != null && decision != null && decision != Decision.REJECTED) {
            f.error("rejectReason", "is given only when the decision is REJECTED, not " + decision);
        }
        if (Boolean.TRUE.equals(deviation) && decision != null && decision != Decision.APPROVED) {
            f.error("deviation", "can be true only when the decision is APPROVED (违例核准), not " + decision);
        }
        if (loanId != null && decision != null && decision != Decision.APPROVED) {
            f.error("loanId", "a loan is disbursed only from an APPROVED application, this one is " + decision);
        }
        if (score != null && (model == null || model == ModelDecision.NOT_SCORED)) {
            f.error("modelScore", "is given only when modelDecision is PASS or REJECT");
        }
        f.check();
        return new ApplicationCommand(id, borrowerId, product, channel, appliedOn, amount, term, decision, decidedOn,
                route, Boolean.TRUE.equals(deviation), ruleHits, model == null ? ModelDecision.NOT_SCORED : model, score,
                rejectReason, riskGrade, loanId);
    }

    /** What "the same content" means for idempotency: the same id and every field alike. */
    public String contentHash() {
        return ContentHash.sha256(String.join("\u001f", id, borrowerId, product, channel, appliedOn.toString(),
                amount.toPlainString(), String.valueOf(termMonths), decision.code(), String.valueOf(decidedOn),
                route == null ? "null" : route.code(), String.valueOf(deviation), String.join(";", ruleHits),
                modelDecision.code(), String.valueOf(modelScore), String.valueOf(rejectReason),
                String.valueOf(riskGrade), String.valueOf(loanId)));
    }

    /** The date the record's latest fact belongs to: the decision's, or the application's while none. */
    public LocalDate businessDate() {
        return decidedOn != null ? decidedOn : appliedOn;
    }
}
