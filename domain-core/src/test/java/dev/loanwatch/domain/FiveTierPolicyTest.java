package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiveTierPolicyTest {

    @ParameterizedTest
    @CsvSource({"0, NORMAL", "1, SPECIAL_MENTION", "90, SPECIAL_MENTION", "91, SUBSTANDARD", "270, SUBSTANDARD",
            "271, DOUBTFUL", "360, DOUBTFUL", "361, LOSS"})
    void commercialBank2023Edges(int dpd, FiveTierGrade expected) {
        assertEquals(expected, FiveTierPolicy.COMMERCIAL_BANK_2023.floor(dpd));
    }

    @ParameterizedTest
    @CsvSource({"0, NORMAL", "1, SPECIAL_MENTION", "90, SPECIAL_MENTION", "91, SUBSTANDARD", "120, SUBSTANDARD",
            "121, DOUBTFUL", "180, DOUBTFUL", "181, LOSS"})
    void creditCardEdges(int dpd, FiveTierGrade expected) {
        assertEquals(expected, FiveTierPolicy.CREDIT_CARD.floor(dpd));
    }

    @Test
    void configurablePerProduct() {
        FiveTierPolicy strict = new FiveTierPolicy(0, 60, 180, 360);
        assertEquals(FiveTierGrade.SUBSTANDARD, strict.floor(61));
    }

    @Test
    void limitsMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new FiveTierPolicy(0, 270, 90, 360));
        assertThrows(IllegalArgumentException.class, () -> new FiveTierPolicy(-1, 90, 270, 360));
    }
}
