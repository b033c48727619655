package dev.loanwatch.ingestion.service;

import dev.loanwatch.ingestion.repository.BorrowerRow;
import java.math.BigDecimal;

/** A borrower as the API shows it: the identity number only masked. */
public record BorrowerView(String id, String type, String name, String identityNumberMasked, String regionCode,
                           String industryCode, String businessScope, Integer employees, BigDecimal annualRevenue,
                           BigDecimal totalAssets, int revision) {

    static BorrowerView of(BorrowerRow r) {
        return new BorrowerView(r.id(), r.type(), r.name(), r.identityMasked(), r.regionCode(), r.industryCode(),
                r.businessScope(), r.employees(), r.annualRevenue(), r.totalAssets(), r.revision());
    }
}
