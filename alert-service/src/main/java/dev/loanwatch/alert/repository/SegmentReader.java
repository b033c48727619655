package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.config.AnalyticsConfig;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.CpdView;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.RollRateMatrix.Column;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The reports' sums for a segment, scanned from {@link LoanColumns}: per month end the sums of the
 * asset-quality and delinquency metrics, the month's transitions from the month before (roll rates,
 * flow rates, inflow), vintage numerators and denominators, breakdowns by one or two dimensions, and
 * the single loans of a month (ECL groups, five-tier migration, the drill-down's list). Sums carry the
 * names of their measures (n_b2 = loans in bucket code 2, bal_g4 = balance in grade code 4, …), the
 * stored codes of the domain core's enums.
 */
@ApplicationScoped
public class SegmentReader {
    private static final int BUCKETS = Bucket.values().length;
    private static final int GRADES = FiveTierGrade.values().length;
    private static final int COLUMNS = Column.values().length;

    /** One cell of a month's transitions, summed over the scope. */
    public record Transition(LocalDate monthEnd, int fromBucket, int toColumn, long loans, long balPrev, long balCur,
                             long due, long missed) {
    }

    /** Vintage numerators of a cohort at a month end (bal_m1…7, new_m1…7). */
    public record VintageRow(LocalDate monthEnd, LocalDate cohort, Sums sums) {
    }

    /** A cohort's loans seen at a month end and their disbursed principal. */
    public record CohortRow(LocalDate cohort, long loans, long disbursed) {
    }

    /** Loans graded {@code startGrade} at the period's start by their grade at its end (null: left the book). */
    public record GradeMove(int startGrade, Integer endGrade, long loans, long retained, long endBalance) {
    }

    /** The loans of an ECL group: product, bucket, DPD, restructured, months left, outstanding principal. */
    public record EclGroup(String product, int bucket, int dpd, boolean restructured, int monthsLeft, long loans,
                           long outstanding) {
    }

    /** A loan of a segment at a month end, as the drill-down's list shows it. */
    public record LoanAtMonthEnd(String loanId, String product, String channel, LocalDate disbursed, long principal,
                                 String section, String division, String province, String prefecture, String size,
                                 int dpd, int bucket, int grade, long outstanding, long overduePrincipal) {
    }

    /** The key of a breakdown row of two dimensions: the value of {@code by}, this separator, the value of {@code across}. */
    public static final String ACROSS = "\u001f";

    private final LoanColumns columns;
    private final long cpdToleranceFen;

    public SegmentReader(LoanColumns columns, AnalyticsConfig config) {
        this.columns = columns;
        this.cpdToleranceFen = config.cpdTolerance().movePointRight(2).longValueExact();
    }

    /**
     * Resolves a segment. A value of product, channel, risk group or custom tag that the book never had
     * is refused (there is no other list to check it against); a code from a standard's list that no
     * loan has is an empty segment.
     */
    public Scope resolve(Segment segment) {
        return columns.read(() -> {
            // a console page asks several reports of one segment at once: its mask is computed once
            long version = columns.segmentsVersion;
            Resolved known;
            synchronized (resolved) {
                known = resolved.get(segment);
            }
            if (known != null && known.version() == version) {
                return known.scope();
            }
            Scope scope = mask(segment);
            synchronized (resolved) {
                resolved.put(segment, new Resolved(version, scope));
            }
            return scope;
        });
    }

    /** A segment's scope and the version of the columns' segments it was computed at. */
    private record Resolved(long version, Scope scope) {
    }

    private static final int RESOLVED_KEPT = 16;

    /** The latest segments' scopes, least recently used first. */
    private final Map<Segment, Resolved> resolved = new LinkedHashMap<>(RESOLVED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Segment, Resolved> eldest) {
            return size() > RESOLVED_KEPT;
        }
    };

    /** The loans of a segment (read lock held). */
    private Scope mask(Segment segment) {
        List<Dimension> dims = new ArrayList<>();
        List<Integer> wanted = new ArrayList<>();
        boolean none = false;
        for (Map.Entry<Dimension, String> e : segment.values().entrySet()) {
            Dimension d = e.getKey();
            int code = columns.codes.get(d).find(e.getValue());
            if (code < 0 && (d == Dimension.PRODUCT || d == Dimension.CHANNEL || d == Dimension.RISK_GROUP || d == Dimension.TAG)) {
                throw new RejectedException(Rejection.invalid(d.parameter(),
                        "no loan of the book has " + d.parameter() + " '" + e.getValue() + "'"));
            }
            none |= code < 0;
            dims.add(d);
            wanted.add(code);
        }
        boolean[] mask = new boolean[columns.loans];
        int count = 0;
        if (!none) {
            Dimension[] d = dims.toArray(Dimension[]::new);
            int[] code = wanted.stream().mapToInt(Integer::intValue).toArray();
            for (int l = 0; l < columns.loans; l++) {
                if (columns.opened[l] && matches(l, d, code)) {
                    mask[l] = true;
                    count++;
                }
            }
        }
        return new Scope(segment, mask, count);
    }

    private boolean matches(int l, Dimension[] dims, int[] wanted) {
        for (int i = 0; i < dims.length; i++) {
            Dimension d = dims[i];
            if (d.multiValued() ? java.util.Arrays.binarySearch(multi(d, l), wanted[i]) < 0 : single(d, l) != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    /** A loan's code of a single-valued dimension (0, the empty value, for a borrower without labels). */
    private int single(Dimension d, int l) {
        int b = columns.borrower[l];
        return switch (d) {
            case PRODUCT -> columns.product[l];
            case CHANNEL -> columns.channel[l];
            case TERM_BAND -> columns.termBand[l];
            case RATE_BAND -> columns.rateBand[l];
            case CUSTOMER_TYPE -> b < 0 ? 0 : columns.customerType[b];
            case SECTION -> b < 0 ? 0 : columns.section[b];
            case DIVISION -> b < 0 ? 0 : columns.division[b];
            case PROVINCE -> b < 0 ? 0 : columns.province[b];
            case PREFECTURE -> b < 0 ? 0 : columns.prefecture[b];
            case SIZE -> b < 0 ? 0 : columns.size[b];
            case RISK_GROUP, TAG -> throw new IllegalArgumentException(d + " has several values");
        };
    }

    /** A loan's codes of a multi-valued dimension, sorted. */
    private int[] multi(Dimension d, int l) {
        int b = columns.borrower[l];
        if (b < 0) {
            return new int[0];
        }
        return d == Dimension.RISK_GROUP ? columns.riskGroups[b] : columns.tags[b];
    }

    /** A loan's codes of a dimension: its set, or its one code written into {@code one}. */
    private int[] codes(Dimension d, int l, int[] one) {
        if (d.multiValued()) {
            return multi(d, l);
        }
        one[0] = single(d, l);
        return one;
    }

    /** The values each dimension has among the book's loans, sorted (the empty value left out). */
    public Map<String, List<String>> dimensionValues() {
        return columns.read(() -> {
            Dimension[] dims = Dimension.values();
            int[] one = new int[1];
            Map<Dimension, BitSet> used = new LinkedHashMap<>();
            for (Dimension d : dims) {
                used.put(d, new BitSet());
            }
            for (int l = 0; l < columns.loans; l++) {
                if (!columns.opened[l]) {
                    continue;
                }
                for (Dimension d : dims) {
                    for (int code : codes(d, l, one)) {
                        used.get(d).set(code);
                    }
                }
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            used.forEach((d, set) -> out.put(d.parameter(), set.stream().filter(c -> c != 0)
                    .mapToObj(c -> columns.codes.get(d).value(c)).sorted().toList()));
            return out;
        });
    }

    /** Month ends with snapshots, oldest first. */
    public List<LocalDate> months() {
        return columns.monthEnds();
    }

    /** The sums per month end in [from, to] for the scope; months without loans of the scope are absent. */
    public Map<LocalDate, Sums> monthSums(Scope scope, LocalDate from, LocalDate to) {
        return whenAny(scope, new TreeMap<>(), () -> {
            Map<LocalDate, Sums> out = new TreeMap<>();
            // months in parallel: the caller holds the read lock until every month is summed
            List<MonthColumns> months = List.copyOf(columns.months.subMap(from, true, to, true).values());
            List<Totals> totals = months.parallelStream().map(m -> {
                MonthColumns before = previous(m);
                Totals t = new Totals();
                for (int r = 0; r < m.size; r++) {
                    if (scope.has(m.loan[r])) {
                        t.add(m, r, before);
                    }
                }
                return t;
            }).toList();
            for (int i = 0; i < months.size(); i++) {
                if (totals.get(i).loans > 0) {
                    out.put(months.get(i).monthEnd, totals.get(i).sums());
                }
            }
            return out;
        });
    }

    /**
     * Per month end t in [from, to]: the scope's loans at the month end before t by their bucket then and
     * where they were at t (the bucket code; {@link Column#SETTLED} when gone, {@link Column#WRITTEN_OFF}
     * when written off during the month), with their balances then and now, how many had a payment due
     * in the month (an installment of the schedule in force falls in it, or the loan missed one — monthly
     * schedules) and how many were C at the start and left C at a close of the month (the inflow).
     */
    public List<Transition> transitions(Scope scope, LocalDate from, LocalDate to) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<Transition> out = new ArrayList<>();
            List<MonthColumns> months = List.copyOf(columns.months.subMap(from, true, to, true).values());
            months.parallelStream().map(m -> transitions(scope, m)).toList().forEach(out::addAll);
            return out;
        });
    }

    /** The transitions of month end {@code m} from the month end before it (none when there is none). */
    private List<Transition> transitions(Scope scope, MonthColumns m) {
        List<Transition> out = new ArrayList<>();
        MonthColumns p = previous(m);
        if (p == null) {
            return out;
        }
        long[][][] sums = new long[BUCKETS][COLUMNS][5];
        int start = (int) p.monthEnd.toEpochDay();
        int end = (int) m.monthEnd.toEpochDay();
        int firstDay = (int) m.monthEnd.withDayOfMonth(1).toEpochDay();
        BitSet entered = columns.entries.getOrDefault(m.monthEnd, new BitSet());
        for (int r = 0; r < p.size; r++) {
            int l = p.loan[r];
            if (!scope.has(l)) {
                continue;
            }
            int from0 = p.bucket[r];
            int now = m.row(l);
            int toColumn = now >= 0 ? m.bucket[now]
                    : columns.writtenOffOn[l] > start && columns.writtenOffOn[l] <= end ? Column.WRITTEN_OFF.code()
                    : Column.SETTLED.code();
            boolean missed = entered.get(l) && from0 == Bucket.C.code();
            boolean due = missed || (columns.firstDue[l] != LoanColumns.NONE && columns.firstDue[l] <= end
                    && columns.lastDue[l] >= firstDay);
            long[] s = sums[from0][toColumn];
            s[0]++;
            s[1] += p.outstanding[r];
            s[2] += now >= 0 ? m.outstanding[now] : 0;
            s[3] += due ? 1 : 0;
            s[4] += missed ? 1 : 0;
        }
        for (int f = 0; f < BUCKETS; f++) {
            for (int c = 0; c < COLUMNS; c++) {
                long[] s = sums[f][c];
                if (s[0] > 0) {
                    out.add(new Transition(m.monthEnd, f, c, s[0], s[1], s[2], s[3], s[4]));
                }
            }
        }
        return out;
    }

    /**
     * Vintage numerators of every cohort and month end for the scope: the Mn+ outstanding principal
     * (bal_mn) and the loans at Mn+ for the first time (new_mn), n = 1 … 7; only pairs with an Mn+ loan.
     */
    public List<VintageRow> vintage(Scope scope) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<VintageRow> out = new ArrayList<>();
            byte[] worst = new byte[columns.loans];
            java.util.Arrays.fill(worst, (byte) -1);
            for (MonthColumns m : columns.months.values()) {
                Map<Integer, long[]> byCohort = new TreeMap<>();
                for (int r = 0; r < m.size; r++) {
                    int l = m.loan[r];
                    if (!scope.has(l)) {
                        continue;
                    }
                    int b = m.bucket[r];
                    if (b >= Bucket.M1.code()) {
                        long[] v = byCohort.computeIfAbsent(columns.cohort[l], k -> new long[14]);
                        for (int n = 1; n <= 7; n++) {
                            if (b >= Bucket.ofCode(n).code()) {
                                v[n - 1] += m.outstanding[r];
                                if (worst[l] < n) {
                                    v[6 + n]++;
                                }
                            }
                        }
                    }
                    if (b > worst[l]) {
                        worst[l] = (byte) b;
                    }
                }
                byCohort.forEach((cohort, v) -> {
                    Map<String, Long> sums = new HashMap<>();
                    for (int n = 1; n <= 7; n++) {
                        sums.put("bal_m" + n, v[n - 1]);
                        sums.put("new_m" + n, v[6 + n]);
                    }
                    out.add(new VintageRow(m.monthEnd, LocalDate.ofEpochDay(cohort), new Sums(sums)));
                });
            }
            return out;
        });
    }

    /** Per cohort: the scope's loans seen at some month end and their disbursed principal. */
    public List<CohortRow> cohorts(Scope scope) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<CohortRow> out = new ArrayList<>();
            Map<Integer, long[]> byCohort = new TreeMap<>();
            for (int l = 0; l < columns.loans; l++) {
                if (scope.has(l) && columns.seen[l]) {
                    long[] v = byCohort.computeIfAbsent(columns.cohort[l], k -> new long[2]);
                    v[0]++;
                    v[1] += columns.principal[l];
                }
            }
            byCohort.forEach((cohort, v) -> out.add(new CohortRow(LocalDate.ofEpochDay(cohort), v[0], v[1])));
            return out;
        });
    }

    /** The month's sums per value of {@code by} within the scope (a loan with several values counts under each). */
    public Map<String, Sums> breakdown(Scope scope, Dimension by, LocalDate monthEnd) {
        return breakdown(scope, by, null, monthEnd);
    }

    /**
     * As {@link #breakdown(Scope, Dimension, LocalDate)}, per pair of values of {@code by} and
     * {@code across} (keys joined by {@link #ACROSS}) when {@code across} is given.
     */
    public Map<String, Sums> breakdown(Scope scope, Dimension by, Dimension across, LocalDate monthEnd) {
        return whenAny(scope, new TreeMap<>(), () -> {
            Map<String, Sums> out = new TreeMap<>();
            MonthColumns m = columns.months.get(monthEnd);
            if (m == null) {
                return out;
            }
            MonthColumns before = previous(m);
            // one Totals per pair of codes (a loan with several values of a set dimension counts under each)
            int width = across == null ? 1 : columns.codes.get(across).size();
            Totals[] totals = new Totals[columns.codes.get(by).size() * width];
            int[] byCode = new int[1];
            int[] acrossCode = new int[1];
            for (int r = 0; r < m.size; r++) {
                int l = m.loan[r];
                if (!scope.has(l)) {
                    continue;
                }
                int[] as = codes(by, l, byCode);
                int[] bs = across == null ? acrossCode : codes(across, l, acrossCode);
                for (int a : as) {
                    for (int b : bs) {
                        int k = a * width + b;
                        if (totals[k] == null) {
                            totals[k] = new Totals();
                        }
                        totals[k].add(m, r, before);
                    }
                }
            }
            for (int k = 0; k < totals.length; k++) {
                if (totals[k] != null) {
                    String a = columns.codes.get(by).value(k / width);
                    out.put(across == null ? a : a + ACROSS + columns.codes.get(across).value(k % width), totals[k].sums());
                }
            }
            return out;
        });
    }

    /** The scope's loans at a month end by what their ECL depends on. */
    public List<EclGroup> eclGroups(Scope scope, LocalDate monthEnd) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<EclGroup> out = new ArrayList<>();
            MonthColumns m = columns.months.get(monthEnd);
            if (m == null) {
                return out;
            }
            int month = monthIndex(monthEnd);
            Map<List<Integer>, long[]> groups = new HashMap<>();
            for (int r = 0; r < m.size; r++) {
                int l = m.loan[r];
                if (!scope.has(l)) {
                    continue;
                }
                // months left: month ends from this one to the last due date, at least 1 (a loan past its
                // maturity still owes and can still default within the month)
                int monthsLeft = columns.lastDue[l] == LoanColumns.NONE ? 1
                        : Math.max(1, monthIndex(LocalDate.ofEpochDay(columns.lastDue[l])) - month);
                long[] g = groups.computeIfAbsent(List.of(columns.product[l], (int) m.bucket[r], m.dpd[r],
                        m.has(r, MonthColumns.RESTRUCTURED) ? 1 : 0, monthsLeft), k -> new long[2]);
                g[0]++;
                g[1] += m.outstanding[r];
            }
            groups.forEach((k, g) -> out.add(new EclGroup(columns.codes.get(Dimension.PRODUCT).value(k.get(0)), k.get(1), k.get(2),
                    k.get(3) == 1, k.get(4), g[0], g[1])));
            return out;
        });
    }

    /** The scope's loans at month end {@code start} by their grade there and at {@code end}. */
    public List<GradeMove> gradeMoves(Scope scope, LocalDate start, LocalDate end) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<GradeMove> out = new ArrayList<>();
            MonthColumns s = columns.months.get(start);
            MonthColumns e = columns.months.get(end);
            if (s == null) {
                return out;
            }
            // [start grade][end grade, GRADES = left the book] → loans, retained, end balance
            long[][][] moves = new long[GRADES][GRADES + 1][3];
            for (int r = 0; r < s.size; r++) {
                int l = s.loan[r];
                if (!scope.has(l)) {
                    continue;
                }
                int at = e == null ? -1 : e.row(l);
                long endBalance = at >= 0 ? e.outstanding[at] : 0;
                long[] v = moves[s.grade[r]][at >= 0 ? e.grade[at] : GRADES];
                v[0]++;
                v[1] += Math.min(s.outstanding[r], endBalance);
                v[2] += endBalance;
            }
            for (int g = 0; g < GRADES; g++) {
                for (int h = 0; h <= GRADES; h++) {
                    long[] v = moves[g][h];
                    if (v[0] > 0) {
                        out.add(new GradeMove(g, h == GRADES ? null : h, v[0], v[1], v[2]));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The scope's loans at a month end, largest outstanding first (then by loan id, so pages are
     * stable), {@code limit} from {@code offset}.
     */
    public List<LoanAtMonthEnd> loans(Scope scope, LocalDate monthEnd, int limit, int offset) {
        return whenAny(scope, new ArrayList<>(), () -> {
            List<LoanAtMonthEnd> out = new ArrayList<>();
            MonthColumns m = columns.months.get(monthEnd);
            if (m == null) {
                return out;
            }
            Comparator<Integer> order = Comparator.<Integer>comparingLong(r -> -m.outstanding[r])
                    .thenComparing(r -> columns.loanId[m.loan[r]]);
            // the first offset + limit rows in that order, kept in a heap whose head is the last of them
            long wanted = (long) offset + limit;
            PriorityQueue<Integer> first = new PriorityQueue<>(order.reversed());
            for (int r = 0; r < m.size; r++) {
                if (scope.has(m.loan[r])) {
                    first.add(r);
                    if (first.size() > wanted) {
                        first.poll();
                    }
                }
            }
            List<Integer> rows = new ArrayList<>(first);
            rows.sort(order);
            for (int r : rows.subList(Math.min(offset, rows.size()), rows.size())) {
                int l = m.loan[r];
                out.add(new LoanAtMonthEnd(columns.loanId[l], columns.codes.get(Dimension.PRODUCT).value(columns.product[l]),
                        columns.codes.get(Dimension.CHANNEL).value(columns.channel[l]), LocalDate.ofEpochDay(columns.disbursed[l]),
                        columns.principal[l], value(Dimension.SECTION, l), value(Dimension.DIVISION, l),
                        value(Dimension.PROVINCE, l), value(Dimension.PREFECTURE, l), value(Dimension.SIZE, l),
                        m.dpd[r], m.bucket[r], m.grade[r], m.outstanding[r], m.overduePrincipal[r]));
            }
            return out;
        });
    }

    /** How many of the scope's loans are open at the month end. */
    public long loanCount(Scope scope, LocalDate monthEnd) {
        return whenAny(scope, 0L, () -> {
            MonthColumns m = columns.months.get(monthEnd);
            long n = 0;
            for (int r = 0; m != null && r < m.size; r++) {
                if (scope.has(m.loan[r])) {
                    n++;
                }
            }
            return n;
        });
    }

    /** {@code empty} for a segment without loans, else the scan, under the columns' read lock. */
    private <T> T whenAny(Scope scope, T empty, java.util.function.Supplier<T> scan) {
        return scope.isEmpty() ? empty : columns.read(scan);
    }

    private String value(Dimension d, int l) {
        return columns.codes.get(d).value(single(d, l));
    }

    private MonthColumns previous(MonthColumns m) {
        return columns.months.get(YearMonth.from(m.monthEnd).minusMonths(1).atEndOfMonth());
    }

    private static int monthIndex(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** The sums of the asset-quality and delinquency measures over rows of one month end. */
    private final class Totals {
        long loans;
        long balance;
        long overduePrincipal;
        long overdueInterest;
        final long[] n = new long[BUCKETS];
        final long[] bal = new long[BUCKETS];
        final long[] op = new long[BUCKETS];
        final long[] cpdN = new long[BUCKETS];
        final long[] cpdBal = new long[BUCKETS];
        final long[] nGrade = new long[GRADES];
        final long[] balGrade = new long[GRADES];
        final long[] flagged = new long[8];

        /** Adds row r of month m; {@code before}: the month end before m (new bad debt), or null. */
        void add(MonthColumns m, int r, MonthColumns before) {
            long out = m.outstanding[r];
            long overdue = m.overduePrincipal[r];
            long interest = m.overdueInterest[r];
            int b = m.bucket[r];
            int g = m.grade[r];
            int f = m.flags[r];
            loans++;
            balance += out;
            overduePrincipal += overdue;
            overdueInterest += interest;
            n[b]++;
            bal[b] += out;
            op[b] += overdue;
            int cpd = CpdView.countsAsCurrent(overdue + interest, cpdToleranceFen) ? Bucket.C.code() : b;
            cpdN[cpd]++;
            cpdBal[cpd] += out;
            nGrade[g]++;
            balGrade[g] += out;
            if (f != 0) {
                flag(0, (f & MonthColumns.RESTRUCTURED) != 0, out);
                flag(1, (f & MonthColumns.NEAR_M2) != 0, out);
                flag(2, (f & MonthColumns.NEAR_M3) != 0, out);
            }
            // new bad debt: DPD >= 91 now, not at the month end before (looked up only for the few at 91+)
            if (m.dpd[r] >= PortfolioRatios.DPD_91_PLUS) {
                int then = before == null ? -1 : before.row(m.loan[r]);
                flag(3, then < 0 || before.dpd[then] < PortfolioRatios.DPD_91_PLUS, out);
            }
        }

        private void flag(int k, boolean on, long out) {
            if (on) {
                flagged[2 * k]++;
                flagged[2 * k + 1] += out;
            }
        }

        Sums sums() {
            Map<String, Long> s = new HashMap<>();
            s.put("loans", loans);
            s.put("balance", balance);
            s.put("overdue_principal", overduePrincipal);
            s.put("overdue_interest", overdueInterest);
            for (Bucket k : Bucket.values()) {
                int c = k.code();
                s.put("n_b" + c, n[c]);
                s.put("bal_b" + c, bal[c]);
                s.put("op_b" + c, op[c]);
                s.put("cpd_n_b" + c, cpdN[c]);
                s.put("cpd_bal_b" + c, cpdBal[c]);
            }
            for (FiveTierGrade g : FiveTierGrade.values()) {
                s.put("n_g" + g.code(), nGrade[g.code()]);
                s.put("bal_g" + g.code(), balGrade[g.code()]);
            }
            String[] names = {"restructured", "near_m2", "near_m3", "new_bad"};
            for (int k = 0; k < names.length; k++) {
                s.put("n_" + names[k], flagged[2 * k]);
                s.put("bal_" + names[k], flagged[2 * k + 1]);
            }
            return new Sums(s);
        }
    }
}
