package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BorrowerLabelsTest {

    @Test
    void anEnterpriseFromItsFile() {
        // catering (H6210): small needs ≥ 10 employees and ≥ 1 M yuan revenue, medium ≥ 100 and ≥ 20 M
        BorrowerLabels b = BorrowerLabels.of("ENTERPRISE", "H6210", "440305", 50, new BigDecimal("5000000"), null);
        assertEquals(new BorrowerLabels("ENTERPRISE", "H", List.of("CATERING"), "SMALL", "44"), b);
    }

    @Test
    void anIndividualHasNoIndustryAndNoSizeClass() {
        BorrowerLabels b = BorrowerLabels.of("INDIVIDUAL", null, "110105", null, null, null);
        assertEquals(new BorrowerLabels("INDIVIDUAL", null, List.of(), BorrowerLabels.NOT_APPLICABLE, "11"), b);
    }

    @Test
    void missingOrWrongCodesStayUnknown() {
        // no industry code: no section, no group, and the size standard cannot be applied
        BorrowerLabels noCode = BorrowerLabels.of("ENTERPRISE", null, "999999", 50, new BigDecimal("5000000"), null);
        assertEquals(new BorrowerLabels("ENTERPRISE", null, List.of(), "UNKNOWN", null), noCode);
        // a division given without its letter is a valid code; manufacturing is in no risk-sector group
        assertEquals(List.of(), BorrowerLabels.of("ENTERPRISE", "3311", "440305", 5, null, null).riskSectorGroups());
        assertEquals("C", BorrowerLabels.of("ENTERPRISE", "3311", "440305", 5, null, null).industrySection());
    }
}
