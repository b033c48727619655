package dev.loanwatch.ingestion.repository;

import dev.loanwatch.domain.InstallmentBalance;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One stored installment with what has been paid on it; counts from validFrom until supersededOn. */
public record InstallmentRow(String loanId, int number, LocalDate dueDate, BigDecimal principalDue,
                             BigDecimal interestDue, BigDecimal penaltyDue, BigDecimal principalPaid,
                             BigDecimal interestPaid, BigDecimal penaltyPaid, LocalDate validFrom,
                             LocalDate supersededOn) {

    public InstallmentBalance balance() {
        return new InstallmentBalance(number, dueDate, principalDue, interestDue, penaltyDue, principalPaid,
                interestPaid, penaltyPaid);
    }

    /** Whether the installment belongs to the schedule that was in force at the end of day d. */
    public boolean inForceOn(LocalDate d) {
        return !validFrom.isAfter(d) && (supersededOn == null || supersededOn.isAfter(d));
    }
}
