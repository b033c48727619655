package dev.loanwatch.simulator.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loanwatch.simulator.behaviour.SimPayment;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;

/**
 * The simulated records in ingestion's input shape (the same for REST bodies, NDJSON lines,
 * CSV rows and Kafka values): field names, money as plain decimal strings, ISO dates. The
 * simulator's truth (true industry, latent risk) is not in them.
 */
public final class Records {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Records() {
    }

    public static ObjectNode borrower(SimBorrower b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", b.id());
        n.put("type", b.type());
        n.put("name", b.name());
        n.put("identityNumber", b.identityNumber());
        n.put("regionCode", b.regionCode());
        if (b.reportedIndustryCode() != null) {
            n.put("industryCode", b.reportedIndustryCode());
        }
        if (b.businessScope() != null) {
            n.put("businessScope", b.businessScope());
        }
        if (b.employees() != null) {
            n.put("employees", b.employees());
        }
        if (b.annualRevenue() != null) {
            n.put("annualRevenue", b.annualRevenue().toPlainString());
        }
        if (b.totalAssets() != null) {
            n.put("totalAssets", b.totalAssets().toPlainString());
        }
        return n;
    }

    public static ObjectNode loan(SimLoan l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", l.id());
        n.put("borrowerId", l.borrower().id());
        n.put("product", l.product().code);
        n.put("channel", l.channel());
        n.put("disbursementDate", l.terms().disbursementDate().toString());
        n.put("principal", l.terms().principal().toPlainString());
        n.put("annualRate", l.terms().annualRate().stripTrailingZeros().toPlainString());
        n.put("termMonths", l.terms().termMonths());
        n.put("method", l.terms().method().name());
        n.put("dueDay", l.terms().dueDay());
        return n;
    }

    /** An application as it stands on the revision's day. */
    public static ObjectNode application(SimApplication.Revision rev) {
        SimApplication a = rev.application();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.id());
        n.put("borrowerId", a.borrower().id());
        n.put("product", a.product().code);
        n.put("channel", a.channel());
        n.put("appliedOn", a.appliedOn().toString());
        n.put("amount", a.amount().toPlainString());
        n.put("termMonths", a.termMonths());
        n.put("decision", rev.decision().name());
        if (rev.decidedOn() != null) {
            n.put("decidedOn", rev.decidedOn().toString());
        }
        if (rev.route() != null) {
            n.put("route", rev.route().name());
        }
        if (a.deviation() && rev.decision() == SimApplication.Decision.APPROVED) {
            n.put("deviation", true);
        }
        if (!a.ruleHits().isEmpty()) {
            ArrayNode hits = n.putArray("ruleHits");
            a.ruleHits().forEach(hits::add);
        }
        n.put("modelDecision", a.model().name());
        if (a.modelScore() != null) {
            n.put("modelScore", a.modelScore());
        }
        if (rev.decision() == SimApplication.Decision.REJECTED) {
            n.put("rejectReason", a.rejectReason().code);
        }
        n.put("riskGrade", a.riskGrade());
        if (rev.linked()) {
            n.put("loanId", a.loan().id());
        }
        return n;
    }

    public static final String PAYMENT_HEADER = "id,loanId,valueDate,amount";

    public static String paymentCsv(SimPayment p) {
        return p.id() + "," + p.loanId() + "," + p.valueDate() + "," + p.amount().toPlainString();
    }

    public static String json(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
