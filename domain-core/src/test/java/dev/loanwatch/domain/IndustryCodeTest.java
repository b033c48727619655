package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryCodeTest {

    /** Both ends of every section's division range (DOMAIN.md §7). */
    @ParameterizedTest(name = "division {0} → {1}")
    @CsvSource({
            "01, A", "05, A", "06, B", "12, B", "13, C", "43, C", "44, D", "46, D", "47, E", "50, E",
            "51, F", "52, F", "53, G", "60, G", "61, H", "62, H", "63, I", "65, I", "66, J", "69, J",
            "70, K", "71, L", "72, L", "73, M", "75, M", "76, N", "79, N", "80, O", "82, O", "83, P",
            "84, Q", "85, Q", "86, R", "90, R", "91, S", "96, S", "97, T"})
    void sectionOfEveryRangeEnd(String division, IndustrySection expected) {
        assertEquals(expected, IndustryCode.section(division));
        assertEquals(expected, IndustryCode.section(division + "1"));
        assertEquals(expected, IndustryCode.section(expected.name() + division + "10"));
    }

    @Test
    void everyDivisionHasExactlyOneSection() {
        for (int d = 1; d <= 97; d++) {
            int division = d;
            long sections = java.util.Arrays.stream(IndustrySection.values())
                    .filter(s -> division >= s.firstDivision() && division <= s.lastDivision()).count();
            assertEquals(1, sections, "division " + d);
        }
    }

    @Test
    void spellings() {
        assertEquals(IndustrySection.C, IndustryCode.section("C3311"));
        assertEquals(IndustrySection.C, IndustryCode.section("3311"));
        assertEquals(IndustrySection.C, IndustryCode.section("33"));
        assertEquals(IndustrySection.C, IndustryCode.section("C"));
        assertEquals(Optional.of("33"), IndustryCode.division("C3311"));
        assertEquals(Optional.of("331"), IndustryCode.group("3311"));
        assertEquals(Optional.of("3311"), IndustryCode.industryClass("C3311"));
        assertEquals(Optional.empty(), IndustryCode.industryClass("C331"));
        assertEquals(Optional.empty(), IndustryCode.group("33"));
        assertEquals(Optional.empty(), IndustryCode.division("C"));
        assertEquals("C3311", IndustryCode.normalised("3311"));
        assertEquals("A01", IndustryCode.normalised("01"));
        assertEquals("", IndustryCode.digits("K"));
    }

    @Test
    void problems() {
        assertEquals(Optional.of("industry code is missing"), IndustryCode.problem(null));
        assertEquals(Optional.of("industry code is empty"), IndustryCode.problem(""));
        assertEquals(Optional.of("'U' is not a section letter (upper-case A-T)"), IndustryCode.problem("U9900"));
        assertEquals(Optional.of("'c' is not a section letter (upper-case A-T)"), IndustryCode.problem("c3311"));
        assertEquals(Optional.of("character 'x' at position 4 is not a digit"), IndustryCode.problem("C33x1"));
        assertEquals(Optional.of("character ' ' at position 3 is not a digit"), IndustryCode.problem("33 1"));
        assertEquals(Optional.of("expected 2 to 4 digits, got 1"), IndustryCode.problem("3"));
        assertEquals(Optional.of("expected 2 to 4 digits, got 1"), IndustryCode.problem("C3"));
        assertEquals(Optional.of("expected 2 to 4 digits, got 5"), IndustryCode.problem("C33111"));
        assertEquals(Optional.of("division 00 does not exist (01-97)"), IndustryCode.problem("0011"));
        assertEquals(Optional.of("division 98 does not exist (01-97)"), IndustryCode.problem("98"));
        assertEquals(Optional.of("division 33 belongs to section C, not A"), IndustryCode.problem("A3311"));
        assertTrue(IndustryCode.isValid("T97"));
        assertFalse(IndustryCode.isValid("B05"));
        assertThrows(IllegalArgumentException.class, () -> IndustryCode.section("A3311"));
    }

    @Test
    void sectionNames() {
        assertEquals(20, IndustrySection.values().length);
        assertEquals("制造业", IndustrySection.C.chineseName());
        assertEquals("Manufacturing", IndustrySection.C.englishName());
        assertEquals("信息传输、软件和信息技术服务业", IndustrySection.I.chineseName());
        assertEquals("国际组织", IndustrySection.T.chineseName());
        assertEquals('K', IndustrySection.K.letter());
        assertEquals(Optional.empty(), IndustrySection.ofDivision(0));
        assertEquals(Optional.empty(), IndustrySection.ofDivision(98));
    }
}
