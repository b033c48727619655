package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A loan as its contract describes it: product, channel, terms and the repayment schedule.
 *
 * @param product  the lender's product code ("consumer-instalment", "sme-operating", …)
 * @param channel  where the loan was sold ("branch", "app", …); may be null when unknown
 * @param schedule the installments, held in number order; a supplied schedule must pass
 *                 {@link Schedule#validate}, so installment n is at position n − 1 and due dates rise
 */
public record LoanContract(String product, String channel, LoanTerms terms, List<Installment> schedule) {

    public LoanContract {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(terms, "terms");
        List<String> problems = Schedule.validate(terms, schedule);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("schedule: " + String.join("; ", problems));
        }
        schedule = schedule.stream().sorted(Comparator.comparingInt(Installment::number)).toList();
    }

    /** A contract whose schedule is generated from its terms ({@link Schedule#generate}). */
    public static LoanContract of(String product, String channel, LoanTerms terms) {
        return new LoanContract(product, channel, terms, Schedule.generate(terms));
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
