package dev.loanwatch.simulator.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic loan application (进件) in its state at the end of the simulation. {@code loan} is
 * the loan disbursed from it (null if none); {@code newApplicant} says its borrower was generated
 * for it (an applicant who is not one of the book's borrowers). {@link #revisions()} are the records
 * a lender sends for it, in order: received, decided, linked to its loan.
 */
public record SimApplication(int index, String id, SimBorrower borrower, boolean newApplicant, Product product, String channel,
                             LocalDate appliedOn, BigDecimal amount, int termMonths, Decision decision, LocalDate decidedOn,
                             Route route, boolean deviation, List<String> ruleHits, ModelDecision model, Integer modelScore,
                             RejectReason rejectReason, String riskGrade, SimLoan loan) {

    public enum Decision { APPROVED, REJECTED, PENDING, CANCELLED }

    public enum Route { MACHINE, MANUAL }

    public enum ModelDecision { NOT_SCORED, PASS, REJECT }

    /** One record the lender sends, on {@code on}: the application as it stands that day. */
    public record Revision(LocalDate on, SimApplication application, Decision decision, LocalDate decidedOn, Route route,
                           boolean linked) {
    }

    /**
     * While it waits (received on an earlier day than decided, or still pending at the end) the
     * application is PENDING, routed MANUAL only once a person has it; the decision follows on its
     * day, and the link to the loan on the disbursement day, after the loan.
     */
    public List<Revision> revisions() {
        List<Revision> out = new ArrayList<>(3);
        if (decision == Decision.PENDING || decidedOn.isAfter(appliedOn)) {
            out.add(new Revision(appliedOn, this, Decision.PENDING, null, route == Route.MANUAL ? Route.MANUAL : null, false));
        }
        if (decision != Decision.PENDING) {
            out.add(new Revision(decidedOn, this, decision, decidedOn, route, false));
        }
        if (loan != null) {
            out.add(new Revision(loan.terms().disbursementDate(), this, decision, decidedOn, route, true));
        }
        return out;
    }

    /** Approved or rejected: reviewed by the rules, the model or a person. */
    public boolean decided() {
        return decision == Decision.APPROVED || decision == Decision.REJECTED;
    }
}
