package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoanSnapshotTest {

    @Test
    void bucketFromDpdAndAmountsAtTheFen() {
        LoanSnapshot s = Books.loan("L1", "2024-03-31", "2024-01-10", "12000", "9000.5", "300", 31,
                FiveTierGrade.SPECIAL_MENTION, Map.of("industry", "C"));
        assertEquals(Bucket.M2, s.bucket());
        assertEquals(m("9000.50"), s.outstandingPrincipal());
        assertEquals(m("12000"), s.disbursedPrincipal());
        assertEquals("C", s.labels().get("industry"));
    }

    @Test
    void bucketMayComeFromAnotherView() {
        // installment-count view: 2 missed installments → M2 although DPD is 40 days
        LoanSnapshot s = new LoanSnapshot("L1", LocalDate.of(2024, 3, 31), LocalDate.of(2024, 1, 10), m("100"),
                m("80"), m("20"), 40, Bucket.M2, FiveTierGrade.NORMAL, null);
        assertEquals(Bucket.M2, s.bucket());
        assertEquals(Map.of(), s.labels());
    }

    @Test
    void labelsAreCopied() {
        Map<String, String> labels = new HashMap<>(Map.of("region", "440305"));
        LoanSnapshot s = Books.loan("L1", "2024-03-31", "2024-01-10", "100", "80", "0", 0, FiveTierGrade.NORMAL, labels);
        labels.put("region", "110105");
        assertEquals("440305", s.labels().get("region"));
    }

    @Test
    void refusesInconsistentRows() {
        assertThrows(IllegalArgumentException.class,
                () -> Books.loan("L1", "2024-03-31", "100", "100.01", 5, FiveTierGrade.NORMAL)); // overdue > outstanding
        assertThrows(IllegalArgumentException.class,
                () -> Books.loan("L1", "2024-03-31", "2024-04-01", "100", "100", "0", 0, FiveTierGrade.NORMAL, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Books.loan("L1", "2024-03-31", "2024-01-01", "0", "0", "0", 0, FiveTierGrade.NORMAL, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Books.loan("L1", "2024-03-31", "100.001", "0", 0, FiveTierGrade.NORMAL));
        assertThrows(IllegalArgumentException.class,
                () -> Books.loan("L1", "2024-03-31", "-1", "0", 0, FiveTierGrade.NORMAL));
        assertThrows(IllegalArgumentException.class, () -> new LoanSnapshot("L1", LocalDate.of(2024, 3, 31),
                LocalDate.of(2024, 1, 1), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, -1, Bucket.C,
                FiveTierGrade.NORMAL, Map.of()));
    }

    @Test
    void disbursedOnTheSnapshotDayIsAllowed() {
        LoanSnapshot s = Books.loan("L1", "2024-01-31", "2024-01-31", "5000", "5000", "0", 0, FiveTierGrade.NORMAL, Map.of());
        assertEquals(s.snapshotDate(), s.disbursementDate());
    }
}
