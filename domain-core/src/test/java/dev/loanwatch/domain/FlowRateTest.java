package dev.loanwatch.domain;

import static dev.loanwatch.domain.Books.loan;
import static dev.loanwatch.domain.Books.r;
import static dev.loanwatch.domain.RollFixture.CURRENT;
import static dev.loanwatch.domain.RollFixture.PREVIOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Book: see {@link RollFixture}. */
class FlowRateTest {

    @Test
    void cToM1IsAnAggregateRatio() {
        // M1 at t: B 1900 + F 5800 (F stayed in M1) = 7700; C at t−1: 1000 + 2000 + 3000 = 6000 → 1.283333.
        // Above 1 — the aggregate definition of DOMAIN.md counts F, which did not come from C.
        assertEquals(Optional.of(r("1.283333")), FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.C));
        // by count: 2 loans in M1 at t / 3 in C at t−1 = 0.666667
        assertEquals(Optional.of(r("0.666667")), FlowRate.byCount(PREVIOUS, CURRENT, Bucket.C));
    }

    @Test
    void m1ToM2() {
        // M2 at t: E 4800 / M1 at t−1: 15000 = 0.32; count 1/3
        assertEquals(Optional.of(r("0.32")), FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.M1));
        assertEquals(Optional.of(r("0.333333")), FlowRate.byCount(PREVIOUS, CURRENT, Bucket.M1));
    }

    @Test
    void zeroDenominatorIsAbsentAndZeroNumeratorIsZero() {
        assertEquals(Optional.empty(), FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.M2));   // nothing in M2 at t−1
        assertEquals(Optional.of(r("0")), FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.M3)); // G written off, none in M4
    }

    @Test
    void m6ToM7PlusCountsOnlyArrivalsNotTheStock() {
        // M7+ at t: J 1000 (new) + H 8000 (already M7+ at t−1, excluded) → 1000 / M6 1000 = 1
        assertEquals(Optional.of(r("1")), FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.M6));
        assertEquals(Optional.of(r("1")), FlowRate.byCount(PREVIOUS, CURRENT, Bucket.M6));
        assertThrows(IllegalArgumentException.class, () -> FlowRate.byBalance(PREVIOUS, CURRENT, Bucket.M7_PLUS));
    }

    @Test
    void allRatesKeyedByTheBucketFlowedFrom() {
        Map<Bucket, BigDecimal> rates = FlowRate.byBalance(PREVIOUS, CURRENT);
        assertEquals(Map.of(Bucket.C, r("1.283333"), Bucket.M1, r("0.32"), Bucket.M3, r("0"), Bucket.M6, r("1")), rates);
        assertEquals(Map.of(Bucket.C, r("0.666667"), Bucket.M1, r("0.333333"), Bucket.M3, r("0"), Bucket.M6, r("1")),
                FlowRate.byCount(PREVIOUS, CURRENT));
    }

    @Test
    void emptyBooksGiveNoRates() {
        assertEquals(Map.of(), FlowRate.byBalance(List.of(), List.of()));
        assertEquals(Map.of(), FlowRate.byCount(List.of(), CURRENT));
    }

    @Test
    void booksMustBeConsecutiveMonths() {
        List<LoanSnapshot> january = List.of(loan("A", "2024-01-31", "1000", 0));
        assertThrows(IllegalArgumentException.class, () -> FlowRate.byBalance(january, CURRENT, Bucket.C));
    }
}
