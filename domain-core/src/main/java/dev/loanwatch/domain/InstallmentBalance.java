package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an installment owes and what has been paid on it so far. Amounts are normalised to the fen;
 * paid never exceeds due, because money beyond what is owed is credit, which lives on the loan
 * ({@link Allocation#credit()}), not on an installment.
 */
public record InstallmentBalance(int number, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
                                 BigDecimal penaltyDue, BigDecimal principalPaid, BigDecimal interestPaid,
                                 BigDecimal penaltyPaid) {

    public InstallmentBalance {
        Objects.requireNonNull(dueDate, "dueDate");
        String name = "installment " + number + ": ";
        principalDue = Money.nonNegative(principalDue, name + "principalDue");
        interestDue = Money.nonNegative(interestDue, name + "interestDue");
        penaltyDue = Money.nonNegative(penaltyDue, name + "penaltyDue");
        principalPaid = Money.nonNegative(principalPaid, name + "principalPaid");
        interestPaid = Money.nonNegative(interestPaid, name + "interestPaid");
        penaltyPaid = Money.nonNegative(penaltyPaid, name + "penaltyPaid");
        requireNotOverpaid(name + "principal", principalDue, principalPaid);
        requireNotOverpaid(name + "interest", interestDue, interestPaid);
        requireNotOverpaid(name + "penalty", penaltyDue, penaltyPaid);
    }

    private static void requireNotOverpaid(String what, BigDecimal due, BigDecimal paid) {
        if (paid.compareTo(due) > 0) {
            throw new IllegalArgumentException(what + " paid " + paid + " exceeds due " + due);
        }
    }

    /** A freshly scheduled installment: nothing paid, no penalty. */
    public static InstallmentBalance unpaid(Installment i) {
        return new InstallmentBalance(i.number(), i.dueDate(), i.principalDue(), i.interestDue(),
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    public BigDecimal unpaidPrincipal() {
        return principalDue.subtract(principalPaid);
    }

    public BigDecimal unpaidInterest() {
        return interestDue.subtract(interestPaid);
    }

    public BigDecimal unpaidPenalty() {
        return penaltyDue.subtract(penaltyPaid);
    }

    public BigDecimal unpaid() {
        return unpaidPrincipal().add(unpaidInterest()).add(unpaidPenalty());
    }

    public boolean isSettled() {
        return unpaid().signum() == 0;
    }

    /** Penalty accrued since the last look; added to what is due, never to what is paid. */
    public InstallmentBalance withPenaltyDue(BigDecimal newPenaltyDue) {
        return new InstallmentBalance(number, dueDate, principalDue, interestDue, newPenaltyDue,
                principalPaid, interestPaid, penaltyPaid);
    }

    /** This installment after the given allocation line has been applied to it. */
    public InstallmentBalance plus(AllocationLine line) {
        if (line.installment() != number) {
            throw new IllegalArgumentException("allocation line for installment " + line.installment()
                    + " applied to installment " + number);
        }
        return new InstallmentBalance(number, dueDate, principalDue, interestDue, penaltyDue,
                principalPaid.add(line.principal()), interestPaid.add(line.interest()),
                penaltyPaid.add(line.penalty()));
    }
}
