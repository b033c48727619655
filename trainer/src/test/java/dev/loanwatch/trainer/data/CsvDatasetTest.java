package dev.loanwatch.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
    @TempDir
    Path dir;

    Path csv(String text) throws Exception {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void typesAreInferredAndMissingValuesKept() throws Exception {
        Dataset d = CsvDataset.read(csv("""
                id,income,region,score,month,default
                a,1200.5,north,,2024-01,0
                b,NA,south,7,2024-01,1
                c,800,,3.5,2024-02,false
                d,-3,north,?,2024-02,yes
                """), new CsvDataset.Spec("default", "month", Set.of("id")));
        assertEquals(4, d.rows());
        assertArrayEquals(new int[] {0, 1, 0, 1}, d.target());
        assertArrayEquals(new String[] {"2024-01", "2024-01", "2024-02", "2024-02"}, d.period());
        assertEquals(3, d.columns().size()); // id, month and the target are not features
        Column.Numeric income = assertInstanceOf(Column.Numeric.class, d.column("income"));
        assertEquals(1200.5, income.values()[0]);
        assertTrue(Double.isNaN(income.values()[1]));
        Column.Categorical region = assertInstanceOf(Column.Categorical.class, d.column("region"));
        assertNull(region.values()[2]);
        Column.Numeric score = assertInstanceOf(Column.Numeric.class, d.column("score"));
        assertTrue(Double.isNaN(score.values()[0]) && Double.isNaN(score.values()[3]));
    }

    @Test
    void aNumberColumnWithOneWordIsCategorical() throws Exception {
        Dataset d = CsvDataset.read(csv("x,y\n1,0\n2,1\nthree,0\n"), new CsvDataset.Spec("y", null, Set.of()));
        assertInstanceOf(Column.Categorical.class, d.column("x"));
    }

    @Test
    void badLinesAreNamedByLineAndColumn() {
        var short1 = assertThrows(CsvDataset.CsvProblem.class,
                () -> CsvDataset.read(csv("a,b,y\n1,2,0\n3,1\n"), new CsvDataset.Spec("y", null, Set.of())));
        assertEquals("line 3: 2 fields, the header has 3", short1.getMessage());
        var target = assertThrows(CsvDataset.CsvProblem.class,
                () -> CsvDataset.read(csv("a,y\n1,0\n2,maybe\n"), new CsvDataset.Spec("y", null, Set.of())));
        assertEquals("line 3, column y: the target must be 1/0 (true/false, yes/no, bad/good), not 'maybe'", target.getMessage());
        var missingTarget = assertThrows(CsvDataset.CsvProblem.class,
                () -> CsvDataset.read(csv("a,b\n1,0\n"), new CsvDataset.Spec("y", null, Set.of())));
        assertTrue(missingTarget.getMessage().startsWith("line 1, column y: the target column is not in the header"));
        var oneClass = assertThrows(CsvDataset.CsvProblem.class,
                () -> CsvDataset.read(csv("a,y\n1,0\n2,0\n"), new CsvDataset.Spec("y", null, Set.of())));
        assertTrue(oneClass.getMessage().contains("only one class"));
        var empty = assertThrows(CsvDataset.CsvProblem.class, () -> CsvDataset.read(csv(""), new CsvDataset.Spec("y", null, Set.of())));
        assertTrue(empty.getMessage().contains("empty"));
    }

    @Test
    void aGroupColumnKeepsRowsTogetherAndIsNoFeature() throws Exception {
        Dataset d = CsvDataset.read(csv("loan,month,x,y\nA,2024-01,1,0\nB,2024-01,2,1\nA,2024-02,3,0\n"),
                new CsvDataset.Spec("y", "month", "loan", 12, Set.of()));
        assertEquals(java.util.List.of("x"), d.columns().stream().map(c -> c.name()).toList());
        assertArrayEquals(new int[] {0, 1, 0}, d.group());
        assertEquals(12, d.horizon());
        var missingGroup = assertThrows(CsvDataset.CsvProblem.class, () -> CsvDataset.read(csv("loan,x,y\nA,1,0\n,2,1\n"),
                new CsvDataset.Spec("y", null, "loan", 0, Set.of())));
        assertEquals("line 3, column loan: the group is missing", missingGroup.getMessage());
        var noSuchGroup = assertThrows(CsvDataset.CsvProblem.class, () -> CsvDataset.read(csv("x,y\n1,0\n2,1\n"),
                new CsvDataset.Spec("y", null, "loan", 0, Set.of())));
        assertTrue(noSuchGroup.getMessage().startsWith("line 1, column loan: the group column is not in the header"),
                noSuchGroup.getMessage());
    }
}
