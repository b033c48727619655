package dev.loanwatch.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoDateTest {

    @Test
    void readsWhatLocalDateParseReads() {
        for (String s : new String[] {"2024-01-31", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31",
                "+10000-01-01", "-0001-06-15"}) {
            assertEquals(LocalDate.parse(s), IsoDate.parse(s), s);
        }
    }

    @Test
    void refusesWhatLocalDateParseRefusesTheSameWay() {
        for (String s : new String[] {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-31", "2024/01/31",
                "2024-01-3x", "", "20240131", "2024-01-31 "}) {
            DateTimeParseException expected = assertThrows(DateTimeParseException.class, () -> LocalDate.parse(s), s);
            DateTimeParseException actual = assertThrows(DateTimeParseException.class, () -> IsoDate.parse(s), s);
            assertEquals(expected.getMessage(), actual.getMessage(), s);
        }
    }
}
