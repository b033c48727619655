package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/*
 * Loan A: 12,000.00 at 12 %, 12 months, equal installment, disbursed 2023-12-31, due day 31 (ScheduleTest and
 * DelinquencyStatusTest hold its lines): installment 1 due 2024-01-31 = 946.19 + 120.00, 2 due 02-29 = 955.65 +
 * 110.54, 3 due 03-31 = 965.21 + 100.98, 4 due 04-30; each 1,066.19. The borrower pays installment 1 on its due
 * date, misses installment 2 and pays 1,066.19 on 2024-04-10, which settles installment 2 only.
 *
 * Loan B: 3,000.00 at 12 %, 3 months, equal principal, disbursed 2024-01-15, due day 15: 1,000.00 + 30.00 due
 * 02-15, 1,000.00 + 20.00 due 03-15, 1,000.00 + 10.00 due 04-15. Paid 1,030.00 on 02-15, then 2,030.00 on 03-10,
 * which pays it off.
 *
 * Day counts checked with python3: (date(b) - date(a)).days.
 */
class LoanFeaturesTest {

    private static final BorrowerLabels CATERER = new BorrowerLabels("ENTERPRISE", "H",
            List.of("CATERING"), "SMALL", "44");

    static LoanContract loanA() {
        return LoanContract.of("consumer-instalment", "app", new LoanTerms(m("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, d(2023, 12, 31), 31));
    }

    static List<Payment> paymentsA() {
        return List.of(new Payment(d(2024, 1, 31), m("1066.19")), new Payment(d(2024, 4, 10), m("1066.19")));
    }

    private static LoanContract loanB() {
        return LoanContract.of("sme-operating", "branch", new LoanTerms(m("3000"), new BigDecimal("0.12"), 3,
                RepaymentMethod.EQUAL_PRINCIPAL, d(2024, 1, 15), 15));
    }

    private static List<Payment> paymentsB() {
        return List.of(new Payment(d(2024, 2, 15), m("1030.00")), new Payment(d(2024, 3, 10), m("2030.00")));
    }

    private static LocalDate d(int y, int mo, int day) {
        return LocalDate.of(y, mo, day);
    }

    private static LoanFeatures features(LoanContract loan, List<Payment> payments, LocalDate observation) {
        return LoanFeatures.of(loan, payments, CATERER, observation, Map.of());
    }

    @Test
    void aMissedInstallmentAcrossThe31DayMonths() {
        LoanFeatures f = features(loanA(), paymentsA(), d(2024, 4, 30));
        // installment 3 (due 03-31) is the oldest unpaid: 04-30 − 03-31 = 30 days; installment 4 is due that day,
        // not yet past due
        assertEquals(30, f.numeric("dpd"));
        assertEquals(1, f.numeric("past_due_installments"));
        // month ends: 01-31 paid that day → 0; 02-29 installment 2 due that day → 0; 03-31 − 02-29 = 31 (M2);
        // 04-30 → 30. The 40 days reached on 04-09, between month ends, are not a month end's.
        assertEquals(31, f.numeric("max_dpd_3m"));
        // 6 and 12 months add 2023-12-31 (the disbursement month, 0) and 2024-01-31 (0); earlier months do not count
        assertEquals(31, f.numeric("max_dpd_6m"));
        assertEquals(31, f.numeric("max_dpd_12m"));
        // 2023-12 → 2024-04 at a month end
        assertEquals(4, f.numeric("months_on_book"));
        // window (2024-01-31, 2024-04-30]: installments 2, 3, 4 are due (3 × 1,066.19 = 3,198.57); the due day 31
        // installment of 01-31 is outside, although 2024-04-30 minus three months is 01-30. Paid in the window:
        // 1,066.19 on 04-10 (the 01-31 payment is outside) → 1,066.19 / 3,198.57 = 1/3
        assertEquals(1.0 / 3, f.numeric("payment_ratio_3m"), 1e-12);
        // 12,000.00 − 946.19 − 955.65 = 10,098.16 outstanding
        assertEquals(10098.16 / 12000, f.numeric("outstanding_ratio"), 1e-12);
        assertEquals(0.12, f.numeric("annual_rate"));
        assertEquals(12, f.numeric("term_months"));
        assertEquals(12000, f.numeric("principal"));
    }

    @Test
    void theMaximaLookBack3_6And12MonthEnds() {
        // loan A caught up: 2,132.38 on 04-10 settles installments 2 and 3, then every installment on its due date
        List<Payment> caughtUp = List.of(new Payment(d(2024, 1, 31), m("1066.19")),
                new Payment(d(2024, 4, 10), m("2132.38")), new Payment(d(2024, 4, 30), m("1066.19")),
                new Payment(d(2024, 5, 31), m("1066.19")), new Payment(d(2024, 6, 30), m("1066.19")),
                new Payment(d(2024, 7, 31), m("1066.19")), new Payment(d(2024, 8, 31), m("1066.19")),
                new Payment(d(2024, 9, 30), m("1066.19")), new Payment(d(2024, 10, 31), m("1066.19")));
        // the only month end past due is 2024-03-31 (31 days)
        LoanFeatures august = features(loanA(), caughtUp, d(2024, 8, 31));
        assertEquals(0, august.numeric("max_dpd_3m")); // 06-30, 07-31, 08-31
        assertEquals(31, august.numeric("max_dpd_6m")); // 03-31 … 08-31
        assertEquals(31, august.numeric("max_dpd_12m"));
        // window (05-31, 08-31]: due and paid 06-30, 07-31, 08-31 → 1
        assertEquals(1.0, august.numeric("payment_ratio_3m"), 1e-12);

        LoanFeatures october = features(loanA(), caughtUp, d(2024, 10, 31));
        assertEquals(0, october.numeric("max_dpd_6m")); // 05-31 … 10-31
        assertEquals(31, october.numeric("max_dpd_12m")); // 2023-11-30 … 10-31; 2023-11 is before disbursement
    }

    @Test
    void theMonthEndAfterAMissedLeapDayInstallmentIsAlreadyM2() {
        LoanFeatures f = features(loanA(), paymentsA(), d(2024, 3, 31));
        // 03-31 − 02-29 = 31: one installment past due, the one of 03-31 falls due that day
        assertEquals(31, f.numeric("dpd"));
        assertEquals(Bucket.M2, Bucket.ofDpd((int) f.numeric("dpd")));
        assertEquals(1, f.numeric("past_due_installments"));
        // window (2023-12-31, 2024-03-31]: installments 1, 2, 3 due = 3,198.57; paid 1,066.19 (01-31)
        assertEquals(1.0 / 3, f.numeric("payment_ratio_3m"), 1e-12);
        // only installment 1's principal is repaid: 12,000.00 − 946.19 = 11,053.81
        assertEquals(11053.81 / 12000, f.numeric("outstanding_ratio"), 1e-12);
    }

    @Test
    void beforeTheFirstDueDate() {
        // disbursed 2023-12-31, first due 2024-01-31
        LoanFeatures atDisbursement = features(loanA(), paymentsA(), d(2023, 12, 31));
        LoanFeatures midJanuary = features(loanA(), paymentsA(), d(2024, 1, 15));
        for (LoanFeatures f : List.of(atDisbursement, midJanuary)) {
            assertEquals(0, f.numeric("dpd"));
            assertEquals(0, f.numeric("max_dpd_3m"));
            assertEquals(0, f.numeric("max_dpd_12m"));
            assertEquals(0, f.numeric("past_due_installments"));
            assertEquals(0, f.numeric("months_on_book"));
            // nothing has fallen due yet: the ratio is missing, not 0 or 1
            assertTrue(Double.isNaN(f.numeric("payment_ratio_3m")));
            assertEquals(1.0, f.numeric("outstanding_ratio"));
        }
    }

    @Test
    void aLoanPaidOff() {
        LoanFeatures f = features(loanB(), paymentsB(), d(2024, 3, 31));
        assertEquals(0, f.numeric("dpd"));
        assertEquals(0, f.numeric("past_due_installments"));
        assertEquals(0.0, f.numeric("outstanding_ratio"));
        // 2024-01 → 2024-03
        assertEquals(2, f.numeric("months_on_book"));
        // window (2023-12-31, 2024-03-31]: due 1,030.00 + 1,020.00 = 2,050.00; paid 1,030.00 + 2,030.00 = 3,060.00
        // → 3,060 / 2,050 = 1.4926…: the prepayment shows as a ratio above 1
        assertEquals(3060.0 / 2050, f.numeric("payment_ratio_3m"), 1e-12);
        assertEquals("sme-operating", f.categorical("product"));
        assertEquals("EQUAL_PRINCIPAL", f.categorical("repayment_method"));
    }

    @Test
    void categoricalFeaturesFromTheContractAndTheBorrower() {
        LoanFeatures f = features(loanA(), paymentsA(), d(2024, 4, 30));
        assertEquals(LoanFeatures.CATEGORICAL, List.of("product", "channel", "repayment_method", "industry_section",
                "industry_risk_group", "size_class", "province", "customer_type"));
        assertEquals(List.of("consumer-instalment", "app", "EQUAL_INSTALLMENT", "H", "CATERING", "SMALL", "44",
                "ENTERPRISE"), List.of(f.categorical()));

        BorrowerLabels unknown = new BorrowerLabels(null, null, List.of(), null, null);
        LoanFeatures g = LoanFeatures.of(loanA(), paymentsA(), unknown, d(2024, 4, 30), Map.of());
        assertEquals(LoanFeatures.NO_RISK_GROUP, g.categorical("industry_risk_group"));
        assertNull(g.categorical("industry_section"));
        assertNull(g.categorical("size_class"));
        assertNull(g.categorical("province"));
        assertNull(g.categorical("customer_type"));
    }

    @Test
    void externalFieldsFollowInTheOrderOfTheirNames() {
        Map<String, Double> external = new HashMap<>();
        external.put("negative_news", null);
        external.put("bureau_score", 655.0);
        LoanFeatures f = LoanFeatures.of(loanA(), paymentsA(), CATERER, d(2024, 4, 30), external);
        assertEquals(LoanFeatures.NUMERIC, f.numericNames().subList(0, LoanFeatures.NUMERIC.size()));
        assertEquals(List.of("bureau_score", "negative_news"),
                f.numericNames().subList(LoanFeatures.NUMERIC.size(), f.numericNames().size()));
        assertEquals(655.0, f.numeric("bureau_score"));
        assertTrue(Double.isNaN(f.numeric("negative_news")));
        assertEquals(f.numericNames().size(), f.numeric().length);

        assertThrows(IllegalArgumentException.class,
                () -> LoanFeatures.of(loanA(), paymentsA(), CATERER, d(2024, 4, 30), Map.of("dpd", 1.0)));
    }

    @Test
    void nothingAfterTheObservationDateChangesAFeature() {
        LocalDate observation = d(2024, 3, 31);
        LoanFeatures known = features(loanA(), paymentsA(), observation);
        // the same loan with a different future: the 04-10 payment moved to the next morning and doubled,
        // more payments later, and the history replayed to the end of the year
        List<Payment> otherFuture = List.of(new Payment(d(2024, 1, 31), m("1066.19")),
                new Payment(d(2024, 4, 1), m("2132.38")), new Payment(d(2024, 5, 31), m("5000.00")),
                new Payment(d(2024, 9, 1), m("7000.00")));
        assertEquals(known, features(loanA(), otherFuture, observation));
        LoanHistory toYearEnd = LoanHistory.replay(loanA(), otherFuture, d(2024, 12, 31));
        assertEquals(known, LoanFeatures.of(loanA(), toYearEnd, CATERER, observation, Map.of()));
        // and the future does change the features once it has happened
        assertTrue(!known.equals(features(loanA(), otherFuture, d(2024, 4, 30))));
    }

    @Test
    void oneReplayGivesEveryMonthEndTheFeaturesOfItsOwnReplay() {
        LoanHistory whole = LoanHistory.replay(loanA(), paymentsA(), d(2024, 12, 31));
        for (LocalDate monthEnd = d(2023, 12, 31); !monthEnd.isAfter(d(2024, 12, 31));
             monthEnd = monthEnd.plusMonths(1).withDayOfMonth(monthEnd.plusMonths(1).lengthOfMonth())) {
            assertEquals(features(loanA(), paymentsA(), monthEnd),
                    LoanFeatures.of(loanA(), whole, CATERER, monthEnd, Map.of()), monthEnd.toString());
        }
    }

    @Test
    void anObservationBeforeTheDisbursementOrBetweenCheckpointsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> features(loanA(), paymentsA(), d(2023, 12, 30)));
        LoanHistory whole = LoanHistory.replay(loanA(), paymentsA(), d(2024, 12, 31));
        assertThrows(IllegalArgumentException.class,
                () -> LoanFeatures.of(loanA(), whole, CATERER, d(2024, 4, 15), Map.of()));
    }

    @Test
    void theFixedOrderOfNumericFeatures() {
        assertEquals(List.of("dpd", "max_dpd_3m", "max_dpd_6m", "max_dpd_12m", "past_due_installments",
                "months_on_book", "payment_ratio_3m", "outstanding_ratio", "annual_rate", "term_months", "principal"),
                LoanFeatures.NUMERIC);
        LoanFeatures f = features(loanA(), paymentsA(), d(2024, 4, 30));
        assertEquals(LoanFeatures.NUMERIC, f.numericNames());
        assertEquals(30, f.numeric()[0]);
        assertEquals(12000, f.numeric()[10]);
    }
}
