package dev.loanwatch.trainer.data;

/** One feature of a training base: numbers (NaN = missing) or categories (null = missing). */
public sealed interface Column permits Column.Numeric, Column.Categorical {

    String name();

    int size();

    /** A numeric feature; {@code Double.NaN} is a missing value. */
    record Numeric(String name, double[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }
    }

    /** A categorical feature; {@code null} is a missing value. */
    record Categorical(String name, String[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }
    }
}
