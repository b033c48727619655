package dev.loanwatch.ingestion.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoanStateTest {

    /** loan.state and payment.loan_state_after hold these texts; changing one would change stored rows' meaning. */
    @Test
    void storedCodesArePinned() {
        assertEquals(Map.of(LoanState.OPEN, "OPEN", LoanState.SETTLED, "SETTLED", LoanState.WRITTEN_OFF, "WRITTEN_OFF"),
                Arrays.stream(LoanState.values()).collect(Collectors.toMap(Function.identity(), LoanState::code)));
        for (LoanState s : LoanState.values()) {
            assertEquals(s, LoanState.ofCode(s.code()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoanState.ofCode("CLOSED"));
        assertTrue(e.getMessage().contains("'CLOSED'"), e.getMessage());
    }
}
