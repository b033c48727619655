package dev.loanwatch.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The model features of one loan at an observation date (DOMAIN.md §6): the one implementation the trainer and the
 * scoring service share, so that a model is given exactly what it learnt from.
 *
 * <p><b>Point in time.</b> Every feature is computed from the contract, the borrower's labels and the payments
 * with a value date on or before the observation date (as of its end): nothing after it can change a feature.
 * Statuses come from a {@link LoanHistory}, which counts at each date only the payments known by then.
 *
 * <p><b>Numeric features</b> ({@link #NUMERIC}, in this order; NaN = missing), observation date D:
 * <ol>
 * <li>{@code dpd} — DPD at D ({@link DelinquencyStatus}, tolerance 0).</li>
 * <li>{@code max_dpd_3m}, {@code max_dpd_6m}, {@code max_dpd_12m} — the highest DPD at D and at the month ends of
 *     the 2 (5, 11) calendar months before D's month, each as it stood then; month ends before the disbursement
 *     month do not count. For a month-end D these are the last 3 (6, 12) month ends.</li>
 * <li>{@code past_due_installments} — installments past due at D (逾期期数).</li>
 * <li>{@code months_on_book} — {@link MonthsOnBook} at D.</li>
 * <li>{@code payment_ratio_3m} — cash received with a value date in (W, D] over the principal and interest of
 *     the installments due in (W, D], where W is the end of the calendar month three months before D's month
 *     (for D = 2024-04-30, W = 2024-01-31: the installments of February, March and April, whatever their due day).
 *     NaN when nothing fell due then (before the first due date); above 1 when arrears were caught up or the loan
 *     was prepaid; 0 when nothing was paid.</li>
 * <li>{@code outstanding_ratio} — principal not yet repaid at D over the principal disbursed (0 once paid off).</li>
 * <li>{@code annual_rate} — nominal annual rate as a fraction; {@code term_months}; {@code principal} — the amount
 *     disbursed in yuan.</li>
 * <li>then the external fields supplied (bureau score, registry changes, …), in the order of their names.</li>
 * </ol>
 *
 * <p><b>Categorical features</b> ({@link #CATEGORICAL}, in this order; null = missing): {@code product},
 * {@code channel}, {@code repayment_method} (a {@link RepaymentMethod} name), {@code industry_section} (GB/T 4754
 * letter), {@code industry_risk_group} (the first of the borrower's {@link RiskSectorGroup}s, {@value #NO_RISK_GROUP}
 * when none), {@code size_class}, {@code province} (2-digit GB/T 2260), {@code customer_type} — see
 * {@link BorrowerLabels}.
 *
 * @param numericNames {@link #NUMERIC} followed by the external fields' names
 * @param numeric      one value per numeric name
 * @param categorical  one value per {@link #CATEGORICAL} name
 */
public record LoanFeatures(List<String> numericNames, double[] numeric, String[] categorical) {

    public static final List<String> NUMERIC = List.of("dpd", "max_dpd_3m", "max_dpd_6m", "max_dpd_12m",
            "past_due_installments", "months_on_book", "payment_ratio_3m", "outstanding_ratio", "annual_rate",
            "term_months", "principal");
    public static final List<String> CATEGORICAL = List.of("product", "channel", "repayment_method",
            "industry_section", "industry_risk_group", "size_class", "province", "customer_type");
    /** The industry risk group of a borrower in none of the groups (or of unknown industry). */
    public static final String NO_RISK_GROUP = "NONE";

    public LoanFeatures {
        numericNames = List.copyOf(numericNames);
        numeric = numeric.clone();
        categorical = categorical.clone();
        if (numeric.length != numericNames.size() || categorical.length != CATEGORICAL.size()) {
            throw new IllegalArgumentException(numeric.length + " numeric values for " + numericNames.size()
                    + " names, " + categorical.length + " categorical values for " + CATEGORICAL.size());
        }
    }

    /**
     * The features of a loan at the end of {@code observationDate}, from the payments known by then.
     *
     * @param payments        the loan's payments, in any order; those after the observation date are ignored
     * @param observationDate normally a month end; on or after the disbursement date
     * @param external        further numeric fields by name (null value = missing), none of them named like a
     *                        feature above; give every loan the same names so that rows line up
     */
    public static LoanFeatures of(LoanContract loan, List<Payment> payments, BorrowerLabels borrower,
                                  LocalDate observationDate, Map<String, Double> external) {
        return of(loan, LoanHistory.replay(loan, payments, observationDate), borrower, observationDate, external);
    }

    /**
     * The same from a history replayed once (to {@code observationDate} or later): a trainer derives every month
     * end of a loan from one replay. The history only reveals what was known at each date, so the result equals
     * {@link #of(LoanContract, List, BorrowerLabels, LocalDate, Map)}.
     *
     * @param history         {@link LoanHistory#replay} of this loan
     * @param observationDate a checkpoint of the history: a month end up to its end, or its end
     */
    public static LoanFeatures of(LoanContract loan, LoanHistory history, BorrowerLabels borrower,
                                  LocalDate observationDate, Map<String, Double> external) {
        DelinquencyStatus now = history.status(observationDate).orElseThrow(() -> new IllegalArgumentException(
                "observation date " + observationDate + " is not a month end of the loan's history up to "
                        + history.until() + " (disbursed " + loan.terms().disbursementDate() + ")"));
        LoanTerms terms = loan.terms();
        LocalDate threeMonthsBack = YearMonth.from(observationDate).minusMonths(3).atEndOfMonth();
        double due = loan.due(threeMonthsBack, observationDate).doubleValue();
        double paid = history.paid(threeMonthsBack, observationDate).doubleValue();

        List<String> names = NUMERIC;
        double[] numeric = new double[NUMERIC.size() + external.size()];
        numeric[0] = now.dpd();
        numeric[1] = maxMonthEndDpd(history, observationDate, 3);
        numeric[2] = maxMonthEndDpd(history, observationDate, 6);
        numeric[3] = maxMonthEndDpd(history, observationDate, 12);
        numeric[4] = now.pastDueInstallments();
        numeric[5] = MonthsOnBook.of(terms.disbursementDate(), observationDate);
        numeric[6] = due == 0 ? Double.NaN : paid / due;
        numeric[7] = now.outstandingPrincipal().doubleValue() / terms.principal().doubleValue();
        numeric[8] = terms.annualRate().doubleValue();
        numeric[9] = terms.termMonths();
        numeric[10] = terms.principal().doubleValue();
        if (!external.isEmpty()) {
            names = new ArrayList<>(NUMERIC);
            int i = NUMERIC.size();
            for (Map.Entry<String, Double> e : new TreeMap<>(external).entrySet()) {
                if (NUMERIC.contains(e.getKey()) || CATEGORICAL.contains(e.getKey())) {
                    throw new IllegalArgumentException("external field " + e.getKey() + " has the name of a feature");
                }
                names.add(e.getKey());
                numeric[i++] = e.getValue() == null ? Double.NaN : e.getValue();
            }
        }

        String[] categorical = {loan.product(), loan.channel(), terms.method().name(), borrower.industrySection(),
                borrower.riskSectorGroups().isEmpty() ? NO_RISK_GROUP : borrower.riskSectorGroups().get(0),
                borrower.sizeClass(), borrower.province(), borrower.customerType()};
        return new LoanFeatures(names, numeric, categorical);
    }

    /** The highest DPD at the observation date and the month ends of the {@code months} − 1 months before it. */
    private static int maxMonthEndDpd(LoanHistory history, LocalDate observationDate, int months) {
        int max = 0;
        YearMonth month = YearMonth.from(observationDate);
        for (int back = 1; back < months; back++) {
            int dpd = history.status(month.minusMonths(back).atEndOfMonth()).map(DelinquencyStatus::dpd).orElse(0);
            max = Math.max(max, dpd);
        }
        return Math.max(max, history.status(observationDate).orElseThrow().dpd());
    }

    /** A numeric feature by name. */
    public double numeric(String name) {
        int i = numericNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no numeric feature " + name);
        }
        return numeric[i];
    }

    /** A categorical feature by name. */
    public String categorical(String name) {
        int i = CATEGORICAL.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no categorical feature " + name);
        }
        return categorical[i];
    }

    @Override
    public double[] numeric() {
        return numeric.clone();
    }

    @Override
    public String[] categorical() {
        return categorical.clone();
    }

    /** Equal names and values; NaN equals NaN (a missing value is the same missing value). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LoanFeatures f && numericNames.equals(f.numericNames)
                && Arrays.equals(numeric, f.numeric) && Arrays.equals(categorical, f.categorical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numericNames, Arrays.hashCode(numeric), Arrays.hashCode(categorical));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LoanFeatures{");
        for (int i = 0; i < numeric.length; i++) {
            s.append(numericNames.get(i)).append('=').append(numeric[i]).append(", ");
        }
        for (int i = 0; i < categorical.length; i++) {
            s.append(CATEGORICAL.get(i)).append('=').append(categorical[i]).append(i + 1 < categorical.length ? ", " : "}");
        }
        return s.toString();
    }
}
