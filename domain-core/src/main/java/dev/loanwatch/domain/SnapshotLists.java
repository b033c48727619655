package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks and sums shared by the portfolio formulas. A "book" is the list of snapshots of one
 * date; mixing dates or listing a loan twice would silently double balances, so both are refused.
 */
final class SnapshotLists {

    private SnapshotLists() {
    }

    /** The single snapshot date of a book; empty for an empty book. */
    static Optional<LocalDate> dateOf(List<LoanSnapshot> book, String what) {
        LocalDate date = null;
        for (LoanSnapshot s : book) {
            if (date == null) {
                date = s.snapshotDate();
            } else if (!date.equals(s.snapshotDate())) {
                throw new IllegalArgumentException(what + " mixes snapshot dates " + date + " and " + s.snapshotDate());
            }
        }
        return Optional.ofNullable(date);
    }

    /** The book indexed by loan id, in list order; a loan listed twice is refused. */
    static Map<String, LoanSnapshot> byId(List<LoanSnapshot> book, String what) {
        dateOf(book, what);
        Map<String, LoanSnapshot> byId = new LinkedHashMap<>();
        for (LoanSnapshot s : book) {
            if (byId.put(s.loanId(), s) != null) {
                throw new IllegalArgumentException(what + " lists loan " + s.loanId() + " twice");
            }
        }
        return byId;
    }

    /**
     * Refuses two books whose months are not {@code months} apart (e.g. 1 for t−1 and t). Only the
     * calendar months are compared, so month-end and cycle-end snapshots both pass. An empty book
     * has no date and cannot be checked.
     */
    static void requireMonthsApart(List<LoanSnapshot> earlier, List<LoanSnapshot> later, int months) {
        Optional<LocalDate> e = dateOf(earlier, "the earlier book");
        Optional<LocalDate> l = dateOf(later, "the later book");
        if (e.isPresent() && l.isPresent()
                && !YearMonth.from(e.get()).plusMonths(months).equals(YearMonth.from(l.get()))) {
            throw new IllegalArgumentException("books of " + e.get() + " and " + l.get() + " are not " + months
                    + " month(s) apart");
        }
    }

    /** Σ outstanding principal of the loans that match. */
    static BigDecimal outstanding(Collection<LoanSnapshot> book, Predicate<LoanSnapshot> which) {
        return book.stream().filter(which).map(LoanSnapshot::outstandingPrincipal).reduce(Money.ZERO, BigDecimal::add);
    }

    static long count(Collection<LoanSnapshot> book, Predicate<LoanSnapshot> which) {
        return book.stream().filter(which).count();
    }
}
