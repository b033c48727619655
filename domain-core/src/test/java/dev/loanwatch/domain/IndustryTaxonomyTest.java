package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.IndustryTaxonomy.Entry;
import dev.loanwatch.domain.IndustryTaxonomy.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryTaxonomyTest {

    /**
     * 20/97/473 as the standard states; 1,381 classes is what both sources list, one more than the
     * 1,380 the 2017 edition is usually quoted with (reference/gbt4754-2017.source.txt).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"SECTION, 20", "DIVISION, 97", "GROUP, 473", "CLASS, 1381"})
    void countsPerLevel(Level level, int count) {
        assertEquals(count, IndustryTaxonomy.all(level).size());
    }

    @Test
    void everyEntryHangsUnderTheLevelAboveAndItsPrefix() {
        Set<String> codes = new HashSet<>();
        for (Level level : Level.values()) {
            for (Entry e : IndustryTaxonomy.all(level)) {
                assertTrue(codes.add(e.code()), "unique: " + e.code());
                assertFalse(e.nameZh().isBlank(), "name of " + e.code());
                assertEquals(e.nameZh().strip(), e.nameZh(), "name of " + e.code());
                assertEquals(level.ordinal(), IndustryTaxonomy.ancestors(e).size(), e.code());
                if (level == Level.SECTION) {
                    assertEquals("", e.parent());
                    assertTrue(e.code().matches("[A-T]"), e.code());
                    continue;
                }
                assertEquals(level.ordinal() + 1, e.code().length(), e.code());
                Entry parent = IndustryTaxonomy.find(e.parent()).orElseThrow();
                assertEquals(level.ordinal() - 1, parent.level().ordinal(), e.code());
                assertTrue(IndustryTaxonomy.children(parent).contains(e), e.code());
                String expectedParent = level == Level.DIVISION
                        ? IndustryCode.section(e.code()).name()
                        : e.code().substring(0, e.code().length() - 1);
                assertEquals(expectedParent, e.parent(), e.code());
            }
        }
        assertEquals(20 + 97 + 473 + 1381, codes.size());
    }

    @Test
    void divisionsFollowIndustryCodesSectionRule() {
        for (Entry division : IndustryTaxonomy.all(Level.DIVISION)) {
            assertEquals(IndustryCode.section(division.code()).name(), division.parent(), division.code());
        }
        for (IndustrySection s : IndustrySection.values()) {
            Entry section = IndustryTaxonomy.find(s.name()).orElseThrow();
            assertEquals(s.chineseName(), section.nameZh());
            assertEquals(s.lastDivision() - s.firstDivision() + 1, IndustryTaxonomy.children(section).size(), s.name());
        }
    }

    @Test
    void everyClassHasAGroupAndEveryGroupAClass() {
        for (Level level : List.of(Level.SECTION, Level.DIVISION, Level.GROUP)) {
            for (Entry e : IndustryTaxonomy.all(level)) {
                assertFalse(IndustryTaxonomy.children(e).isEmpty(), e.code());
            }
        }
        assertTrue(IndustryTaxonomy.children(IndustryTaxonomy.find("C3311").orElseThrow()).isEmpty());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "H62, 餐饮业", "H61, 住宿业", "K70, 房地产业", "E47, 房屋建筑业", "F51, 批发业", "F52, 零售业",
            "C13, 农副食品加工业", "A0111, 稻谷种植", "C3311, 金属结构制造", "I6513, 应用软件开发",
            "J6635, 小额贷款公司服务", "L7224, 供应链管理服务", "O8053, 养生保健服务", "T9700, 国际组织",
            "C278, 药用辅料及包装材料", "L727, 安全保护服务", "L7271, 安全服务", "R9051, 文化活动服务"})
    void knownEntries(String code, String name) {
        assertEquals(name, IndustryTaxonomy.find(code).orElseThrow().nameZh());
        assertEquals(name, IndustryTaxonomy.find(IndustryCode.digits(code)).orElseThrow().nameZh());
    }

    @Test
    void lookups() {
        Entry c3311 = IndustryTaxonomy.find("3311").orElseThrow();
        assertEquals(new Entry("3311", Level.CLASS, "331", "金属结构制造"), c3311);
        assertEquals(c3311, IndustryTaxonomy.find("C3311").orElseThrow());
        assertEquals(Optional.of(new Entry("C", Level.SECTION, "", "制造业")), IndustryTaxonomy.find("C"));
        assertEquals(Optional.empty(), IndustryTaxonomy.find("C3318"), "well formed, not in the standard");
        assertEquals(Optional.empty(), IndustryTaxonomy.find("A3311"), "letter disagrees with the division");
        assertEquals(Optional.empty(), IndustryTaxonomy.find("c3311"));
        assertEquals(Optional.empty(), IndustryTaxonomy.find(null));

        assertEquals(List.of("C", "33", "331"), IndustryTaxonomy.ancestors(c3311).stream().map(Entry::code).toList());
        assertEquals(List.of("3311", "3312"),
                IndustryTaxonomy.children(IndustryTaxonomy.find("331").orElseThrow()).stream().map(Entry::code).toList());
        assertEquals("C", IndustryTaxonomy.section("3318").code(), "section of a code the standard lacks");
        assertEquals("金属制品业", IndustryTaxonomy.division("C3318").orElseThrow().nameZh());
        assertEquals(Optional.empty(), IndustryTaxonomy.division("C"));
        assertThrows(IllegalArgumentException.class, () -> IndustryTaxonomy.section("A3311"));
    }

    @Test
    void searchRanksExactThenPrefixThenContains() {
        assertEquals(List.of("62", "624", "6241", "H", "629", "6299"),
                IndustryTaxonomy.search("餐饮", 10).stream().map(Entry::code).toList(),
                "no exact name; prefixes in the standard's order, then names that only contain it");
        assertEquals(List.of("51", "519"),
                IndustryTaxonomy.search("批发业", 2).stream().map(Entry::code).toList(),
                "the exact name first; the limit applies");
        assertEquals(List.of("019", "0190"),
                IndustryTaxonomy.search(" 其他农业 ", 2).stream().map(Entry::code).toList());
        assertEquals(List.of(), IndustryTaxonomy.search("不存在的行业", 5));
        assertThrows(IllegalArgumentException.class, () -> IndustryTaxonomy.search(" ", 5));
        assertThrows(IllegalArgumentException.class, () -> IndustryTaxonomy.search("业", 0));
    }
}
