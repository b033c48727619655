package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AllocationLineTest {

    @Test
    void totalSumsTheComponents() {
        assertEquals(m("1071.49"), new AllocationLine(1, m("5.30"), m("120.00"), m("946.19")).total());
    }

    @Test
    void componentsAreNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> new AllocationLine(1, m("-1"), m("0"), m("0")));
    }
}
