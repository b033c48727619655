package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a repayment schedule. Deliberately unchecked: supplied schedules arrive as data and
 * are judged by {@link Schedule#validate}, which needs to see the bad values to name them.
 */
public record Installment(int number, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue) {

    public BigDecimal totalDue() {
        return principalDue.add(interestDue);
    }
}
