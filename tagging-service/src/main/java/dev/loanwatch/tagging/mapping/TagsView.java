package dev.loanwatch.tagging.mapping;

import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.IndustryTag;
import dev.loanwatch.contracts.events.v1.RegionTag;
import dev.loanwatch.contracts.events.v1.TagSource;
import java.util.List;

/** A borrower's labels in REST (the same content as the {@code BorrowerTags} message; empty strings become null). */
public record TagsView(String borrowerId, int borrowerRevision, long tagsVersion, String customerType,
                       Industry industry, Size size, Region region, List<RiskGroup> riskGroups, List<CustomTag> customTags) {

    public record Source(String kind, Double confidence, List<String> evidence, String reference, String by, String reason) {
    }

    public record Industry(String section, String division, String group, String industryClass, String nameZh,
                           Source source, String givenCode, String givenCodeStatus, boolean needsReview,
                           String inferredDivision, Double inferredConfidence) {
    }

    public record Size(String size, Source source) {
    }

    public record Region(String code, boolean known, String provinceCode, String provinceName, String prefectureCode,
                         String prefectureName, String countyCode, String countyName) {
    }

    public record RiskGroup(String code, String nameZh, int version) {
    }

    public record CustomTag(String code, String name, int ruleVersion) {
    }

    public static TagsView of(BorrowerTags t) {
        IndustryTag i = t.getIndustry();
        RegionTag r = t.getRegion();
        return new TagsView(t.getBorrowerId(), t.getBorrowerRevision(), t.getTagsVersion(), t.getCustomerType().name(),
                new Industry(n(i.getSection()), n(i.getDivision()), n(i.getGroup()), n(i.getIndustryClass()), n(i.getNameZh()),
                        source(i.getSource()), n(i.getGivenCode()), i.getGivenCodeStatus().name(), i.getNeedsReview(),
                        n(i.getInferredDivision()), i.getInferredDivision().isEmpty() ? null : i.getInferredConfidence()),
                new Size(Labels.sizeCode(t.getSize().getSize()), source(t.getSize().getSource())),
                new Region(n(r.getCode()), r.getKnown(), n(r.getProvinceCode()), n(r.getProvinceName()),
                        n(r.getPrefectureCode()), n(r.getPrefectureName()), n(r.getCountyCode()), n(r.getCountyName())),
                t.getRiskGroupsList().stream().map(g -> new RiskGroup(g.getCode(), g.getNameZh(), g.getVersion())).toList(),
                t.getCustomTagsList().stream().map(c -> new CustomTag(c.getCode(), c.getName(), c.getRuleVersion())).toList());
    }

    private static Source source(TagSource s) {
        boolean inferred = s.getKind() == TagSource.Kind.INFERRED;
        return new Source(s.getKind().name(), inferred ? s.getConfidence() : null,
                inferred ? s.getEvidenceList() : null, n(s.getReference()), n(s.getBy()), n(s.getReason()));
    }

    private static String n(String s) {
        return s.isEmpty() ? null : s;
    }
}
