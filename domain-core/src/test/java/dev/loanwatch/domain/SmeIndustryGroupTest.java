package dev.loanwatch.domain;

import static dev.loanwatch.domain.SmeIndustryGroup.ACCOMMODATION;
import static dev.loanwatch.domain.SmeIndustryGroup.AGRICULTURE;
import static dev.loanwatch.domain.SmeIndustryGroup.CATERING;
import static dev.loanwatch.domain.SmeIndustryGroup.CONSTRUCTION;
import static dev.loanwatch.domain.SmeIndustryGroup.INDUSTRY;
import static dev.loanwatch.domain.SmeIndustryGroup.INFORMATION_TRANSMISSION;
import static dev.loanwatch.domain.SmeIndustryGroup.LEASING_AND_BUSINESS_SERVICES;
import static dev.loanwatch.domain.SmeIndustryGroup.OTHERS;
import static dev.loanwatch.domain.SmeIndustryGroup.POST;
import static dev.loanwatch.domain.SmeIndustryGroup.PROPERTY_MANAGEMENT;
import static dev.loanwatch.domain.SmeIndustryGroup.REAL_ESTATE_DEVELOPMENT;
import static dev.loanwatch.domain.SmeIndustryGroup.RETAIL;
import static dev.loanwatch.domain.SmeIndustryGroup.SOFTWARE_AND_IT_SERVICES;
import static dev.loanwatch.domain.SmeIndustryGroup.TRANSPORT;
import static dev.loanwatch.domain.SmeIndustryGroup.WAREHOUSING;
import static dev.loanwatch.domain.SmeIndustryGroup.WHOLESALE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmeIndustryGroupTest {

    /** The group of every division 01–97 (null: not covered by the standard, or not decidable from the division). */
    private static SmeIndustryGroup expectedForDivision(int d) {
        if (d <= 5) return AGRICULTURE;
        if (d <= 46) return INDUSTRY;                 // B mining, C manufacturing, D utilities
        if (d <= 50) return CONSTRUCTION;
        if (d == 51) return WHOLESALE;
        if (d == 52) return RETAIL;
        if (d == 53) return null;                     // railways: excluded from 交通运输业
        if (d <= 58) return TRANSPORT;
        if (d == 59) return null;                     // 591 transport, 592–599 warehousing
        if (d == 60) return POST;
        if (d == 61) return ACCOMMODATION;
        if (d == 62) return CATERING;
        if (d <= 64) return INFORMATION_TRANSMISSION;
        if (d == 65) return SOFTWARE_AND_IT_SERVICES;
        if (d <= 69) return null;                     // finance
        if (d == 70) return null;                     // 701 / 702 / 703, 709 / 704 differ
        if (d <= 72) return LEASING_AND_BUSINESS_SERVICES;
        if (d <= 82) return OTHERS;                   // M, N, O
        if (d <= 84) return null;                     // education, health
        if (d <= 90) return OTHERS;                   // 85 social work, R
        return null;                                  // S, T
    }

    @Test
    void everyDivision() {
        for (int d = 1; d <= 97; d++) {
            String code = String.format("%02d", d);
            assertEquals(Optional.ofNullable(expectedForDivision(d)), SmeIndustryGroup.of(code), code);
        }
    }

    @Test
    void groupsInsideDivisions() {
        assertEquals(Optional.of(TRANSPORT), SmeIndustryGroup.of("591"));
        assertEquals(Optional.of(TRANSPORT), SmeIndustryGroup.of("G5910"));
        assertEquals(Optional.of(WAREHOUSING), SmeIndustryGroup.of("G5920"));
        assertEquals(Optional.of(WAREHOUSING), SmeIndustryGroup.of("599"));
        assertEquals(Optional.of(REAL_ESTATE_DEVELOPMENT), SmeIndustryGroup.of("K7010"));
        assertEquals(Optional.of(PROPERTY_MANAGEMENT), SmeIndustryGroup.of("702"));
        assertEquals(Optional.of(OTHERS), SmeIndustryGroup.of("K7030"));
        assertEquals(Optional.of(OTHERS), SmeIndustryGroup.of("7090"));
        assertEquals(Optional.empty(), SmeIndustryGroup.of("K7040"));
    }

    @Test
    void sectionOnlyCodes() {
        assertEquals(Optional.of(AGRICULTURE), SmeIndustryGroup.of("A"));
        assertEquals(Optional.of(INDUSTRY), SmeIndustryGroup.of("B"));
        assertEquals(Optional.of(INDUSTRY), SmeIndustryGroup.of("C"));
        assertEquals(Optional.of(INDUSTRY), SmeIndustryGroup.of("D"));
        assertEquals(Optional.of(CONSTRUCTION), SmeIndustryGroup.of("E"));
        assertEquals(Optional.of(LEASING_AND_BUSINESS_SERVICES), SmeIndustryGroup.of("L"));
        assertEquals(Optional.of(OTHERS), SmeIndustryGroup.of("M"));
        assertEquals(Optional.of(OTHERS), SmeIndustryGroup.of("R"));
        for (String mixed : List.of("F", "G", "H", "I", "J", "K", "P", "Q", "S", "T")) {
            assertEquals(Optional.empty(), SmeIndustryGroup.of(mixed), mixed);
        }
    }

    @Test
    void sixteenGroupsWithOneOrTwoMeasures() {
        assertEquals(16, SmeIndustryGroup.values().length);
        assertEquals(1, AGRICULTURE.thresholds().size());
        assertEquals(SmeIndustryGroup.Measure.REVENUE, AGRICULTURE.thresholds().get(0).measure());
        assertEquals(1, OTHERS.thresholds().size());
        assertEquals(List.of(SmeIndustryGroup.Measure.REVENUE, SmeIndustryGroup.Measure.TOTAL_ASSETS),
                REAL_ESTATE_DEVELOPMENT.thresholds().stream().map(SmeIndustryGroup.Threshold::measure).toList());
        assertEquals(List.of(SmeIndustryGroup.Measure.EMPLOYEES, SmeIndustryGroup.Measure.TOTAL_ASSETS),
                LEASING_AND_BUSINESS_SERVICES.thresholds().stream().map(SmeIndustryGroup.Threshold::measure).toList());
        assertEquals("房地产开发经营", REAL_ESTATE_DEVELOPMENT.chineseName());
        assertEquals(List.of("54", "55", "56", "57", "58", "591"), TRANSPORT.codePrefixes());
    }
}
