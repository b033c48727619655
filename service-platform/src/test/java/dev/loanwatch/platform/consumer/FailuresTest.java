package dev.loanwatch.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theDatabaseOrBrokerAwayIsTransient() {
        assertTrue(Failures.isTransient(new IllegalStateException(new SQLException("connection refused", "08001"))));
        assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(Failures.isTransient(new SQLException("too many connections", "53300")));
        assertTrue(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Failures.isTransient(new SQLTransientConnectionException("reset")));
        assertTrue(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(Failures.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("no broker")));
    }

    @Test
    void badDataAndBugsArePermanent() {
        assertFalse(Failures.isTransient(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertFalse(Failures.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(Failures.isTransient(new IllegalArgumentException("bad")));
        assertFalse(Failures.isTransient(new NullPointerException()));
    }

    @Test
    void describeNamesTheRootCauseInOneLine() {
        assertEquals("SQLException: invalid byte sequence",
                Failures.describe(new IllegalStateException(new SQLException("invalid byte sequence\n  Where: COPY", "22021"))));
    }
}
