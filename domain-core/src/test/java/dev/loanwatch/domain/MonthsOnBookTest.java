package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MonthsOnBookTest {

    @ParameterizedTest(name = "disbursed {0}, as of {1}: MOB {2}")
    @CsvSource({
            // mid-month disbursement
            "2024-01-15, 2024-01-15, 0",
            "2024-01-15, 2024-01-31, 0",
            "2024-01-15, 2024-02-28, 0",
            "2024-01-15, 2024-02-29, 1",
            "2024-01-15, 2024-03-30, 1",
            "2024-01-15, 2024-03-31, 2",
            // disbursed on the last day of a month: that very day is already MOB 0's month end
            "2024-01-31, 2024-01-31, 0",
            "2024-01-31, 2024-02-29, 1",
            "2025-01-31, 2025-02-28, 1",
            "2023-12-31, 2024-12-31, 12",
            "2023-12-31, 2024-12-30, 11"})
    void countsMonthEnds(LocalDate disbursed, LocalDate asOf, int expected) {
        assertEquals(expected, MonthsOnBook.of(disbursed, asOf));
    }

    @Test
    void asOfBeforeDisbursementIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MonthsOnBook.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 14)));
    }
}
