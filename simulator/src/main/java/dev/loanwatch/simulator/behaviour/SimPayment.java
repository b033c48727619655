package dev.loanwatch.simulator.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A repayment as ingestion receives it. */
public record SimPayment(String id, String loanId, LocalDate valueDate, BigDecimal amount) {
}
