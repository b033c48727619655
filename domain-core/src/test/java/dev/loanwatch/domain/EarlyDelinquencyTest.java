package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.EarlyDelinquency.InstallmentRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarlyDelinquencyTest {
    static final LocalDate DUE1 = LocalDate.of(2025, 1, 20);
    static final LocalDate DUE2 = LocalDate.of(2025, 2, 20);

    static InstallmentRecord i(int n, LocalDate due, LocalDate paid) {
        return new InstallmentRecord(n, due, Optional.ofNullable(paid));
    }

    @Test
    void daysPastDueReachedStopTheDayBeforeFullPayment() {
        // paid 31 days after the due date: past due on days 1…30, DPD 30 at most — not FPD30
        assertEquals(30, EarlyDelinquency.maxDaysPastDue(i(1, DUE1, DUE1.plusDays(31)), DUE1.plusDays(90)));
        assertEquals(31, EarlyDelinquency.maxDaysPastDue(i(1, DUE1, DUE1.plusDays(32)), DUE1.plusDays(90)));
        assertEquals(0, EarlyDelinquency.maxDaysPastDue(i(1, DUE1, DUE1), DUE1.plusDays(90)));
        assertEquals(0, EarlyDelinquency.maxDaysPastDue(i(1, DUE1, DUE1.minusDays(3)), DUE1.plusDays(90)));
        // a payment after the as-of date does not count yet
        assertEquals(10, EarlyDelinquency.maxDaysPastDue(i(1, DUE1, DUE1.plusDays(40)), DUE1.plusDays(10)));
    }

    @Test
    void fpdAndSpdOnAWorkedBook() {
        LocalDate asOf = DUE2.plusDays(31);
        List<List<InstallmentRecord>> loans = List.of(
                List.of(i(1, DUE1, DUE1), i(2, DUE2, DUE2)),                          // good
                List.of(i(1, DUE1, DUE1.plusDays(40)), i(2, DUE2, null)),             // FPD30
                List.of(i(1, DUE1, DUE1.plusDays(2)), i(2, DUE2, null)),              // SPD30
                List.of(i(1, DUE1, null), i(2, DUE2, null)),                          // FPD30, so not SPD
                List.of(i(1, DUE1.plusDays(40), null)));                              // first due too recently: not counted
        // FPD30: 2 of the 4 loans whose first installment is more than 30 days past due
        assertEquals(new BigDecimal("0.500000"), EarlyDelinquency.rate(1, 30, loans, asOf).orElseThrow());
        // SPD30: 1 of 4 (first clean, second more than 30 days overdue)
        assertEquals(new BigDecimal("0.250000"), EarlyDelinquency.rate(2, 30, loans, asOf).orElseThrow());
        // exactly 30 days after the second due date nobody counts yet: no rate, not 0 %
        assertTrue(EarlyDelinquency.rate(2, 30, loans, DUE2.plusDays(30)).isEmpty());
        assertTrue(EarlyDelinquency.rate(3, 30, loans, asOf).isEmpty());
    }

    @Test
    void maliciousMeansNeverPaidFromTheFirstInstallmentOn() {
        List<InstallmentRecord> never = List.of(i(1, DUE1, null), i(2, DUE2, null), i(3, DUE2.plusMonths(1), null));
        LocalDate asOf = DUE2.plusMonths(1).plusDays(1);
        assertTrue(EarlyDelinquency.malicious(never, 2, asOf));
        // the third installment is not due yet: cannot be judged
        assertFalse(EarlyDelinquency.malicious(never, 2, DUE2.plusMonths(1)));
        List<InstallmentRecord> paidOnce = List.of(i(1, DUE1, null), i(2, DUE2, DUE2.plusDays(5)), i(3, DUE2.plusMonths(1), null));
        assertFalse(EarlyDelinquency.malicious(paidOnce, 2, asOf));
        assertTrue(EarlyDelinquency.malicious(paidOnce, 0, asOf));
    }

    @Test
    void maliciousRateIsOverTheLoansThatCanBeJudged() {
        LocalDate asOf = DUE2.plusMonths(1).plusDays(1);
        List<InstallmentRecord> never = List.of(i(1, DUE1, null), i(2, DUE2, null), i(3, DUE2.plusMonths(1), null));
        List<InstallmentRecord> paid = List.of(i(1, DUE1, DUE1), i(2, DUE2, null), i(3, DUE2.plusMonths(1), null));
        List<InstallmentRecord> tooYoung = List.of(i(1, DUE2, null), i(2, asOf, null), i(3, asOf.plusMonths(1), null));
        List<InstallmentRecord> short2 = List.of(i(1, DUE1, null), i(2, DUE2, null));
        // judged: never and paid (tooYoung's later ones are not due, short2 has no third): 1 of 2
        assertEquals(new BigDecimal("0.500000"),
                EarlyDelinquency.maliciousRate(List.of(never, paid, tooYoung, short2), 2, asOf).orElseThrow());
        assertTrue(EarlyDelinquency.maliciousRate(List.of(tooYoung, short2), 2, asOf).isEmpty());
    }
}
