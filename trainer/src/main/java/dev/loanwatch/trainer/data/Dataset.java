package dev.loanwatch.trainer.data;

import java.util.List;

/**
 * A training base: one row per observation point (a loan at a month end, or a line of a CSV), its
 * features as columns, the binary target (1 = bad), and where known the period of the observation
 * (for the out-of-time split; YYYY-MM or any sortable text) and the true PD (a simulated book's
 * oracle, for the oracle AUC).
 *
 * @param columns the features, each {@code rows()} long
 * @param target  1 = bad (default), 0 = good
 * @param period  the observation's period, sortable; null when the data has none
 * @param oracle  the true PD per row; null when unknown
 */
public record Dataset(List<Column> columns, int[] target, String[] period, double[] oracle) {

    public Dataset {
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (c.size() != target.length) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, the target " + target.length);
            }
        }
        if (period != null && period.length != target.length || oracle != null && oracle.length != target.length) {
            throw new IllegalArgumentException("period and oracle must have one value per row");
        }
    }

    public int rows() {
        return target.length;
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }
}
