package dev.loanwatch.domain;

import static dev.loanwatch.domain.FiveTierGrade.DOUBTFUL;
import static dev.loanwatch.domain.FiveTierGrade.LOSS;
import static dev.loanwatch.domain.FiveTierGrade.NORMAL;
import static dev.loanwatch.domain.FiveTierGrade.SPECIAL_MENTION;
import static dev.loanwatch.domain.FiveTierGrade.SUBSTANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.FiveTierMigration.Movement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FiveTierMigrationTest {

    static Movement m(FiveTierGrade start, String startBalance, FiveTierGrade end, String endBalance) {
        return new Movement(start, new BigDecimal(startBalance), Optional.ofNullable(end), new BigDecimal(endBalance));
    }

    /*
     * Normal at the start: A 100 → normal 90 (decreased 10); B 100 → substandard 95 (decreased 5);
     * C 50 → repaid (decreased 50); D 40 → special mention 42 (grew: decreased 0).
     * Normal-class rate = (95 + 42) / (290 − 10 − 5 − 50 − 0) = 137 / 225 = 0.608889.
     * Special mention at the start: E 200 → doubtful 180; F 100 → normal 100.
     * SM rate = 180 / (300 − 20) = 0.642857. Normal-loans rate = (95 + 180) / (225 + 280) = 275 / 505
     * = 0.544554 (D's move to special mention is not a move into NPL).
     */
    static final List<Movement> BOOK = List.of(
            m(NORMAL, "100", NORMAL, "90"), m(NORMAL, "100", SUBSTANDARD, "95"), m(NORMAL, "50", null, "0"),
            m(NORMAL, "40", SPECIAL_MENTION, "42"), m(SPECIAL_MENTION, "200", DOUBTFUL, "180"),
            m(SPECIAL_MENTION, "100", NORMAL, "100"), m(SUBSTANDARD, "60", LOSS, "60"), m(DOUBTFUL, "10", DOUBTFUL, "10"));

    @Test
    void workedExample() {
        assertEquals(new BigDecimal("0.608889"), FiveTierMigration.rate(NORMAL, BOOK).orElseThrow());
        assertEquals(new BigDecimal("0.642857"), FiveTierMigration.rate(SPECIAL_MENTION, BOOK).orElseThrow());
        assertEquals(new BigDecimal("1.000000"), FiveTierMigration.rate(SUBSTANDARD, BOOK).orElseThrow());
        assertEquals(new BigDecimal("0.000000"), FiveTierMigration.rate(DOUBTFUL, BOOK).orElseThrow());
        assertEquals(new BigDecimal("0.544554"), FiveTierMigration.normalLoansRate(BOOK).orElseThrow());
    }

    @Test
    void edges() {
        // every normal loan repaid: nothing left to migrate — no rate, not 0 %
        assertTrue(FiveTierMigration.rate(NORMAL, List.of(m(NORMAL, "100", null, "0"))).isEmpty());
        assertTrue(FiveTierMigration.rate(NORMAL, List.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FiveTierMigration.rate(LOSS, BOOK));
        assertThrows(IllegalArgumentException.class, () -> m(NORMAL, "100", null, "5"));
    }
}
