package dev.loanwatch.simulator.book;

import dev.loanwatch.domain.LoanTerms;

/** A synthetic loan contract: the terms ingestion receives, plus which borrower and product. */
public record SimLoan(int index, String id, SimBorrower borrower, Product product, String channel, LoanTerms terms) {
}
