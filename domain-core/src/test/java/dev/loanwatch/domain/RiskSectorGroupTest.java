package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskSectorGroupTest {

    static List<String> codesOf(String industryCode) {
        return RiskSectorGroup.of(industryCode).stream().map(RiskSectorGroup::code).toList();
    }

    @Test
    void theShippedGroupsAreThoseTheSeedAndTheIssueName() {
        assertEquals(List.of("CATERING", "ACCOMMODATION", "TOURISM", "REAL_ESTATE", "CONSTRUCTION", "BUILDING_MATERIALS",
                "WHOLESALE", "RETAIL"), RiskSectorGroup.defaults().stream().map(RiskSectorGroup::code).toList());
        for (RiskSectorGroup g : RiskSectorGroup.defaults()) {
            assertFalse(g.nameZh().isBlank() || g.nameEn().isBlank() || g.why().isBlank(), g.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "H6210, CATERING", "6210, CATERING", "62, CATERING", "H62, CATERING", "H621, CATERING",
            "H6110, ACCOMMODATION", "L7291, TOURISM", "7291, TOURISM", "N7861, TOURISM",
            "K7010, REAL_ESTATE", "K7020, REAL_ESTATE",
            "E4710, CONSTRUCTION", "E4811, CONSTRUCTION", "E49, CONSTRUCTION", "E5010, CONSTRUCTION",
            "C3011, BUILDING_MATERIALS", "C31, BUILDING_MATERIALS",
            "F5121, WHOLESALE", "F5211, RETAIL"})
    void aCodeFallsInItsGroup(String industry, String group) {
        assertEquals(List.of(group), codesOf(industry));
    }

    @ParameterizedTest
    @CsvSource({"H", "N78", "L72", "7299", "C13", "K", "I6510"})
    void coarserOrOtherCodesFallInNone(String industry) {
        // "H" cannot tell catering from accommodation; "72" is business services, not only travel agencies
        assertEquals(List.of(), codesOf(industry));
    }

    @Test
    void badCodesFallInNone() {
        assertEquals(List.of(), codesOf("Z99"));
        assertEquals(List.of(), codesOf(""));
        assertEquals(List.of(), codesOf(null));
    }

    @Test
    void aGroupNamesOnlyCodesOfTheStandard() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RiskSectorGroup("X", "某", "Some", List.of("62", "9999"), "test"));
        assertTrue(e.getMessage().contains("9999"), e.getMessage());
    }
}
