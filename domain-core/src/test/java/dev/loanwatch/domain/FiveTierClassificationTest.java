package dev.loanwatch.domain;

import static dev.loanwatch.domain.FiveTierGrade.DOUBTFUL;
import static dev.loanwatch.domain.FiveTierGrade.LOSS;
import static dev.loanwatch.domain.FiveTierGrade.NORMAL;
import static dev.loanwatch.domain.FiveTierGrade.SPECIAL_MENTION;
import static dev.loanwatch.domain.FiveTierGrade.SUBSTANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiveTierClassificationTest {

    private static final FiveTierPolicy BANK = FiveTierPolicy.COMMERCIAL_BANK_2023;

    @Test
    void floorFromDpdAlone() {
        assertEquals(NORMAL, FiveTierClassification.classify(BANK, 0, false, null, null));
        assertEquals(SUBSTANDARD, FiveTierClassification.classify(BANK, 91, false, null, null));
        assertEquals(LOSS, FiveTierClassification.classify(FiveTierPolicy.CREDIT_CARD, 181, false, null, null));
    }

    @Test
    void restructuredIsAtLeastSpecialMention() {
        assertEquals(SPECIAL_MENTION, FiveTierClassification.classify(BANK, 0, true, null, null));
        assertEquals(SPECIAL_MENTION, FiveTierClassification.classify(BANK, 0, true, NORMAL, null));
        assertEquals(SPECIAL_MENTION, FiveTierClassification.classify(BANK, 0, true, SPECIAL_MENTION, null));
        // DPD can still push it further down
        assertEquals(DOUBTFUL, FiveTierClassification.classify(BANK, 300, true, NORMAL, null));
    }

    @Test
    void restructuredFromNonPerformingStaysAtLeastSubstandard() {
        assertEquals(SUBSTANDARD, FiveTierClassification.classify(BANK, 0, true, SUBSTANDARD, null));
        assertEquals(SUBSTANDARD, FiveTierClassification.classify(BANK, 0, true, LOSS, null));
        // ... but only when it is restructured: the earlier grade means nothing otherwise
        assertEquals(NORMAL, FiveTierClassification.classify(BANK, 0, false, LOSS, null));
    }

    @Test
    void manualGradeMayWorsenButNeverImprove() {
        assertEquals(DOUBTFUL, FiveTierClassification.classify(BANK, 10, false, null, DOUBTFUL));
        assertEquals(SUBSTANDARD, FiveTierClassification.classify(BANK, 100, false, null, NORMAL));
        assertEquals(SUBSTANDARD, FiveTierClassification.classify(BANK, 0, true, SUBSTANDARD, SPECIAL_MENTION));
    }
}
