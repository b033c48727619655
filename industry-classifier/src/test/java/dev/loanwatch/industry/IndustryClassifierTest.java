package dev.loanwatch.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.industry.IndustryInference.Outcome;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndustryClassifierTest {

    private static final IndustryClassifier CLASSIFIER = IndustryClassifier.standard();
    private static final String PIECES = "；、，。（）()*:：1.①一 \n餐饮服务批发";

    private static IndustryCandidate best(String text) {
        IndustryInference r = CLASSIFIER.classify(text);
        return r.best().orElseThrow(() -> new AssertionError("no candidate for " + text + ": " + r));
    }

    private static void assertDivision(String section, String division, String text) {
        IndustryCandidate c = best(text);
        assertEquals(section + division, c.section() + c.division(), text + " → " + c);
    }

    @Test
    void standardIsBuiltOnce() {
        assertSame(CLASSIFIER, IndustryClassifier.standard());
    }

    @Test
    void clearCases() {
        assertDivision("H", "62", "餐饮服务");
        assertDivision("K", "70", "物业管理");
        assertEquals("7020", best("物业管理").industryClass());
        assertDivision("E", "47", "房屋建筑工程施工");
        assertDivision("I", "65", "软件开发");
        assertDivision("G", "54", "普通货物道路运输");
        assertEquals("5431", best("普通货物道路运输").industryClass());
        assertDivision("F", "52", "预包装食品零售；日用百货零售");
        assertDivision("F", "51", "钢材批发");
        assertDivision("C", "18", "服装加工");
        assertDivision("P", "83", "职业技能培训");
    }

    @Test
    void confidentWhenTheTextIsPlain() {
        assertEquals(Outcome.CONFIDENT, CLASSIFIER.classify("餐饮服务").outcome());
        assertEquals(Outcome.CONFIDENT, CLASSIFIER.classify("一般项目：物业管理；停车场服务").outcome());
    }

    @Test
    void theFirstActivityDecides() {
        assertDivision("F", "51", "汽车配件、轮胎、润滑油批发零售；汽车维修");
        assertDivision("O", "81", "汽车维修；汽车配件、轮胎、润滑油批发零售");
        assertDivision("H", "62", "许可项目：餐饮服务；食品销售。一般项目：日用百货销售；停车场服务");
    }

    @Test
    void classOnlyWhenTheTextFixesIt() {
        assertNull(best("房屋建筑工程施工").industryClass(), "residential or not is not said");
        assertEquals("9700", best("国际组织驻华代表机构").industryClass(), "a division with one class");
    }

    @Test
    void evidenceQuotesTheTextAsWritten() {
        IndustryCandidate c = best("一般项目：ＫＴＶ服务；酒水零售");
        assertEquals("90", c.division());
        assertTrue(c.evidence().stream().anyMatch(e -> e.contains("ＫＴＶ")), c.evidence().toString());
        IndustryCandidate catering = best("餐 饮服务（中餐）");
        assertTrue(catering.evidence().contains("餐 饮服务"), catering.evidence().toString());
        for (String text : List.of("餐饮服务；预包装食品销售；烟草制品零售；酒类零售；日用百货销售；停车场服务", "物业管理")) {
            for (IndustryCandidate candidate : CLASSIFIER.classify(text).candidates()) {
                assertTrue(candidate.evidence().size() <= IndustryClassifier.MAX_EVIDENCE, candidate.toString());
                candidate.evidence().forEach(e -> assertTrue(text.contains(e), e + " in " + text));
            }
        }
    }

    @Test
    void commonWordsAloneAreNoEvidence() {
        for (String text : List.of("销售", "经营", "有限公司", "服务", "销售；经营；服务", "相关业务")) {
            assertEquals(Outcome.NO_EVIDENCE, CLASSIFIER.classify(text).outcome(), text);
        }
    }

    @Test
    void noEvidenceForTextsThatSayNothing() {
        StringBuilder huge = new StringBuilder();
        Random random = new Random(42);
        while (huge.length() < 100_000) {
            char c = (char) random.nextInt(0xD800); // any character below the surrogates
            huge.append(c);
        }
        String emoji = "\uD83D\uDE00\uD83C\uDF5C\uD83D\uDE97".repeat(20);
        for (String text : new String[] {null, "", " ", "无", "详见章程", "经营范围详见公司章程", "*", "***", "-", "一般经营项目",
                "依法自主经营", "（依法须经批准的项目，经相关部门批准后方可开展经营活动）", emoji, huge.toString()}) {
            IndustryInference r = CLASSIFIER.classify(text);
            assertEquals(Outcome.NO_EVIDENCE, r.outcome(), () -> "for " + (text == null ? null : text.substring(0, Math.min(40, text.length()))));
            assertEquals(List.of(), r.candidates());
            assertTrue(r.best().isEmpty());
            assertEquals(0, r.divisionConfidence("62"));
        }
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(400)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = random.nextInt(3) == 0 ? PIECES.charAt(random.nextInt(PIECES.length()))
                        : (char) random.nextInt(0x10000);
            }
            checkShape(CLASSIFIER.classify(new String(chars)));
        }
    }

    @Test
    void candidatesAreRankedAtMostTenAndSumToAtMostOne() {
        for (String text : List.of("餐饮服务", "技术服务", "汽车配件、轮胎、润滑油批发零售；汽车维修", "电子产品", "生产")) {
            checkShape(CLASSIFIER.classify(text));
        }
    }

    private static void checkShape(IndustryInference r) {
        List<IndustryCandidate> c = r.candidates();
        assertTrue(c.size() <= IndustryClassifier.MAX_CANDIDATES);
        assertEquals(r.outcome() == Outcome.NO_EVIDENCE, c.isEmpty(), r.toString());
        double sum = 0;
        for (int i = 0; i < c.size(); i++) {
            IndustryCandidate k = c.get(i);
            assertTrue(k.confidence() >= 0 && k.confidence() <= 1, k.toString());
            if (i > 0) {
                assertTrue(c.get(i - 1).confidence() >= k.confidence(), "ranked: " + c);
            }
            assertEquals(k.confidence(), r.divisionConfidence(k.division()));
            String section = IndustryTaxonomy.division(k.division()).orElseThrow().parent();
            assertEquals(section, k.section());
            if (k.industryClass() != null) {
                assertEquals(k.division(), k.industryClass().substring(0, 2));
            }
            sum += k.confidence();
        }
        assertTrue(sum <= 1 + 1e-9, "sum " + sum);
        if (!c.isEmpty()) {
            assertEquals(c.get(0).confidence() >= IndustryClassifier.CONFIDENCE_THRESHOLD ? Outcome.CONFIDENT : Outcome.REVIEW,
                    r.outcome());
        }
    }

    @Test
    void deterministicAndThreadSafe() {
        List<String> texts = List.of("餐饮服务；食品销售", "物业管理", "软件开发；信息技术咨询服务", "钢结构工程施工", "农产品批发");
        List<IndustryInference> once = texts.stream().map(CLASSIFIER::classify).toList();
        IntStream.range(0, 200).parallel().forEach(i -> {
            String t = texts.get(i % texts.size());
            assertEquals(once.get(i % texts.size()), CLASSIFIER.classify(t));
        });
        assertFalse(once.get(0).candidates().isEmpty());
    }
}
