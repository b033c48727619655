package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/* Loan A of LoanFeaturesTest: installment 1 paid 2024-01-31, installment 2 (due 02-29) paid 2024-04-10. */
class LoanHistoryTest {

    private static LocalDate d(int y, int mo, int day) {
        return LocalDate.of(y, mo, day);
    }

    @Test
    void checkpointsAreTheMonthEndsFromTheDisbursementMonthAndTheEnd() {
        LoanHistory h = LoanHistory.replay(LoanFeaturesTest.loanA(), LoanFeaturesTest.paymentsA(), d(2024, 4, 15));
        assertTrue(h.status(d(2023, 12, 31)).isPresent());
        assertTrue(h.status(d(2024, 2, 29)).isPresent());
        assertTrue(h.status(d(2024, 4, 15)).isPresent());
        assertEquals(Optional.empty(), h.status(d(2023, 11, 30)));
        assertEquals(Optional.empty(), h.status(d(2024, 3, 15)));
        assertEquals(Optional.empty(), h.status(d(2024, 4, 30)));
        // 04-15 − 03-31 = 15: installment 2 is paid (04-10), installment 3 is the oldest past due
        assertEquals(15, h.status(d(2024, 4, 15)).orElseThrow().dpd());
    }

    @Test
    void theMaximumDpdCountsEveryDayNotOnlyMonthEnds() {
        LoanHistory h = LoanHistory.replay(LoanFeaturesTest.loanA(), LoanFeaturesTest.paymentsA(), d(2024, 12, 31));
        // 04-09, the day before the payment: 04-09 − 02-29 = 40; month ends show 31 (03-31) and 30 (04-30)
        assertEquals(40, h.maxDpd(d(2024, 3, 31), d(2024, 4, 30)));
        assertEquals(31, h.maxDpd(d(2024, 2, 29), d(2024, 3, 31)));
        // the peak day itself is inside (after, through] only when after is earlier
        assertEquals(30, h.maxDpd(d(2024, 4, 9), d(2024, 4, 30)));
        // nothing paid after 04-10: at 12-31 the oldest unpaid is installment 3, 12-31 − 03-31 = 275
        assertEquals(275, h.maxDpd(d(2024, 4, 30), d(2024, 12, 31)));
        assertEquals(0, h.maxDpd(d(2023, 12, 31), d(2024, 2, 29)));
        assertThrows(IllegalArgumentException.class, () -> h.maxDpd(d(2024, 3, 31), d(2024, 4, 20)));
    }

    @Test
    void paymentsCountOnTheirValueDate() {
        LoanHistory h = LoanHistory.replay(LoanFeaturesTest.loanA(), LoanFeaturesTest.paymentsA(), d(2024, 4, 30));
        assertEquals(m("1066.19"), h.paid(d(2023, 12, 31), d(2024, 1, 31)));
        assertEquals(m("0.00"), h.paid(d(2024, 1, 31), d(2024, 4, 9)));
        assertEquals(m("2132.38"), h.paid(d(2023, 12, 31), d(2024, 4, 30)));
        assertThrows(IllegalArgumentException.class, () -> h.paid(d(2024, 1, 31), d(2024, 5, 31)));
        assertEquals(Optional.empty(), h.settledOn());
    }

    @Test
    void aPaymentOnAMonthEndCountsForThatMonthEnd() {
        LoanHistory h = LoanHistory.replay(LoanFeaturesTest.loanA(), LoanFeaturesTest.paymentsA(), d(2024, 2, 29));
        assertEquals(0, h.status(d(2024, 1, 31)).orElseThrow().dpd());
        assertEquals(m("11053.81"), h.status(d(2024, 1, 31)).orElseThrow().outstandingPrincipal());
    }

    @Test
    void settledOnIsTheDayNothingIsOwedAnyMore() {
        LoanContract loan = LoanContract.of("consumer-instalment", "app", new LoanTerms(m("1200"),
                java.math.BigDecimal.ZERO, 2, RepaymentMethod.EQUAL_PRINCIPAL, d(2024, 1, 10), 10));
        // 600.00 due 02-10 and 03-10, no interest; 1,300.00 on 02-05 pays both and leaves 100.00 as credit
        LoanHistory h = LoanHistory.replay(loan, List.of(new Payment(d(2024, 2, 5), m("1300.00")),
                new Payment(d(2024, 3, 1), m("5.00"))), d(2024, 6, 30));
        assertEquals(Optional.of(d(2024, 2, 5)), h.settledOn());
        assertEquals(m("0.00"), h.status(d(2024, 2, 29)).orElseThrow().outstandingPrincipal());
        assertEquals(0, h.maxDpd(d(2024, 1, 31), d(2024, 6, 30)));
        // a history that ends before the payment does not know it
        assertEquals(Optional.empty(), LoanHistory.replay(loan, List.of(new Payment(d(2024, 2, 5), m("1300.00"))),
                d(2024, 2, 4)).settledOn());
    }

    @Test
    void aHistoryCannotEndBeforeTheDisbursement() {
        assertThrows(IllegalArgumentException.class,
                () -> LoanHistory.replay(LoanFeaturesTest.loanA(), List.of(), d(2023, 12, 30)));
    }
}
