package dev.loanwatch.ingestion.service;

import dev.loanwatch.domain.AllocationLine;
import dev.loanwatch.ingestion.repository.LoanState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment, how it was allocated, and the loan's balance right after it. */
public record PaymentView(String id, String loanId, LocalDate valueDate, BigDecimal amount,
                          List<AllocationLine> allocation, BigDecimal credit, BigDecimal outstandingPrincipal,
                          LoanState loanState) {
}
