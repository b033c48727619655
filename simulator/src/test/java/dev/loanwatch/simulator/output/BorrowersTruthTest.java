package dev.loanwatch.simulator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.output.BorrowersTruth.Row;
import dev.loanwatch.simulator.output.BorrowersTruth.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BorrowersTruthTest {

    @Test
    void agreesWithTheBorrowers(@TempDir Path dir) throws Exception {
        Simulation sim = Simulation.run(Simulation.Config.of(6_000, 12, "baseline", 5));
        BatchFiles.write(sim, dir);
        Path file = dir.resolve(BorrowersTruth.FILE);
        assertEquals(BorrowersTruth.HEADER, Files.readAllLines(file).get(0));
        Map<String, Row> rows = BorrowersTruth.read(file).stream().collect(Collectors.toMap(Row::borrowerId, Function.identity()));
        assertEquals(sim.allBorrowers().size(), rows.size(), "one row per borrower, applicants included");

        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        long enterprises = 0;
        for (SimBorrower b : sim.borrowers()) {
            Row r = rows.get(b.id());
            assertTrue(r != null, "missing " + b.id());
            counts.merge(r.status(), 1, Integer::sum);
            if (!b.enterprise()) {
                assertEquals(Status.NONE, r.status());
                assertNull(r.trueIndustryClass());
                continue;
            }
            enterprises++;
            assertEquals(b.industryClass(), r.trueIndustryClass());
            assertEquals(b.reportedIndustryCode(), r.reportedIndustryCode());
            switch (r.status()) {
                case MISSING -> assertNull(r.reportedIndustryCode());
                case WRONG -> assertFalse(r.trueIndustryClass().startsWith(r.reportedIndustryCode()), r.toString());
                case CORRECT -> assertTrue(r.trueIndustryClass().startsWith(r.reportedIndustryCode()), r.toString());
                case NONE -> throw new AssertionError("an enterprise marked NONE: " + r);
            }
        }
        // BookGenerator: no code for 12 % of enterprises, another division drawn for 8 % (now and then the same one)
        double missing = counts.getOrDefault(Status.MISSING, 0) / (double) enterprises;
        double wrong = counts.getOrDefault(Status.WRONG, 0) / (double) enterprises;
        assertTrue(missing > 0.10 && missing < 0.14, "missing share " + missing);
        assertTrue(wrong > 0.05 && wrong < 0.09, "wrong share " + wrong);
        assertEquals(sim.borrowers().size() - enterprises, (long) counts.getOrDefault(Status.NONE, 0));
    }

    @Test
    void statusIsJudgedOnTheReportedLevel() {
        assertEquals(Status.CORRECT, BorrowersTruth.status(enterprise("C13", "C1311")));
        assertEquals(Status.CORRECT, BorrowersTruth.status(enterprise("1311", "C1311")));
        assertEquals(Status.WRONG, BorrowersTruth.status(enterprise("C14", "C1311")));
        assertEquals(Status.WRONG, BorrowersTruth.status(enterprise("C1312", "C1311")));
        assertEquals(Status.MISSING, BorrowersTruth.status(enterprise(null, "C1311")));
    }

    private static SimBorrower enterprise(String reported, String truth) {
        return new SimBorrower(0, "X-B0", "ENTERPRISE", "n", "id", "110101", reported, truth, "scope", 10, null, null,
                "SMALL", 0, Map.of());
    }

    @Test
    void readsBlankCodesAsNone() throws Exception {
        List<Row> rows = BorrowersTruth.read(new java.io.StringReader(BorrowersTruth.HEADER + "\nS1-B1,,,NONE\nS1-B2,C13,C1311,CORRECT\n"));
        assertEquals(List.of(new Row("S1-B1", null, null, Status.NONE), new Row("S1-B2", "C13", "C1311", Status.CORRECT)), rows);
    }
}
