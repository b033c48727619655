package dev.loanwatch.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.BorrowerCommand;
import dev.loanwatch.ingestion.mapping.InvalidInputException;
import dev.loanwatch.ingestion.mapping.LoanCommand;
import dev.loanwatch.ingestion.mapping.PaymentCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw records of one type → parsed → stored in one transaction; one rejection or outcome per
 * record, in order. Shared by the batch importer and the Kafka consumers.
 */
@ApplicationScoped
public class Ingestion {
    private final BorrowerService borrowers;
    private final LoanService loans;
    private final PaymentService payments;

    public Ingestion(BorrowerService borrowers, LoanService loans, PaymentService payments) {
        this.borrowers = borrowers;
        this.loans = loans;
        this.payments = payments;
    }

    /** @return per record: null when stored or replayed, else why it was rejected */
    @SuppressWarnings("unchecked")
    public List<Rejection> ingest(RecordType type, List<JsonNode> records) {
        List<Rejection> result = new ArrayList<>(records.size());
        List<Object> commands = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (JsonNode node : records) {
            try {
                commands.add(type.parser.apply(node));
                positions.add(result.size());
                result.add(null);
            } catch (InvalidInputException e) {
                result.add(Rejection.invalid(e.errors()));
            }
        }
        if (commands.isEmpty()) {
            return result;
        }
        List<? extends Outcome<?>> outcomes = switch (type) {
            case BORROWERS -> borrowers.ingest((List<BorrowerCommand>) (List<?>) commands);
            case LOANS -> loans.ingest((List<LoanCommand>) (List<?>) commands);
            case PAYMENTS -> payments.ingest((List<PaymentCommand>) (List<?>) commands);
        };
        for (int i = 0; i < outcomes.size(); i++) {
            result.set(positions.get(i), outcomes.get(i).rejection());
        }
        return result;
    }
}
