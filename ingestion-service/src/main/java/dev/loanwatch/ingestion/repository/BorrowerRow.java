package dev.loanwatch.ingestion.repository;

import java.math.BigDecimal;

/** A stored borrower. The identity number itself is never stored: only its salted hash and a mask. */
public record BorrowerRow(String id, String type, String name, String identityHash, String identityMasked,
                          String regionCode, String industryCode, String businessScope, Integer employees,
                          BigDecimal annualRevenue, BigDecimal totalAssets, int revision, String contentHash) {
}
