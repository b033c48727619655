package dev.loanwatch.tagging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.GivenCodeStatus;
import dev.loanwatch.contracts.events.v1.TagSource;
import dev.loanwatch.domain.RiskSectorGroup;
import dev.loanwatch.industry.IndustryClassifier;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.model.LabelOverride;
import dev.loanwatch.tagging.model.OverriddenLabel;
import dev.loanwatch.tagging.model.Policy;
import dev.loanwatch.tagging.model.RiskGroupDefinition;
import dev.loanwatch.tagging.rules.ConditionParser;
import dev.loanwatch.tagging.rules.TagRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The labels as a pure function of facts and policy. */
class BorrowerTaggerTest {
    static final BorrowerTagger TAGGER = new BorrowerTagger(IndustryClassifier.standard(), 4000);
    static final List<RiskGroupDefinition> GROUPS = RiskSectorGroup.defaults().stream()
            .map(g -> new RiskGroupDefinition(g, 1)).toList();

    static BorrowerFacts enterprise(String industry, String scope) {
        return new BorrowerFacts("B1", 1, BorrowerType.ENTERPRISE, "420106", industry, scope, 50, 30_000_000_00L, null);
    }

    static Policy policy(List<TagRule> rules, Map<String, List<LabelOverride>> overrides) {
        return new Policy(1, GROUPS, rules, overrides);
    }

    static TagRule rule(String json) throws Exception {
        return new TagRule("r", "规则", 2, ConditionParser.parse(new ObjectMapper().readTree(json), "condition"));
    }

    @Test
    void aRuleMatchesOnRiskGroupAndPrefecture() throws Exception {
        TagRule wuhanCatering = rule("{\"all\":[{\"field\":\"riskGroup\",\"in\":[\"CATERING\"]},{\"field\":\"region.prefecture\",\"eq\":\"420100\"}]}");
        BorrowerTags tags = TAGGER.tag(enterprise(null, "火锅店；餐饮服务"), policy(List.of(wuhanCatering), Map.of())).build();
        assertEquals("62", tags.getIndustry().getDivision(), tags.toString());
        assertEquals(List.of("CATERING"), tags.getRiskGroupsList().stream().map(g -> g.getCode()).toList());
        assertEquals("r", tags.getCustomTags(0).getCode());
        assertEquals(2, tags.getCustomTags(0).getRuleVersion());
        BorrowerTags elsewhere = TAGGER.tag(new BorrowerFacts("B2", 1, BorrowerType.ENTERPRISE, "310115", null, "火锅店；餐饮服务",
                50, null, null), policy(List.of(wuhanCatering), Map.of())).build();
        assertEquals(0, elsewhere.getCustomTagsCount());
    }

    @Test
    void figuresAndTextCanBeTestedAndAMissingFigureMatchesOnlyExistsFalse() throws Exception {
        TagRule big = rule("{\"any\":[{\"field\":\"annualRevenue\",\"gte\":30000000},{\"field\":\"businessScope\",\"contains\":\"火锅\"}]}");
        assertEquals(1, TAGGER.tag(enterprise(null, "餐饮服务"), policy(List.of(big), Map.of())).getCustomTagsCount());
        TagRule noAssets = rule("{\"field\":\"totalAssets\",\"exists\":false}");
        assertEquals(1, TAGGER.tag(enterprise(null, "餐饮服务"), policy(List.of(noAssets), Map.of())).getCustomTagsCount());
        TagRule notSmall = rule("{\"not\":{\"field\":\"size\",\"eq\":\"SMALL\"}}");
        assertEquals(0, TAGGER.tag(enterprise("H6210", "餐饮服务"), policy(List.of(notSmall), Map.of())).getCustomTagsCount());
    }

    @Test
    void overridesWinOverGivenAndInferredAndCarryWhoAndWhy() {
        LabelOverride industry = new LabelOverride(UUID.randomUUID(), "B1", OverriddenLabel.INDUSTRY, "K7010", "registry says developer",
                "alice", Instant.now());
        LabelOverride size = new LabelOverride(UUID.randomUUID(), "B1", OverriddenLabel.SIZE, "MEDIUM", "group accounts",
                "alice", Instant.now());
        BorrowerTags tags = TAGGER.tag(enterprise("H6210", "餐饮服务"), policy(List.of(), Map.of("B1", List.of(industry, size)))).build();
        assertEquals("7010", tags.getIndustry().getIndustryClass());
        assertEquals(TagSource.Kind.OVERRIDE, tags.getIndustry().getSource().getKind());
        assertEquals("alice", tags.getIndustry().getSource().getBy());
        assertEquals("H6210", tags.getIndustry().getGivenCode());
        assertEquals(EnterpriseSize.MEDIUM, tags.getSize().getSize());
        assertEquals(List.of("REAL_ESTATE"), tags.getRiskGroupsList().stream().map(g -> g.getCode()).toList());
    }

    @Test
    void givenCodesAreNormalisedAndAnEnterpriseWithoutAnyEvidenceIsForReview() {
        BorrowerTags given = TAGGER.tag(enterprise("6210", "餐饮服务"), policy(List.of(), Map.of())).build();
        assertEquals("H", given.getIndustry().getSection());
        assertEquals(GivenCodeStatus.VALID, given.getIndustry().getGivenCodeStatus());
        assertFalse(given.getIndustry().getNeedsReview());
        BorrowerTags nothing = TAGGER.tag(enterprise(null, "详见章程"), policy(List.of(), Map.of())).build();
        assertEquals(TagSource.Kind.NONE, nothing.getIndustry().getSource().getKind());
        assertTrue(nothing.getIndustry().getNeedsReview());
        assertEquals(EnterpriseSize.SIZE_UNKNOWN, nothing.getSize().getSize());
    }

    @Test
    void regionsResolveAtEachLevelAndUnknownCodesStayUnknown() {
        assertEquals("湖北省", BorrowerTagger.region("420000").getProvinceName());
        assertEquals("", BorrowerTagger.region("420000").getPrefectureName());
        assertEquals("武汉市", BorrowerTagger.region("420100").getPrefectureName());
        assertFalse(BorrowerTagger.region("999999").getKnown());
        assertFalse(BorrowerTagger.region(null).getKnown());
        assertFalse(BorrowerTagger.region("420199").getKnown());
        assertEquals("武汉市", BorrowerTagger.region("420199").getPrefectureName());
    }
}
