package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Vintage analysis (DOMAIN.md §4): loans grouped by disbursement month; for each cohort and each
 * month on book k ({@link MonthsOnBook}: the end of the disbursement month is MOB 0)
 * <ul>
 *   <li>balance version: the cohort's Mn+ outstanding principal at MOB k / the cohort's disbursed
 *       principal;</li>
 *   <li>count version: the share of the cohort's loans that were Mn+ at any month end up to and
 *       including MOB k ("ever Mn+"), so the curve never falls.</li>
 * </ul>
 *
 * <p>Input is the whole history: every month-end book, all dates mixed in one list. Only month-end
 * snapshots are accepted, because MOB counts month ends and a cohort must have one MOB per date.
 * "Ever" can only see the month ends supplied: a loan that went M1 and cured between two month
 * ends is not seen, which is what a month-end vintage means (and a month missing from the history
 * is a month not looked at).
 *
 * <p>The cohort is the set of distinct loans of that disbursement month that appear anywhere in the
 * history; its disbursed principal and loan count are fixed across its points. Consequences worth
 * knowing: a loan that left the book before its first month end (paid off within days) is in no
 * cohort; a written-off loan drops out of the balance version's numerator from the month it leaves
 * (its balance is no longer outstanding) but stays "ever Mn+" in the count version.
 */
public final class Vintage {

    private Vintage() {
    }

    /**
     * One cohort at one month on book.
     *
     * @param balance     Mn+ outstanding principal of the cohort at this month end
     * @param balanceRate balance / cohort disbursed principal
     * @param everLoans   loans of the cohort seen Mn+ at any month end up to this one
     * @param everShare   everLoans / cohort loans
     */
    public record Point(int mob, LocalDate asOf, BigDecimal balance, BigDecimal balanceRate, long everLoans,
                        BigDecimal everShare) {
    }

    /** One curve: a disbursement month, its size, and its points in MOB order. */
    public record Cohort(YearMonth month, long loans, BigDecimal disbursed, List<Point> points) {
        public Cohort {
            points = List.copyOf(points);
        }

        public Optional<Point> at(int mob) {
            return points.stream().filter(p -> p.mob() == mob).findFirst();
        }
    }

    /** Which of the two curves {@link Table#format} prints. */
    public enum Measure {
        BALANCE, EVER_COUNT
    }

    /** All cohorts, oldest first, for one threshold Mn+. */
    public record Table(Bucket threshold, List<Cohort> cohorts) {
        public Table {
            cohorts = List.copyOf(cohorts);
        }

        public Optional<Cohort> cohort(YearMonth month) {
            return cohorts.stream().filter(c -> c.month().equals(month)).findFirst();
        }

        /**
         * A plain-text grid for reports: one line per cohort, one column per MOB, cells as percentages
         * with 2 decimals, blank where the cohort has no point (not yet that old, or a month missing).
         */
        public String format(Measure measure) {
            int maxMob = cohorts.stream().flatMap(c -> c.points().stream()).mapToInt(Point::mob).max().orElse(-1);
            StringBuilder out = new StringBuilder(String.format("%-8s %6s %16s", "cohort", "loans", "disbursed"));
            for (int k = 0; k <= maxMob; k++) {
                out.append(String.format(" %8s", "MOB" + k));
            }
            out.append('\n');
            for (Cohort c : cohorts) {
                out.append(String.format("%-8s %6d %16s", c.month(), c.loans(), c.disbursed().toPlainString()));
                for (int k = 0; k <= maxMob; k++) {
                    String cell = c.at(k)
                            .map(p -> measure == Measure.BALANCE ? p.balanceRate() : p.everShare())
                            .map(r -> r.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%")
                            .orElse("");
                    out.append(String.format(" %8s", cell));
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    /**
     * @param history   snapshots of all loans at all month ends
     * @param threshold n of "Mn+" (M1 … M7+); C would make every loan "delinquent" and is refused
     */
    public static Table of(List<LoanSnapshot> history, Bucket threshold) {
        if (threshold == Bucket.C) {
            throw new IllegalArgumentException("threshold C would count every loan: use M1 or worse");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        Map<String, LoanSnapshot> firstSeen = new HashMap<>();
        Map<String, LocalDate> firstDelinquent = new HashMap<>();
        Map<LocalDate, List<LoanSnapshot>> byDate = new HashMap<>();
        for (LoanSnapshot s : history) {
            LocalDate d = s.snapshotDate();
            if (d.getDayOfMonth() != d.lengthOfMonth()) {
                throw new IllegalArgumentException("loan " + s.loanId() + ": snapshot " + d + " is not a month end");
            }
            dates.add(d);
            byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(s);
            LoanSnapshot first = firstSeen.putIfAbsent(s.loanId(), s);
            if (first != null && (!first.disbursementDate().equals(s.disbursementDate())
                    || first.disbursedPrincipal().compareTo(s.disbursedPrincipal()) != 0)) {
                throw new IllegalArgumentException("loan " + s.loanId()
                        + " has different disbursement dates or principals in different snapshots");
            }
            if (s.bucket().isAtLeast(threshold)) {
                firstDelinquent.merge(s.loanId(), d, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        byDate.forEach((d, book) -> SnapshotLists.byId(book, "the book of " + d));

        Map<YearMonth, List<LoanSnapshot>> cohorts = new TreeMap<>();
        for (LoanSnapshot s : firstSeen.values()) {
            cohorts.computeIfAbsent(YearMonth.from(s.disbursementDate()), x -> new ArrayList<>()).add(s);
        }

        List<Cohort> result = new ArrayList<>();
        cohorts.forEach((month, loans) -> {
            BigDecimal disbursed = loans.stream().map(LoanSnapshot::disbursedPrincipal).reduce(Money.ZERO, BigDecimal::add);
            List<Point> points = new ArrayList<>();
            for (LocalDate d : dates) {
                if (YearMonth.from(d).isBefore(month)) {
                    continue;
                }
                BigDecimal balance = SnapshotLists.outstanding(byDate.get(d),
                        s -> YearMonth.from(s.disbursementDate()).equals(month) && s.bucket().isAtLeast(threshold));
                long ever = loans.stream()
                        .map(l -> firstDelinquent.get(l.loanId()))
                        .filter(first -> first != null && !first.isAfter(d))
                        .count();
                points.add(new Point(MonthsOnBook.of(month.atDay(1), d), d, balance,
                        Ratio.of(balance, disbursed).orElseThrow(), ever, Ratio.of(ever, loans.size()).orElseThrow()));
            }
            result.add(new Cohort(month, loans.size(), disbursed, points));
        });
        return new Table(threshold, result);
    }
}
