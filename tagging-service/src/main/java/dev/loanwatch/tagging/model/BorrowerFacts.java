package dev.loanwatch.tagging.model;

import dev.loanwatch.contracts.events.v1.BorrowerType;

/**
 * What the labels of a borrower are computed from: the loan book's borrower record (from
 * {@code loanbook.borrowers}) or a payload handed to gRPC {@code Tag}. Money in fen; null where
 * the lender supplied nothing.
 */
public record BorrowerFacts(String borrowerId, int revision, BorrowerType type, String regionCode,
                            String industryCode, String businessScope, Integer employees,
                            Long annualRevenueFen, Long totalAssetsFen) {

    public boolean enterprise() {
        return type == BorrowerType.ENTERPRISE;
    }
}
