package dev.loanwatch.simulator.book;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A synthetic borrower. {@code reportedIndustryCode} is what the lender's file says (missing or
 * wrong for a share of enterprises, so that inference has real work); {@code industryClass} is the
 * truth (section letter + 4-digit class), which only the simulator and its ground truth know.
 * {@code risk} is the borrower's latent log-odds offset.
 */
public record SimBorrower(int index, String id, String type, String name, String identityNumber, String regionCode,
                          String reportedIndustryCode, String industryClass, String businessScope, Integer employees,
                          BigDecimal annualRevenue, BigDecimal totalAssets, String size, double risk,
                          Map<String, String> labels) {

    public boolean enterprise() {
        return "ENTERPRISE".equals(type);
    }
}
