package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The labels of a borrower that models use (DOMAIN.md §6 and §7), all optional (null = unknown).
 *
 * @param customerType     INDIVIDUAL or ENTERPRISE
 * @param industrySection  GB/T 4754-2017 section letter ("H")
 * @param riskSectorGroups codes of the {@link RiskSectorGroup}s the industry falls in, in the groups' order; empty
 *                         when none (or the industry is unknown)
 * @param sizeClass        an {@link EnterpriseSize.Size} name for an enterprise, {@code NOT_APPLICABLE} for an
 *                         individual (the tagging service's code)
 * @param province         the 2-digit GB/T 2260 province code ("44")
 */
public record BorrowerLabels(String customerType, String industrySection, List<String> riskSectorGroups,
                             String sizeClass, String province) {

    /** The size class of a borrower that is not an enterprise. */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    private static final String ENTERPRISE = "ENTERPRISE";

    public BorrowerLabels {
        riskSectorGroups = riskSectorGroups == null ? List.of() : List.copyOf(riskSectorGroups);
    }

    /**
     * The labels a lender's borrower file gives, derived with the domain core: section and risk-sector groups from
     * the industry code (none when it is missing or invalid), the size class under the SME standard
     * ({@link EnterpriseSize#classify}, UNKNOWN when the code or a measure is missing), the province from the
     * region code (null when invalid). No inference: a missing industry code stays missing.
     *
     * @param revenue yuan; {@code assets} likewise
     */
    public static BorrowerLabels of(String customerType, String industryCode, String regionCode, Integer employees,
                                    BigDecimal revenue, BigDecimal assets) {
        boolean knownIndustry = IndustryCode.isValid(industryCode);
        String section = knownIndustry ? IndustryCode.section(industryCode).name() : null;
        List<String> groups = knownIndustry
                ? RiskSectorGroup.of(industryCode).stream().map(RiskSectorGroup::code).toList()
                : List.of();
        String size = ENTERPRISE.equals(customerType)
                ? EnterpriseSize.classify(industryCode, employees, revenue, assets).name()
                : NOT_APPLICABLE;
        String province = RegionCode.isValid(regionCode) ? RegionCode.province(regionCode) : null;
        return new BorrowerLabels(customerType, section, groups, size, province);
    }
}
