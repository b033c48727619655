package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A loan as its contract describes it: product, channel, terms and the repayment schedule, held in number order
 * (installment n at position n − 1, due dates rising). The schedule is either generated from the terms
 * ({@link #of}) or supplied and validated ({@link #supplied}).
 */
public final class LoanContract {

    private final String product;
    private final String channel;
    private final LoanTerms terms;
    private final List<Installment> schedule;

    private LoanContract(String product, String channel, LoanTerms terms, List<Installment> schedule) {
        this.product = Objects.requireNonNull(product, "product");
        this.channel = channel;
        this.terms = Objects.requireNonNull(terms, "terms");
        this.schedule = schedule;
    }

    /**
     * A contract whose schedule is generated from its terms ({@link Schedule#generate}).
     *
     * @param product the lender's product code ("consumer-instalment", "sme-operating", …)
     * @param channel where the loan was sold ("branch", "app", …); null when unknown
     */
    public static LoanContract of(String product, String channel, LoanTerms terms) {
        return new LoanContract(product, channel, terms, Schedule.generate(terms));
    }

    /** A contract with a schedule that arrived as data: it must pass {@link Schedule#validate}; any order. */
    public static LoanContract supplied(String product, String channel, LoanTerms terms, List<Installment> schedule) {
        List<String> problems = Schedule.validate(terms, schedule);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("schedule: " + String.join("; ", problems));
        }
        return new LoanContract(product, channel, terms,
                schedule.stream().sorted(Comparator.comparingInt(Installment::number)).toList());
    }

    public String product() {
        return product;
    }

    /** Null when unknown. */
    public String channel() {
        return channel;
    }

    public LoanTerms terms() {
        return terms;
    }

    /** The installments in number order. */
    public List<Installment> schedule() {
        return schedule;
    }

    /** Principal plus interest of the installments due in (after, through]: what the borrower had to pay then. */
    public BigDecimal due(LocalDate after, LocalDate through) {
        BigDecimal sum = Money.ZERO;
        for (Installment i : schedule) {
            if (i.dueDate().isAfter(after) && !i.dueDate().isAfter(through)) {
                sum = sum.add(i.totalDue());
            }
        }
        return sum;
    }
}
