package dev.loanwatch.trainer.data;

import java.util.List;

/**
 * A training base: one row per observation point (a loan at a month end, or a line of a CSV), its
 * features as columns, the binary target (1 = bad), and where known the period of the observation
 * (for the out-of-time split; YYYY-MM or any sortable text), the true PD (a simulated book's oracle,
 * for the oracle AUC), the group a row belongs to and how far ahead the target looks.
 *
 * @param columns the features, each {@code rows()} long
 * @param target  1 = bad (default), 0 = good
 * @param period  the observation's period, sortable; null when the data has none
 * @param oracle  the true PD per row; null when unknown
 * @param group   per row, the unit its rows share (a loan observed at several month ends): the splits
 *                never put one group on both sides; null when every row stands alone
 * @param horizon the periods the target looks ahead (a default within 12 months: 12), so that a row
 *                whose outcome was not yet known when the test begins does not train; 0 when unknown
 */
public record Dataset(List<Column> columns, int[] target, String[] period, double[] oracle, int[] group, int horizon) {

    public Dataset {
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (c.size() != target.length) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, the target " + target.length);
            }
        }
        if (period != null && period.length != target.length || oracle != null && oracle.length != target.length
                || group != null && group.length != target.length) {
            throw new IllegalArgumentException("period, oracle and group must have one value per row");
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must not be negative, got " + horizon);
        }
    }

    /** Rows that stand alone, with no horizon. */
    public Dataset(List<Column> columns, int[] target, String[] period, double[] oracle) {
        this(columns, target, period, oracle, null, 0);
    }

    public Dataset withHorizon(int periods) {
        return new Dataset(columns, target, period, oracle, group, periods);
    }

    public int rows() {
        return target.length;
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }
}
