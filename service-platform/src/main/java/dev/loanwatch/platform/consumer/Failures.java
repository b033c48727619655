package dev.loanwatch.platform.consumer;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a transient failure (the database or broker away or busy: retry it, never skip the record)
 * from a permanent one (this record cannot be processed: after a bounded number of tries it is a
 * dead letter). Unknown failures count as permanent, so a bug never blocks a partition forever.
 */
public final class Failures {
    // SQLSTATE classes and codes that say "try again later", not "this data is wrong"
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "55006");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            String state = t instanceof SQLException s ? s.getSQLState() : reactiveSqlState(t);
            if (state != null && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, Math.min(2, state.length()))))) {
                return true;
            }
            // Agroal: no connection within the acquisition timeout — the database is away or saturated
            if (t instanceof SQLException && state == null
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            // a failed rollback or close may carry the real cause as a suppressed exception
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.equals("io.vertx.core.impl.NoStackTraceThrowable") || name.endsWith("ClosedConnectionException")
                    || name.equals("io.vertx.sqlclient.ClosedConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of the reactive client's PgException, read by name: that client is optional. */
    private static String reactiveSqlState(Throwable t) {
        if (!t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            return null;
        }
        try {
            Method m = t.getClass().getMethod("getSqlState");
            return (String) m.invoke(t);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A short description for a dead letter's reason: the failure's type and first message line, no stack. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }
}
