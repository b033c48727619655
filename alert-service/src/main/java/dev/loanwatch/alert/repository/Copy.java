package dev.loanwatch.alert.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)} (PostgreSQL documentation, "COPY",
 * "Binary Format"), sent through PgJDBC's CopyManager: each field is its length and the value as the
 * server stores it, so the server parses no text. For the facts that arrive by the million: 1,000,000
 * month-end rows took PostgreSQL about a fifth less time in this format than as text (psql, here).
 */
final class Copy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Days from 1970-01-01, Java's epoch, to 2000-01-01, PostgreSQL's. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] bytes;
    private int length;
    private int rows;

    Copy(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
        put(SIGNATURE, 0, SIGNATURE.length);
        int4(0);    // flags: no OIDs
        int4(0);    // no header extension
    }

    /** Starts a row of {@code fields} fields. */
    Copy row(int fields) {
        rows++;
        return int2(fields);
    }

    Copy date(LocalDate d) {
        return field(4).int4((int) (d.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    /** Text in UTF-8, PgJDBC's client encoding, from which the server converts it as it reads the field. */
    Copy text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        field(b.length);
        put(b, 0, b.length);
        return this;
    }

    Copy smallint(int v) {
        return field(2).int2(v);
    }

    Copy integer(int v) {
        return field(4).int4(v);
    }

    Copy bigint(long v) {
        field(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
        return this;
    }

    Copy bool(boolean v) {
        field(1);
        ensure(1);
        bytes[length++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** COPYs the rows and the trailer in the connection's transaction; returns the rows the server took. */
    long copy(Connection c, String copy) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        int2(-1);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            in.writeToCopy(bytes, 0, length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private Copy field(int size) {
        return int4(size);
    }

    private Copy int2(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
        return this;
    }

    private Copy int4(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
        return this;
    }

    private void put(byte[] b, int from, int n) {
        ensure(n);
        System.arraycopy(b, from, bytes, length, n);
        length += n;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 3 / 2, length + n));
        }
    }
}
