package dev.loanwatch.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.platform.error.RejectedException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthsTest {
    static final List<LocalDate> CLOSED = List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31));

    @Test
    void latestIsTheLastClosedMonthWhereverAMonthIsAsked() {
        assertEquals(List.of(LocalDate.of(2024, 3, 31)), Months.of("latest", null, null, CLOSED, true).monthEnds());
        assertEquals(CLOSED, Months.of(null, null, "latest", CLOSED, true).monthEnds());
        assertEquals(List.of(LocalDate.of(2024, 3, 31)), Months.of(null, "latest", null, CLOSED, true).monthEnds());
    }

    @Test
    void nothingMeansTheLatestForOneMonthAndAllForASeries() {
        assertEquals(List.of(LocalDate.of(2024, 3, 31)), Months.of(null, null, null, CLOSED, false).monthEnds());
        assertEquals(CLOSED, Months.of(null, null, null, CLOSED, true).monthEnds());
        assertEquals(List.of(LocalDate.of(2024, 2, 29)), Months.of("2024-02", null, null, CLOSED, true).monthEnds());
    }

    @Test
    void aMonthNotClosedOrMalformedIsRefusedNamingTheParameter() {
        RejectedException notClosed = assertThrows(RejectedException.class, () -> Months.of(null, null, "2024-04", CLOSED, true));
        assertEquals("to", notClosed.rejection().errors().get(0).field());
        RejectedException malformed = assertThrows(RejectedException.class, () -> Months.of("newest", null, null, CLOSED, true));
        assertEquals("month", malformed.rejection().errors().get(0).field());
        assertThrows(RejectedException.class, () -> Months.of(null, null, "latest", List.of(), true));
    }
}
