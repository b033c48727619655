package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiveTierGradeTest {

    @Test
    void nplIsSubstandardOrWorse() {
        assertFalse(FiveTierGrade.NORMAL.isNonPerforming());
        assertFalse(FiveTierGrade.SPECIAL_MENTION.isNonPerforming());
        assertTrue(FiveTierGrade.SUBSTANDARD.isNonPerforming());
        assertTrue(FiveTierGrade.DOUBTFUL.isNonPerforming());
        assertTrue(FiveTierGrade.LOSS.isNonPerforming());
    }

    @Test
    void worseIsNullTolerant() {
        assertEquals(FiveTierGrade.DOUBTFUL, FiveTierGrade.worse(FiveTierGrade.DOUBTFUL, FiveTierGrade.NORMAL));
        assertEquals(FiveTierGrade.DOUBTFUL, FiveTierGrade.worse(FiveTierGrade.NORMAL, FiveTierGrade.DOUBTFUL));
        assertEquals(FiveTierGrade.LOSS, FiveTierGrade.worse(null, FiveTierGrade.LOSS));
        assertEquals(FiveTierGrade.NORMAL, FiveTierGrade.worse(FiveTierGrade.NORMAL, null));
        assertNull(FiveTierGrade.worse(null, null));
    }
}
