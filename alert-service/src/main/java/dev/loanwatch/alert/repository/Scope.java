package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A segment resolved against the read model: the loans in it as a mask over the columns' loan
 * indexes (for the reports that scan {@link LoanColumns}), and the same segment as a SQL condition on
 * a loan row (for the questions asked of the tables: write-offs, recoveries, early installments). An
 * empty scope is a valid segment that has no loans.
 *
 * @param mask  true at the index of each opened loan of the segment (loans added later are outside)
 * @param loans how many loans the mask holds
 */
public record Scope(Segment segment, boolean[] mask, int loans) {

    public boolean isEmpty() {
        return loans == 0;
    }

    boolean has(int loan) {
        return loan < mask.length && mask[loan];
    }

    /** The segment as a condition on loan row {@code alias} (its contract, its borrower's labels). */
    String condition(String alias) {
        List<String> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<Dimension, String> e : segment.values().entrySet()) {
            Dimension d = e.getKey();
            if (isLoanLevel(d)) {
                parts.add(alias + "." + column(d) + " = ?");
            } else {
                labels.add(d.multiValued() ? "? = any(" + column(d) + ")" : column(d) + " = ?");
            }
        }
        if (!labels.isEmpty()) {
            parts.add(alias + ".borrower_id in (select borrower_id from borrower where " + String.join(" and ", labels) + ")");
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    /** Binds the values of {@link #condition} from {@code index}; returns the next index. */
    int bind(PreparedStatement ps, int index) throws SQLException {
        int i = index;
        for (boolean loanLevel : new boolean[] {true, false}) {
            for (Map.Entry<Dimension, String> e : segment.values().entrySet()) {
                if (isLoanLevel(e.getKey()) == loanLevel) {
                    ps.setString(i++, e.getValue());
                }
            }
        }
        return i;
    }

    /** A dimension of the loan's contract (else of its borrower's labels). */
    private static boolean isLoanLevel(Dimension d) {
        return d == Dimension.PRODUCT || d == Dimension.CHANNEL || d == Dimension.TERM_BAND || d == Dimension.RATE_BAND;
    }

    /** The column of a dimension in the loan or borrower table. */
    static String column(Dimension d) {
        return switch (d) {
            case PRODUCT -> "product";
            case CHANNEL -> "channel";
            case TERM_BAND -> "term_band";
            case RATE_BAND -> "rate_band";
            case CUSTOMER_TYPE -> "customer_type";
            case SECTION -> "section";
            case DIVISION -> "division";
            case PROVINCE -> "province";
            case PREFECTURE -> "prefecture";
            case SIZE -> "size_class";
            case RISK_GROUP -> "risk_groups";
            case TAG -> "custom_tags";
        };
    }
}
