package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Roll rate matrix (滚动率, 去向分析 — where each bucket went, DOMAIN.md §4): rows are the buckets
 * at month end t−1, columns the buckets at t plus two ways of leaving the book.
 *
 * <p>Loans are matched by id. A loan in the t−1 book is counted in exactly one cell:
 * <ul>
 *   <li>present at t → the column of its bucket at t;</li>
 *   <li>absent at t and in the written-off set → {@link Column#WRITTEN_OFF};</li>
 *   <li>absent at t otherwise → {@link Column#SETTLED} (paid off, including early settlement).</li>
 * </ul>
 * Loans new at t (absent at t−1) are in no row. A loan both present at t and in the written-off
 * set is a data error and is refused (a written-off loan has left the book).
 *
 * <p>Weights: the count version counts loans; the balance version weighs each loan by its
 * outstanding principal at t−1 — the balance that was at risk of rolling. Weighing by the balance
 * at t would give settled and written-off loans (balance 0 at t) no weight at all and make the
 * row shares not sum to 1.
 *
 * <p>Direction (the catalogue's keep / bad / better, 保持 / 恶化 / 回滚): a later bucket is worse, an
 * earlier one better. SETTLED counts as better for every row — the exposure ended without loss; for
 * row C, which has no better bucket, this is the only way to be "better". WRITTEN_OFF counts as
 * worse for every row — including M7+, whose only way to get worse is the write-off. The catalogue
 * does not say how leavers count; this is the reading chosen here.
 *
 * @param cells every row (all 8 buckets) × every column (all 10), zero cells included
 */
public record RollRateMatrix(Map<Bucket, Map<Column, Cell>> cells) {

    /**
     * Bucket at t, or how the loan left the book. The bucket columns are declared first and in
     * Bucket's order, so a column and its bucket share a position (ordinal: order, never stored).
     */
    public enum Column {
        C, M1, M2, M3, M4, M5, M6, M7_PLUS, SETTLED, WRITTEN_OFF;

        public static Column of(Bucket b) {
            return values()[b.ordinal()];
        }

        /**
         * The number a table stores for this column: the bucket's own {@link Bucket#code()} for a
         * bucket column, 8 for SETTLED, 9 for WRITTEN_OFF. Pinned by StoredCodeTest.
         */
        public int code() {
            return switch (this) {
                case SETTLED -> 8;
                case WRITTEN_OFF -> 9;
                default -> bucket().orElseThrow().code();
            };
        }

        public static Column ofCode(int code) {
            return StoredCode.of(Column.class, Column::code, code);
        }

        /** The bucket of a bucket column; empty for SETTLED and WRITTEN_OFF. */
        public Optional<Bucket> bucket() {
            return ordinal() < Bucket.values().length ? Optional.of(Bucket.values()[ordinal()]) : Optional.empty();
        }

        public String label() {
            return bucket().map(Bucket::label).orElse(name());
        }
    }

    public enum Direction {
        BETTER, SAME, WORSE
    }

    /** Number of loans and their outstanding principal at t−1. */
    public record Cell(long count, BigDecimal balance) {
        static final Cell EMPTY = new Cell(0, Money.ZERO);

        Cell plus(LoanSnapshot s) {
            return new Cell(count + 1, balance.add(s.outstandingPrincipal()));
        }
    }

    public RollRateMatrix {
        EnumMap<Bucket, Map<Column, Cell>> copy = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            Map<Column, Cell> row = cells.get(b);
            EnumMap<Column, Cell> r = new EnumMap<>(Column.class);
            for (Column c : Column.values()) {
                r.put(c, row == null || row.get(c) == null ? Cell.EMPTY : row.get(c));
            }
            copy.put(b, Collections.unmodifiableMap(r));
        }
        cells = Collections.unmodifiableMap(copy);
    }

    /**
     * @param previous     the book at month end t−1
     * @param current      the book at month end t (one calendar month later; checked)
     * @param writtenOffIds loans written off (核销) during month t; ids not in {@code previous} are ignored
     */
    public static RollRateMatrix of(List<LoanSnapshot> previous, List<LoanSnapshot> current, Set<String> writtenOffIds) {
        SnapshotLists.requireMonthsApart(previous, current, 1);
        Map<String, LoanSnapshot> now = SnapshotLists.byId(current, "the book at t");
        Map<Bucket, Map<Column, Cell>> cells = new EnumMap<>(Bucket.class);
        for (LoanSnapshot before : SnapshotLists.byId(previous, "the book at t-1").values()) {
            LoanSnapshot after = now.get(before.loanId());
            boolean writtenOff = writtenOffIds.contains(before.loanId());
            if (after != null && writtenOff) {
                throw new IllegalArgumentException("loan " + before.loanId()
                        + " is written off but still in the book at t");
            }
            Column to = after != null ? Column.of(after.bucket()) : writtenOff ? Column.WRITTEN_OFF : Column.SETTLED;
            cells.computeIfAbsent(before.bucket(), b -> new EnumMap<>(Column.class))
                    .merge(to, Cell.EMPTY.plus(before), (a, x) -> a.plus(before));
        }
        return new RollRateMatrix(cells);
    }

    public static Direction direction(Bucket from, Column to) {
        return switch (to) {
            case SETTLED -> Direction.BETTER;
            case WRITTEN_OFF -> Direction.WORSE;
            default -> {
                // severity order (declaration order), not a stored code
                int cmp = Integer.compare(to.ordinal(), from.ordinal());
                yield cmp < 0 ? Direction.BETTER : cmp == 0 ? Direction.SAME : Direction.WORSE;
            }
        };
    }

    public Cell cell(Bucket from, Column to) {
        return cells.get(from).get(to);
    }

    /** The row total: all loans in {@code from} at t−1. */
    public Cell row(Bucket from) {
        return cells.get(from).values().stream()
                .reduce(Cell.EMPTY, (a, c) -> new Cell(a.count() + c.count(), a.balance().add(c.balance())));
    }

    /** Row total of the cells going in one direction. */
    public Cell row(Bucket from, Direction d) {
        return cells.get(from).entrySet().stream()
                .filter(e -> direction(from, e.getKey()) == d)
                .map(Map.Entry::getValue)
                .reduce(Cell.EMPTY, (a, c) -> new Cell(a.count() + c.count(), a.balance().add(c.balance())));
    }

    /** Share of row {@code from}'s loans that went to {@code to}; empty for an empty row. */
    public Optional<BigDecimal> countShare(Bucket from, Column to) {
        return Ratio.of(cell(from, to).count(), row(from).count());
    }

    /** Share of row {@code from}'s t−1 balance that went to {@code to}; empty when the row has no balance. */
    public Optional<BigDecimal> balanceShare(Bucket from, Column to) {
        return Ratio.of(cell(from, to).balance(), row(from).balance());
    }

    /** Better / same / worse share of a row by count. */
    public Optional<BigDecimal> countShare(Bucket from, Direction d) {
        return Ratio.of(row(from, d).count(), row(from).count());
    }

    /** Better / same / worse share of a row by t−1 balance. */
    public Optional<BigDecimal> balanceShare(Bucket from, Direction d) {
        return Ratio.of(row(from, d).balance(), row(from).balance());
    }
}
