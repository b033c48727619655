package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void totalIncludesCredit() {
        Allocation a = new Allocation(List.of(new AllocationLine(1, m("0"), m("10.00"), m("90.00"))), m("5.00"));
        assertEquals(m("105.00"), a.total());
    }

    @Test
    void linesAreImmutable() {
        List<AllocationLine> lines = new ArrayList<>();
        Allocation a = new Allocation(lines, m("0"));
        lines.add(new AllocationLine(1, m("0"), m("0"), m("1")));
        assertEquals(0, a.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> a.lines().add(null));
    }
}
