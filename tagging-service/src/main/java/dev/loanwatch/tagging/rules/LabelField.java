package dev.loanwatch.tagging.rules;

import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.RiskGroupTag;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RegionDirectory;
import dev.loanwatch.tagging.mapping.Labels;
import dev.loanwatch.tagging.model.BorrowerFacts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The fields a custom-tag rule may test: the computed labels and the borrower's own figures. Each
 * field has a kind (which operators apply) and, for codes, a check of the values a rule names, so a
 * rule that names an unknown field or a code that does not exist is refused when it is written.
 */
public enum LabelField {
    CUSTOMER_TYPE("customerType", Kind.CODE, (f, t) -> List.of(f.type().name())),
    INDUSTRY_SECTION("industry.section", Kind.CODE, (f, t) -> present(t.getIndustry().getSection())),
    INDUSTRY_DIVISION("industry.division", Kind.CODE, (f, t) -> present(t.getIndustry().getDivision())),
    INDUSTRY_GROUP("industry.group", Kind.CODE, (f, t) -> present(t.getIndustry().getGroup())),
    INDUSTRY_CLASS("industry.class", Kind.CODE, (f, t) -> present(t.getIndustry().getIndustryClass())),
    INDUSTRY_SOURCE("industry.source", Kind.CODE, (f, t) -> List.of(t.getIndustry().getSource().getKind().name())),
    INDUSTRY_NEEDS_REVIEW("industry.needsReview", Kind.FLAG, (f, t) -> List.of(String.valueOf(t.getIndustry().getNeedsReview()))),
    SIZE("size", Kind.CODE, (f, t) -> List.of(Labels.sizeCode(t.getSize().getSize()))),
    REGION_PROVINCE("region.province", Kind.CODE, (f, t) -> present(t.getRegion().getProvinceCode())),
    REGION_PREFECTURE("region.prefecture", Kind.CODE, (f, t) -> present(t.getRegion().getPrefectureCode())),
    REGION_COUNTY("region.county", Kind.CODE, (f, t) -> present(t.getRegion().getCountyCode())),
    RISK_GROUP("riskGroup", Kind.CODE, (f, t) -> t.getRiskGroupsList().stream().map(RiskGroupTag::getCode).toList()),
    EMPLOYEES("employees", Kind.NUMBER, (f, t) -> f.employees() == null ? List.of() : List.of(f.employees().toString())),
    ANNUAL_REVENUE("annualRevenue", Kind.NUMBER, (f, t) -> yuan(f.annualRevenueFen())),
    TOTAL_ASSETS("totalAssets", Kind.NUMBER, (f, t) -> yuan(f.totalAssetsFen())),
    BUSINESS_SCOPE("businessScope", Kind.TEXT, (f, t) -> f.businessScope() == null ? List.of() : List.of(f.businessScope()));

    /** What a field holds, and so which operators apply to it. */
    public enum Kind {
        CODE(Set.of(Operator.EQ, Operator.IN, Operator.PREFIX, Operator.EXISTS)),
        FLAG(Set.of(Operator.EQ)),
        NUMBER(Set.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.EXISTS)),
        TEXT(Set.of(Operator.CONTAINS, Operator.EXISTS));

        final Set<Operator> operators;

        Kind(Set<Operator> operators) {
            this.operators = operators;
        }
    }

    private final String path;
    private final Kind kind;
    private final BiFunction<BorrowerFacts, BorrowerTags, List<String>> values;

    LabelField(String path, Kind kind, BiFunction<BorrowerFacts, BorrowerTags, List<String>> values) {
        this.path = path;
        this.kind = kind;
        this.values = values;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** The field's values for a borrower: empty when it has none, several for risk groups. */
    public List<String> valuesOf(BorrowerFacts facts, BorrowerTags tags) {
        return values.apply(facts, tags);
    }

    public static Optional<LabelField> ofPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }

    public static String paths() {
        return Arrays.stream(values()).map(LabelField::path).collect(Collectors.joining(", "));
    }

    /** Why a value named in a rule cannot match this field; empty when it can. */
    public Optional<String> problemWith(String value, Operator operator) {
        if (operator == Operator.PREFIX || operator == Operator.EXISTS) {
            return Optional.empty();
        }
        return switch (this) {
            case CUSTOMER_TYPE -> oneOf(value, "ENTERPRISE", "INDIVIDUAL");
            case INDUSTRY_SECTION -> level(value, IndustryTaxonomy.Level.SECTION);
            case INDUSTRY_DIVISION -> level(value, IndustryTaxonomy.Level.DIVISION);
            case INDUSTRY_GROUP -> level(value, IndustryTaxonomy.Level.GROUP);
            case INDUSTRY_CLASS -> level(value, IndustryTaxonomy.Level.CLASS);
            case INDUSTRY_SOURCE -> oneOf(value, "GIVEN", "INFERRED", "OVERRIDE", "NONE");
            case INDUSTRY_NEEDS_REVIEW -> oneOf(value, "true", "false");
            case SIZE -> oneOf(value, Labels.SIZE_CODES.toArray(String[]::new));
            case REGION_PROVINCE, REGION_PREFECTURE, REGION_COUNTY ->
                    RegionDirectory.standard().find(value).isPresent() ? Optional.empty()
                            : Optional.of(value + " is not a GB/T 2260 code of the directory");
            case RISK_GROUP -> value.isBlank() ? Optional.of("a risk-group code is needed") : Optional.empty();
            case EMPLOYEES, ANNUAL_REVENUE, TOTAL_ASSETS -> number(value);
            case BUSINESS_SCOPE -> value.isBlank() ? Optional.of("text to look for is empty") : Optional.empty();
        };
    }

    private static Optional<String> level(String value, IndustryTaxonomy.Level level) {
        return IndustryTaxonomy.find(value).filter(e -> e.level() == level).isPresent() ? Optional.empty()
                : Optional.of(value + " is not a GB/T 4754-2017 " + level.name().toLowerCase() + " code");
    }

    private static Optional<String> oneOf(String value, String... allowed) {
        return Arrays.asList(allowed).contains(value) ? Optional.empty()
                : Optional.of(value + " is not one of " + String.join(", ", allowed));
    }

    private static Optional<String> number(String value) {
        try {
            new BigDecimal(value);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(value + " is not a number");
        }
    }

    private static List<String> present(String value) {
        return value.isEmpty() ? List.of() : List.of(value);
    }

    private static List<String> yuan(Long fen) {
        return fen == null ? List.of() : List.of(BigDecimal.valueOf(fen, 2).toPlainString());
    }
}
