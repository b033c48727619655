package dev.loanwatch.alert.repository;

import dev.loanwatch.alert.model.Segment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A segment resolved against the read model: a rollup (the whole book, or one value of one
 * dimension — a handful of precomputed rows), or the list of fine cells that match a combination.
 * An empty scope is a valid segment that has no loans.
 */
public record Scope(Segment segment, Integer rollupId, int[] cells) {

    public boolean isEmpty() {
        return rollupId == null && cells.length == 0;
    }

    /** The condition on a cube's own {@code cell_id} column (rollup rows, or the fine rows of the cells). */
    String cubeCondition(String alias) {
        return rollupId != null ? alias + ".cell_id = ?" : alias + ".cell_id = any(?)";
    }

    /** The condition on a fine cell id (a loan's {@code cell_id}, a fine cube row). */
    String fineCondition(String column) {
        if (rollupId != null) {
            return segment.isWholeBook() ? column + " is not null"
                    : column + " in (select cell_id from cell_rollup where rollup_id = ?)";
        }
        return column + " = any(?)";
    }

    /** Binds the parameter of {@link #cubeCondition} at {@code index}; returns the next index. */
    int bindCube(Connection c, PreparedStatement ps, int index) throws SQLException {
        if (rollupId != null) {
            ps.setInt(index, rollupId);
        } else {
            ps.setArray(index, c.createArrayOf("integer", java.util.Arrays.stream(cells).boxed().toArray()));
        }
        return index + 1;
    }

    /** Binds the parameter of {@link #fineCondition}, if it has one; returns the next index. */
    int bindFine(Connection c, PreparedStatement ps, int index) throws SQLException {
        if (rollupId != null && segment.isWholeBook()) {
            return index;
        }
        return bindCube(c, ps, index);
    }
}
