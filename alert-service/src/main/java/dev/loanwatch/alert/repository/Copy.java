package dev.loanwatch.alert.repository;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** PostgreSQL's COPY in text format through PgJDBC's CopyManager, for the facts that arrive by the million. */
final class Copy {
    private Copy() {
    }

    /** Appends {@code value} to a COPY text row, with the characters the format gives a meaning escaped. */
    static StringBuilder text(StringBuilder row, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
        return row;
    }

    /** Runs {@code copy … from stdin} with {@code rows} (tab-separated, one per line) in the connection's transaction. */
    static long in(Connection c, String copy, CharSequence rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
