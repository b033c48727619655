package dev.loanwatch.simulator.behaviour;

import dev.loanwatch.simulator.book.SimLoan;
import java.time.LocalDate;

/**
 * The hook for collections: how a collection desk changes a late borrower's behaviour — for
 * instance a promise to pay taken and kept with some probability cures the loan sooner. Given
 * the missed due date and the cure delay the borrower would have had on its own, it returns the
 * delay with collections at work. {@link #NONE} (the default) leaves behaviour as it is; the
 * collection-service work plugs its model in here.
 */
@FunctionalInterface
public interface CollectionEffect {
    CollectionEffect NONE = (loan, missedDue, cureDays) -> cureDays;

    int cureDays(SimLoan loan, LocalDate missedDue, int cureDays);
}
