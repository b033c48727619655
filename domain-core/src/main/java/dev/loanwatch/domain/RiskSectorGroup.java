package dev.loanwatch.domain;

import java.util.List;

/**
 * A risk-sector group: industries a lender watches together because one shock hits them all
 * (the seed's example: lowering the catering and tourism thresholds during an epidemic). A group
 * lists GB/T 4754-2017 codes at any level; a borrower's industry belongs to the group when one of
 * them is a prefix of its code ("62" holds every catering class, "7291" one class).
 *
 * <p>{@link #defaults()} are the groups shipped as data ({@code reference/risk-sector-groups.csv},
 * each with why it is there): catering, accommodation, tourism, real estate, construction,
 * building materials, wholesale, retail. A service that lets analysts edit groups starts from these.
 *
 * @param industries codes without the section letter, each present in {@link IndustryTaxonomy}
 */
public record RiskSectorGroup(String code, String nameZh, String nameEn, List<String> industries, String why) {

    private static final String RESOURCE = "reference/risk-sector-groups.csv";
    private static final String HEADER = "code,name_zh,name_en,industries,why";

    public RiskSectorGroup {
        industries = List.copyOf(industries);
        for (String industry : industries) {
            if (IndustryTaxonomy.find(industry).isEmpty()) {
                throw new IllegalArgumentException("risk-sector group " + code + ": " + industry
                        + " is not a GB/T 4754-2017 code");
            }
        }
    }

    /**
     * Whether an industry code (any spelling {@link IndustryCode} accepts) falls in this group. A
     * code coarser than the group's own codes (a section "H" for the group "62") does not: it
     * cannot tell catering from accommodation.
     */
    public boolean contains(String industryCode) {
        if (!IndustryCode.isValid(industryCode)) {
            return false;
        }
        String digits = IndustryCode.digits(industryCode);
        return industries.stream().anyMatch(digits::startsWith);
    }

    /** The shipped groups, in file order. */
    public static List<RiskSectorGroup> defaults() {
        return Defaults.GROUPS;
    }

    /** The shipped groups an industry code falls in (usually one, none for most codes). */
    public static List<RiskSectorGroup> of(String industryCode) {
        return Defaults.GROUPS.stream().filter(g -> g.contains(industryCode)).toList();
    }

    /** Read on first use (class-holder idiom: lazy and thread-safe). */
    private static final class Defaults {
        static final List<RiskSectorGroup> GROUPS = read();

        private static List<RiskSectorGroup> read() {
            // the last column is free text and may hold commas
            return ReferenceFile.rows(RESOURCE, HEADER).stream()
                    .map(f -> new RiskSectorGroup(f[0], f[1], f[2], List.of(f[3].split(" ")), f[4])).toList();
        }
    }
}
