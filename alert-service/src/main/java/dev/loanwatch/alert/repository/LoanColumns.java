package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.model.Segment.Dimension;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The read model's facts in memory, as columns: every loan's segment codes and contract dates, every
 * borrower's labels, every month end's snapshots ({@link MonthColumns}) and each month's delinquency
 * entries. Reports scan these columns for any combination of filters (a segment is a mask over the
 * loans), so no combination has to be precomputed — the month × segment cubes this replaces did not
 * compress (a cell of twelve dimensions held about one loan) and took a minute per month of a million
 * loans to refresh. PostgreSQL stays the truth: the columns are filled from it at start
 * ({@code ColumnsLoader}) and then from each batch after its transaction committed, so a crash loses
 * nothing the tables do not have. Relabelling a borrower moves its loans and their history at once:
 * a loan's segment is looked up through its borrower when a report runs.
 *
 * <p>Readers take the read lock for one scan; the consumers take the write lock for one batch. A
 * singleton without a client proxy: {@link SegmentReader} reads the columns' fields directly, and a
 * proxy's fields are its own.
 */
@Singleton
public class LoanColumns {
    /** An absent date in the int (epoch day) columns. */
    static final int NONE = Integer.MIN_VALUE;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch loaded = new CountDownLatch(1);

    // loans
    private final Object2IntOpenHashMap<String> loanIndex = index();
    int loans;
    String[] loanId = new String[1024];
    boolean[] opened = new boolean[1024];
    /** Seen at some month end: in its cohort's vintage denominator. */
    boolean[] seen = new boolean[1024];
    int[] borrower = new int[1024];
    int[] product = new int[1024];
    int[] channel = new int[1024];
    int[] termBand = new int[1024];
    int[] rateBand = new int[1024];
    int[] cohort = new int[1024];
    int[] disbursed = new int[1024];
    long[] principal = new long[1024];
    int[] firstDue = new int[1024];
    int[] lastDue = new int[1024];
    int[] writtenOffOn = new int[1024];

    // borrowers
    private final Object2IntOpenHashMap<String> borrowerIndex = index();
    int borrowers;
    long[] tagsVersion = new long[1024];
    int[] customerType = new int[1024];
    int[] section = new int[1024];
    int[] division = new int[1024];
    int[] province = new int[1024];
    int[] prefecture = new int[1024];
    int[] size = new int[1024];
    int[][] riskGroups = new int[1024][];
    int[][] tags = new int[1024][];

    final Map<Dimension, Codes> codes = new EnumMap<>(Dimension.class);
    /** Bumped by every write that can change which loans a segment holds (loans opened, labels). */
    volatile long segmentsVersion;
    final NavigableMap<LocalDate, MonthColumns> months = new TreeMap<>();
    /** Per month end: the loans that left C at a daily close of that month (入催). */
    final Map<LocalDate, BitSet> entries = new HashMap<>();

    public LoanColumns() {
        for (Dimension d : Dimension.values()) {
            codes.put(d, new Codes());
        }
    }

    /** A loan opened: the first delivery wins, as in the table. */
    public record Opened(String loanId, String borrowerId, String product, String channel, String termBand, String rateBand,
                         LocalDate disbursed, long principalFen, LocalDate firstDue, LocalDate lastDue) {
    }

    /** A borrower's labels at a version of tagging-service. */
    public record Labels(String borrowerId, long version, String customerType, String section, String division,
                         String province, String prefecture, String size, List<String> riskGroups, List<String> tags) {
    }

    /** A loan at a month end (bucket and grade as stored codes; months on book are stored, not held in the columns). */
    public record Snapshot(LocalDate monthEnd, String loanId, int dpd, int bucket, int grade, long outstandingFen,
                           long overduePrincipalFen, long overdueInterestFen, boolean nearM2, boolean nearM3,
                           boolean restructured, int mob) {
    }

    /** A dated fact of a loan: a write-off, a new last due date, a delinquency entry. */
    public record Dated(String loanId, LocalDate date) {
    }

    // ---- writes (after the facts' transaction committed, or while loading) ----

    public void opened(List<Opened> list) {
        write(() -> {
            for (Opened o : list) {
                int l = loan(o.loanId());
                if (opened[l]) {
                    continue;
                }
                opened[l] = true;
                borrower[l] = borrower(o.borrowerId());
                product[l] = codes.get(Dimension.PRODUCT).code(o.product());
                channel[l] = codes.get(Dimension.CHANNEL).code(o.channel());
                termBand[l] = codes.get(Dimension.TERM_BAND).code(o.termBand());
                rateBand[l] = codes.get(Dimension.RATE_BAND).code(o.rateBand());
                cohort[l] = (int) o.disbursed().withDayOfMonth(1).toEpochDay();
                disbursed[l] = (int) o.disbursed().toEpochDay();
                principal[l] = o.principalFen();
                firstDue[l] = day(o.firstDue());
                lastDue[l] = Math.max(lastDue[l], day(o.lastDue()));
            }
            segmentsVersion++;
        });
    }

    public void writtenOff(List<Dated> list) {
        write(() -> {
            for (Dated w : list) {
                writtenOffOn[loan(w.loanId())] = (int) w.date().toEpochDay();
                touch(YearMonth.from(w.date()).atEndOfMonth());
            }
        });
    }

    /** A restructuring's new schedule: the last due date only moves later. */
    public void restructured(List<Dated> list) {
        write(() -> {
            for (Dated r : list) {
                int l = loan(r.loanId());
                lastDue[l] = Math.max(lastDue[l], day(r.date()));
            }
        });
    }

    /** Labels newer than the borrower's stored ones replace them. */
    public void labels(List<Labels> list) {
        write(() -> {
            for (Labels t : list) {
                int b = borrower(t.borrowerId());
                if (tagsVersion[b] >= t.version()) {
                    continue;
                }
                tagsVersion[b] = t.version();
                customerType[b] = codes.get(Dimension.CUSTOMER_TYPE).code(t.customerType());
                section[b] = codes.get(Dimension.SECTION).code(t.section());
                division[b] = codes.get(Dimension.DIVISION).code(t.division());
                province[b] = codes.get(Dimension.PROVINCE).code(t.province());
                prefecture[b] = codes.get(Dimension.PREFECTURE).code(t.prefecture());
                size[b] = codes.get(Dimension.SIZE).code(t.size());
                riskGroups[b] = codesOf(Dimension.RISK_GROUP, t.riskGroups());
                tags[b] = codesOf(Dimension.TAG, t.tags());
            }
            segmentsVersion++;
        });
    }

    /** Month-end snapshots; returns the month ends where one replaced an earlier snapshot of its loan. */
    public List<LocalDate> snapshots(List<Snapshot> list) {
        List<LocalDate> replaced = new ArrayList<>();
        write(() -> {
            MonthColumns m = null;
            for (Snapshot s : list) {
                // a batch holds one or two month ends: not a map lookup per row
                if (m == null || !m.monthEnd.equals(s.monthEnd())) {
                    m = months.computeIfAbsent(s.monthEnd(), MonthColumns::new);
                }
                int l = loan(s.loanId());
                seen[l] = true;
                int flags = (s.restructured() ? MonthColumns.RESTRUCTURED : 0) | (s.nearM2() ? MonthColumns.NEAR_M2 : 0)
                        | (s.nearM3() ? MonthColumns.NEAR_M3 : 0);
                if (m.put(l, s.dpd(), s.bucket(), s.grade(), flags, s.outstandingFen(), s.overduePrincipalFen(),
                        s.overdueInterestFen()) && !m.replaced) {
                    m.replaced = true;
                    replaced.add(s.monthEnd());
                }
            }
        });
        return replaced;
    }

    /** Daily closes at which a loan left C: the inflow of their month. */
    public void entries(List<Dated> list) {
        write(() -> {
            for (Dated e : list) {
                LocalDate monthEnd = YearMonth.from(e.date()).atEndOfMonth();
                entries.computeIfAbsent(monthEnd, k -> new BitSet()).set(loan(e.loanId()));
                touch(monthEnd);
            }
        });
    }

    // ---- state ----

    /** The columns hold every stored fact; consumers may add to them from now on. */
    public void markLoaded() {
        loaded.countDown();
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** Blocks a consumer's worker thread until the stored facts are loaded (never an event loop). */
    public void awaitLoaded() throws InterruptedException {
        while (!loaded.await(10, TimeUnit.SECONDS)) {
            // keep waiting: the load logs its own progress
        }
    }

    /** Month ends with snapshots, oldest first. */
    public List<LocalDate> monthEnds() {
        return read(() -> List.copyOf(months.keySet()));
    }

    /** Month ends whose facts changed less than {@code quiet} ago: a close still arriving. */
    public List<LocalDate> pending(Duration quiet) {
        long now = System.nanoTime();
        return read(() -> months.values().stream().filter(m -> now - m.changedAt < quiet.toNanos()).map(m -> m.monthEnd).toList());
    }

    /** Month ends with replaced snapshots, the marks cleared: their table rows are compacted next. */
    public List<LocalDate> takeReplaced() {
        List<LocalDate> out = new ArrayList<>();
        write(() -> months.values().stream().filter(m -> m.replaced).forEach(m -> {
            m.replaced = false;
            out.add(m.monthEnd);
        }));
        return out;
    }

    /** Marks a month end's table as holding superseded rows again (its compaction failed). */
    public void markReplaced(LocalDate monthEnd) {
        write(() -> {
            MonthColumns m = months.get(monthEnd);
            if (m != null) {
                m.replaced = true;
            }
        });
    }

    /** Forgets everything (a load that failed half-way starts again). */
    public void clear() {
        write(() -> {
            Arrays.fill(opened, 0, loans, false);
            Arrays.fill(seen, 0, loans, false);
            loanIndex.clear();
            borrowerIndex.clear();
            loans = 0;
            borrowers = 0;
            codes.replaceAll((d, c) -> new Codes());
            months.clear();
            entries.clear();
            segmentsVersion++;
        });
    }

    /** Loans, month-end rows and borrowers held (for the load's log and the metrics). */
    public long[] counts() {
        return read(() -> new long[] {loans, months.values().stream().mapToLong(m -> m.size).sum(), borrowers});
    }

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable body) {
        lock.writeLock().lock();
        try {
            body.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void touch(LocalDate monthEnd) {
        MonthColumns m = months.get(monthEnd);
        if (m != null) {
            m.changedAt = System.nanoTime();
        }
    }

    /** The index of a loan id, a new one (nothing known yet) when first seen. */
    private int loan(String id) {
        int l = loanIndex.getInt(id);
        if (l >= 0) {
            return l;
        }
        if (loans == loanId.length) {
            int n = loans * 2;
            loanId = Arrays.copyOf(loanId, n);
            opened = Arrays.copyOf(opened, n);
            seen = Arrays.copyOf(seen, n);
            borrower = Arrays.copyOf(borrower, n);
            product = Arrays.copyOf(product, n);
            channel = Arrays.copyOf(channel, n);
            termBand = Arrays.copyOf(termBand, n);
            rateBand = Arrays.copyOf(rateBand, n);
            cohort = Arrays.copyOf(cohort, n);
            disbursed = Arrays.copyOf(disbursed, n);
            principal = Arrays.copyOf(principal, n);
            firstDue = Arrays.copyOf(firstDue, n);
            lastDue = Arrays.copyOf(lastDue, n);
            writtenOffOn = Arrays.copyOf(writtenOffOn, n);
        }
        int i = loans++;
        loanId[i] = id;
        borrower[i] = -1;
        firstDue[i] = NONE;
        lastDue[i] = NONE;
        writtenOffOn[i] = NONE;
        loanIndex.put(id, i);
        return i;
    }

    private int borrower(String id) {
        int b = borrowerIndex.getInt(id);
        if (b >= 0) {
            return b;
        }
        if (borrowers == tagsVersion.length) {
            int n = borrowers * 2;
            tagsVersion = Arrays.copyOf(tagsVersion, n);
            customerType = Arrays.copyOf(customerType, n);
            section = Arrays.copyOf(section, n);
            division = Arrays.copyOf(division, n);
            province = Arrays.copyOf(province, n);
            prefecture = Arrays.copyOf(prefecture, n);
            size = Arrays.copyOf(size, n);
            riskGroups = Arrays.copyOf(riskGroups, n);
            tags = Arrays.copyOf(tags, n);
        }
        int i = borrowers++;
        tagsVersion[i] = Long.MIN_VALUE;
        riskGroups[i] = new int[0];
        tags[i] = new int[0];
        borrowerIndex.put(id, i);
        return i;
    }

    private static Object2IntOpenHashMap<String> index() {
        Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>();
        map.defaultReturnValue(-1);
        return map;
    }

    private int[] codesOf(Dimension d, List<String> values) {
        return values.stream().distinct().mapToInt(v -> codes.get(d).code(v)).sorted().toArray();
    }

    private static int day(LocalDate d) {
        return d == null ? NONE : (int) d.toEpochDay();
    }
}
