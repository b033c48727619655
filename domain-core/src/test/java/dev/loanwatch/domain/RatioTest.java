package dev.loanwatch.domain;

import static dev.loanwatch.domain.Books.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void sixDecimalsHalfUp() {
        assertEquals(Optional.of(r("0.666667")), Ratio.of(new BigDecimal("2"), new BigDecimal("3")));
        assertEquals(Optional.of(r("0.333333")), Ratio.of(1, 3));
        assertEquals(Optional.of(r("1.5")), Ratio.of(new BigDecimal("9000.00"), new BigDecimal("6000.00")));
    }

    @Test
    void zeroDenominatorIsEmptyNotZero() {
        assertEquals(Optional.empty(), Ratio.of(BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(Optional.empty(), Ratio.of(5, 0));
        assertEquals(Optional.of(r("0")), Ratio.of(0, 5));
    }
}
