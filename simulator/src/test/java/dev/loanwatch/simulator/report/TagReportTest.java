package dev.loanwatch.simulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.simulator.output.BorrowersTruth.Row;
import dev.loanwatch.simulator.output.BorrowersTruth.Status;
import dev.loanwatch.simulator.report.TagReport.Accuracy;
import dev.loanwatch.simulator.report.TagReport.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagReportTest {

    /** Ten borrowers, each a case the report must count in one place or another. */
    static final List<Row> TRUTH = List.of(
            new Row("B1", null, "C1311", Status.MISSING),
            new Row("B2", null, "C1311", Status.MISSING),
            new Row("B3", null, "H6110", Status.MISSING),
            new Row("B4", null, "H6110", Status.MISSING),
            new Row("B5", "F51", "C1311", Status.WRONG),
            new Row("B6", "F52", "C1311", Status.WRONG),
            new Row("B7", "C9999", "C1311", Status.WRONG),
            new Row("B8", "C13", "C1311", Status.CORRECT),
            new Row("B9", "C1311", "C1311", Status.CORRECT),
            new Row("B10", null, null, Status.NONE));

    static final Map<String, Tags> TAGS = Map.of(
            // inferred, all right
            "B1", new Tags("C", "13", "1311", "INFERRED", "ABSENT", false, "13"),
            // inferred: section right, division and class wrong
            "B2", new Tags("C", "14", "1411", "INFERRED", "ABSENT", false, "14"),
            // nothing inferred from the text; B4 has no labels at all
            "B3", new Tags(null, null, null, "NONE", "ABSENT", true, null),
            // a valid wrong code kept, flagged: the text points at the true division
            "B5", new Tags("F", "51", "5111", "GIVEN", "SUSPECT", true, "13"),
            // a valid wrong code the text agrees with
            "B6", new Tags("F", "52", null, "GIVEN", "VALID", false, "52"),
            // an invalid code: the text decides, the right division but another class
            "B7", new Tags("C", "13", "1312", "INFERRED", "INVALID", false, "13"),
            // a correct code flagged all the same
            "B8", new Tags("C", "13", null, "GIVEN", "SUSPECT", true, "14"),
            "B9", new Tags("C", "13", "1311", "GIVEN", "VALID", false, "13"),
            "B10", new Tags(null, null, null, "NONE", "ABSENT", false, null));

    @Test
    void countsEachCaseOnce() {
        TagReport.Figures f = TagReport.of(TRUTH, TAGS);
        assertEquals(10, f.borrowers());
        assertEquals(9, f.tagged());
        assertEquals(9, f.enterprises());
        assertEquals(8, f.taggedEnterprises());
        assertEquals(3, f.needsReview());
        assertEquals(new ArrayList<>(List.of(Map.entry("C", 5), Map.entry("F", 2))), new ArrayList<>(f.bySection().entrySet()));
        assertEquals(List.of("13", "14", "51", "52"), List.copyOf(f.byDivision().keySet()));
        assertEquals(4, f.byDivision().get("13"));
        assertEquals(Map.of("GIVEN", 4, "INFERRED", 3, "OVERRIDE", 0, "NONE", 1), f.bySource());
        assertEquals(Map.of("ABSENT", 3, "VALID", 2, "INVALID", 1, "SUSPECT", 2), f.byGivenCodeStatus());

        assertEquals(new Accuracy(4, 3, 2, 2, 1, 2, 1), f.missing());
        assertEquals(new Accuracy(3, 3, 3, 2, 2, 1, 0), f.wrong());
        assertEquals(1, f.wrongSuspect());
        assertEquals(1, f.wrongInvalid());
        assertEquals(1, f.wrongInvalidDivisionRight());
        assertEquals(2, f.correctTagged());
        assertEquals(1, f.correctSuspect());
    }

    @Test
    void textNamesTheIndustriesAndGivesShares() {
        String text = TagReport.of(TRUTH, TAGS).text();
        assertTrue(text.contains("tagged: 9 of 10 borrowers (8 of 9 enterprises)"), text);
        assertTrue(text.contains("C        5   71.4 %  制造业"), text);
        assertTrue(text.contains("C13      4   57.1 %  农副食品加工业"), text);
        assertTrue(text.contains("source: GIVEN 4, INFERRED 3, OVERRIDE 0, NONE 1"), text);
        assertTrue(text.contains("division right       1 of 3 (33.3 %)"), text);
        assertTrue(text.contains("flagged SUSPECT      1 of 3 (33.3 %)"), text);
        assertTrue(text.contains("class right          0 of 1 (0.0 %)"), text);
        assertTrue(text.contains("CORRECT codes flagged SUSPECT: 1 of 2 (50.0 %)"), text);
    }

    @Test
    void readsTheServiceJson() throws Exception {
        String json = """
                {"borrowerId":"B1","industry":{"section":"C","division":"13","group":"131","industryClass":"1311",
                 "source":{"kind":"INFERRED","confidence":0.93},"givenCode":null,"givenCodeStatus":"ABSENT",
                 "needsReview":false,"inferredDivision":"13","inferredConfidence":0.93},"size":{"size":"SMALL"}}""";
        assertEquals(TAGS.get("B1"), Tags.of(new ObjectMapper().readTree(json)));
        assertEquals(new Tags(null, null, null, "NONE", "ABSENT", false, null),
                Tags.of(new ObjectMapper().readTree("{\"industry\":{\"section\":null,\"source\":{\"kind\":\"NONE\"},\"givenCodeStatus\":\"ABSENT\"}}")));
    }
}
