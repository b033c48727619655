package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookPdTest {
    static final LocalDate JAN = LocalDate.of(2025, 1, 31);
    static final LocalDate FEB = LocalDate.of(2025, 2, 28);

    static LoanSnapshot at(String id, LocalDate date, int dpd) {
        return LoanSnapshot.ofDpd(id, date, LocalDate.of(2024, 6, 30), new BigDecimal("1000.00"), new BigDecimal("800.00"),
                dpd == 0 ? new BigDecimal("0.00") : new BigDecimal("100.00"), dpd, FiveTierGrade.NORMAL, Map.of());
    }

    /*
     * January → February. C (10 loans): 8 stay, 1 → M1, 1 settles. M1 (2): 1 → C, 1 → M2. M2 (1) → M3.
     * M3 (1) → M4 (default). So P(C→C) 0.8, P(C→M1) 0.1, P(C→settled) 0.1; P(M1→C) 0.5, P(M1→M2) 0.5;
     * P(M2→M3) 1; P(M3→default) 1.
     */
    static RollRateMatrix book() {
        List<LoanSnapshot> jan = new ArrayList<>();
        List<LoanSnapshot> feb = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jan.add(at("c" + i, JAN, 0));
            if (i < 8) {
                feb.add(at("c" + i, FEB, 0));
            } else if (i == 8) {
                feb.add(at("c" + i, FEB, 10));
            }
        }
        jan.add(at("m1a", JAN, 15));
        feb.add(at("m1a", FEB, 0));
        jan.add(at("m1b", JAN, 15));
        feb.add(at("m1b", FEB, 43));
        jan.add(at("m2", JAN, 45));
        feb.add(at("m2", FEB, 73));
        jan.add(at("m3", JAN, 75));
        feb.add(at("m3", FEB, 103));
        return RollRateMatrix.of(jan, feb, Set.of());
    }

    @Test
    void pdOverAHorizonFollowsThePathsIntoDefault() {
        BookPd pd = BookPd.of(List.of(book())).orElseThrow();
        assertEquals(new BigDecimal("1.000000"), pd.pd(Bucket.M3, 1));
        assertEquals(new BigDecimal("0.000000"), pd.pd(Bucket.M2, 1));
        assertEquals(new BigDecimal("1.000000"), pd.pd(Bucket.M2, 2));
        assertEquals(new BigDecimal("0.500000"), pd.pd(Bucket.M1, 3));
        assertEquals(new BigDecimal("0.000000"), pd.pd(Bucket.C, 0));
        // C → M1 → M2 → M3 → default: 0.1 × 0.5 = 0.05 in four months; in five also C → C → M1 → … : + 0.8 × 0.05
        assertEquals(new BigDecimal("0.050000"), pd.pd(Bucket.C, 4));
        assertEquals(new BigDecimal("0.090000"), pd.pd(Bucket.C, 5));
        // already in default
        assertEquals(new BigDecimal("1.000000"), pd.pd(Bucket.M5, 0));
    }

    @Test
    void aBookThatNeverSawABucketHasNoChain() {
        List<LoanSnapshot> jan = List.of(at("a", JAN, 0));
        List<LoanSnapshot> feb = List.of(at("a", FEB, 0));
        assertTrue(BookPd.of(List.of(RollRateMatrix.of(jan, feb, Set.of()))).isEmpty());
        assertTrue(BookPd.of(List.of()).isEmpty());
    }
}
