package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repayment schedules: generated from the contract (DOMAIN.md §1 conventions) or, when supplied,
 * validated.
 *
 * <p>Interest of every period is outstanding × annual/12, whatever the number of days in the
 * period, so a short or long first period (disbursement day ≠ due day) carries a full month's
 * interest. That is the stated convention; day-count interest would be a product setting.
 */
public final class Schedule {

    private Schedule() {
    }

    public static List<Installment> generate(LoanTerms terms) {
        BigDecimal r = terms.monthlyRate();
        int n = terms.termMonths();
        BigDecimal levelPrincipal = Money.fen(terms.principal().divide(BigDecimal.valueOf(n), Money.CALC));
        BigDecimal payment = terms.method() == RepaymentMethod.EQUAL_INSTALLMENT
                ? annuityPayment(terms.principal(), r, n)
                : null;

        List<Installment> out = new ArrayList<>(n);
        BigDecimal outstanding = terms.principal();
        for (int k = 1; k <= n; k++) {
            BigDecimal interest = Money.fen(outstanding.multiply(r, Money.CALC));
            BigDecimal principal;
            if (k == n) {
                // The last installment takes whatever remains, so the rounding of every earlier
                // line ends up here and the principal sums exactly to the disbursed amount.
                principal = outstanding;
            } else {
                principal = switch (terms.method()) {
                    case EQUAL_INSTALLMENT -> payment.subtract(interest);
                    case EQUAL_PRINCIPAL -> levelPrincipal;
                    case INTEREST_ONLY -> Money.ZERO;
                };
                // Rounding can never push a level line past the remaining principal for sane
                // terms, but a clamp keeps the schedule non-negative whatever the inputs.
                principal = principal.max(Money.ZERO).min(outstanding);
            }
            out.add(new Installment(k, dueDate(terms.disbursementDate(), terms.dueDay(), k), principal, interest));
            outstanding = outstanding.subtract(principal);
        }
        return List.copyOf(out);
    }

    /** P·r / (1 − (1 + r)^−n), or P/n without interest; HALF_UP to the fen. */
    static BigDecimal annuityPayment(BigDecimal principal, BigDecimal monthlyRate, int n) {
        if (monthlyRate.signum() == 0) {
            return Money.fen(principal.divide(BigDecimal.valueOf(n), Money.CALC));
        }
        BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(n, Money.CALC);
        BigDecimal discount = BigDecimal.ONE.divide(growth, Money.CALC);
        BigDecimal factor = monthlyRate.divide(BigDecimal.ONE.subtract(discount), Money.CALC);
        return Money.fen(principal.multiply(factor, Money.CALC));
    }

    /**
     * Due date of installment n: the disbursement month plus n months, on dueDay, clamped to the
     * month's last day (31 → 28/29 February, 30 April). Clamping is per month, so a due day of 31
     * returns to the 31st after February rather than drifting to the 28th.
     */
    public static LocalDate dueDate(LocalDate disbursementDate, int dueDay, int n) {
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("dueDay " + dueDay + " must be in 1..31");
        }
        if (n < 0) {
            throw new IllegalArgumentException("installment number " + n + " must not be negative");
        }
        YearMonth month = YearMonth.from(disbursementDate).plusMonths(n);
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }

    /**
     * Problems of a supplied schedule, each naming the installment and field; empty when valid.
     * Checks every rule independently so that one upload reports all its problems at once.
     */
    public static List<String> validate(LoanTerms terms, List<Installment> supplied) {
        List<String> problems = new ArrayList<>();
        if (supplied == null || supplied.isEmpty()) {
            problems.add("schedule has no installments, term is " + terms.termMonths() + " months");
            return problems;
        }
        int term = terms.termMonths();
        if (supplied.size() != term) {
            problems.add("schedule has " + supplied.size() + " installments, term is " + term + " months");
        }

        List<Installment> present = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < supplied.size(); i++) {
            Installment inst = supplied.get(i);
            if (inst == null) {
                problems.add("schedule position " + (i + 1) + ": installment is missing");
                continue;
            }
            present.add(inst);
            String name = "installment " + inst.number();
            if (inst.number() < 1 || inst.number() > term) {
                problems.add(name + ": number is outside 1.." + term);
            } else if (seen.merge(inst.number(), 1, Integer::sum) == 2) {
                problems.add(name + ": number appears more than once");
            }
            if (inst.dueDate() == null) {
                problems.add(name + ": dueDate is missing");
            }
            checkAmount(problems, name, "principalDue", inst.principalDue());
            checkAmount(problems, name, "interestDue", inst.interestDue());
        }
        for (int k = 1; k <= term; k++) {
            if (!seen.containsKey(k)) {
                problems.add("installment " + k + ": missing (numbering must run 1.." + term + " without gaps)");
            }
        }

        // Dates are judged in number order, whatever order the lines were supplied in.
        List<Installment> dated = present.stream()
                .filter(i -> i.dueDate() != null)
                .sorted(Comparator.comparingInt(Installment::number))
                .toList();
        Installment previous = null;
        for (Installment inst : dated) {
            if (!inst.dueDate().isAfter(terms.disbursementDate())) {
                problems.add("installment " + inst.number() + ": dueDate " + inst.dueDate()
                        + " is not after the disbursement date " + terms.disbursementDate());
            }
            if (previous != null && !inst.dueDate().isAfter(previous.dueDate())) {
                problems.add("installment " + inst.number() + ": dueDate " + inst.dueDate()
                        + " is not after installment " + previous.number() + "'s dueDate " + previous.dueDate());
            }
            previous = inst;
        }

        BigDecimal principalSum = present.stream()
                .map(Installment::principalDue)
                .filter(p -> p != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (principalSum.compareTo(terms.principal()) != 0) {
            problems.add("principalDue sums to " + principalSum.toPlainString()
                    + ", the loan principal is " + terms.principal().toPlainString());
        }
        return List.copyOf(problems);
    }

    private static void checkAmount(List<String> problems, String name, String field, BigDecimal amount) {
        if (amount == null) {
            problems.add(name + ": " + field + " is missing");
            return;
        }
        if (amount.signum() < 0) {
            problems.add(name + ": " + field + " " + amount.toPlainString() + " is negative");
        }
        if (!Money.hasAtMostTwoDecimals(amount)) {
            problems.add(name + ": " + field + " " + amount.toPlainString() + " has more than 2 decimals");
        }
    }
}
