package dev.loanwatch.alert.service;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The months a question is about, as month ends of the read model: {@code month=2024-03} for one,
 * {@code from=2024-01&to=2024-06} for a range (either end may be left out: the first / last closed
 * month), nothing for the latest closed month (single-month reports) or all of them (series);
 * {@code latest} for the latest closed month in any of them. A month the book has not closed is
 * refused, naming the parameter.
 */
public record Months(List<LocalDate> monthEnds) {

    public LocalDate first() {
        return monthEnds.get(0);
    }

    public LocalDate last() {
        return monthEnds.get(monthEnds.size() - 1);
    }

    /**
     * @param closed    the month ends with snapshots, oldest first
     * @param series    true: no parameter means every closed month; false: the latest one
     */
    public static Months of(String month, String from, String to, List<LocalDate> closed, boolean series) {
        if (closed.isEmpty()) {
            throw new RejectedException(Rejection.invalid(month != null ? "month" : from != null ? "from" : "to",
                    "the book has no month end yet: no month can be reported"));
        }
        if (month != null) {
            if (from != null || to != null) {
                throw new RejectedException(Rejection.invalid("month", "give either month or from/to, not both"));
            }
            LocalDate m = closedMonth("month", month, closed);
            return new Months(List.of(m));
        }
        if (from == null && to == null) {
            return new Months(series ? closed : List.of(closed.get(closed.size() - 1)));
        }
        LocalDate start = from == null ? closed.get(0) : closedMonth("from", from, closed);
        LocalDate end = to == null ? closed.get(closed.size() - 1) : closedMonth("to", to, closed);
        if (start.isAfter(end)) {
            throw new RejectedException(Rejection.invalid("from", "from " + from + " is after to " + to));
        }
        return new Months(closed.stream().filter(d -> !d.isBefore(start) && !d.isAfter(end)).toList());
    }

    /** The word for the latest closed month, so a client can ask for it without knowing it. */
    public static final String LATEST = "latest";

    /** A month parameter (YYYY-MM, or {@link #LATEST}) that the book has closed, as its month end. */
    public static LocalDate closedMonth(String parameter, String value, List<LocalDate> closed) {
        if (LATEST.equals(value)) {
            return closed.get(closed.size() - 1);
        }
        LocalDate end = parse(parameter, value);
        if (!closed.contains(end)) {
            throw new RejectedException(Rejection.invalid(parameter, "the book has no month end " + value
                    + " (closed: " + YearMonth.from(closed.get(0)) + " … " + YearMonth.from(closed.get(closed.size() - 1)) + ")"));
        }
        return end;
    }

    /** A YYYY-MM parameter as its month end. */
    public static LocalDate parse(String parameter, String value) {
        try {
            return YearMonth.parse(value).atEndOfMonth();
        } catch (DateTimeParseException e) {
            throw new RejectedException(Rejection.invalid(parameter, "'" + value + "' is not a month (YYYY-MM, or latest)"));
        }
    }
}
