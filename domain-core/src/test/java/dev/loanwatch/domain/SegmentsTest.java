package dev.loanwatch.domain;

import static dev.loanwatch.domain.Books.loan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static LoanSnapshot labelled(String id, Map<String, String> labels) {
        return loan(id, "2024-03-31", "2024-01-05", "1000", "900", "0", 0, FiveTierGrade.NORMAL, labels);
    }

    @Test
    void groupsByLabelCombinationsKeepingUnlabelledLoans() {
        LoanSnapshot a = labelled("A", Map.of("industry", "C", "region", "44"));
        LoanSnapshot b = labelled("B", Map.of("industry", "C", "region", "11"));
        LoanSnapshot c = labelled("C", Map.of("industry", "C", "region", "44", "size", "SMALL"));
        LoanSnapshot d = labelled("D", Map.of("region", "44"));
        var groups = Segments.by(List.of(a, b, c, d), List.of("industry", "region"));
        assertEquals(List.of(a, c), groups.get(Map.of("industry", "C", "region", "44")));
        assertEquals(List.of(b), groups.get(Map.of("industry", "C", "region", "11")));
        assertEquals(List.of(d), groups.get(Map.of("region", "44")));
        assertEquals(3, groups.size());
        assertEquals(List.of(a, c, d), Segments.where(List.of(a, b, c, d), Map.of("region", "44")));
        assertEquals(Map.of(), Segments.by(List.of(), List.of("industry")));
    }
}
