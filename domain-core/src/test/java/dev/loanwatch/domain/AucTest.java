package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AucTest {

    @Test
    void aucOfAWorkedExample() {
        // bads score 0.35 and 0.8, goods 0.1 and 0.4: of the 4 bad-good pairs the bad is above in 3
        // (0.35 > 0.1, 0.8 > 0.1, 0.8 > 0.4; 0.35 < 0.4) → 3/4
        double auc = Auc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1});
        assertEquals(0.75, auc, 1e-12);
        assertEquals(0.5, Auc.gini(auc), 1e-12);
    }

    @Test
    void aTieCountsHalf() {
        // bads 0.5, 0.9; goods 0.5, 0.2: (0.5 vs 0.5) ½ + (0.5 vs 0.2) 1 + 1 + 1 = 3.5 of 4
        assertEquals(0.875, Auc.of(new double[] {0.5, 0.5, 0.2, 0.9}, new int[] {1, 0, 0, 1}), 1e-12);
        // one score for all: nothing told apart, 0.5; Gini 0
        assertEquals(0.5, Auc.of(new double[] {3, 3, 3}, new int[] {1, 0, 0}), 1e-12);
        assertEquals(0.0, Auc.gini(0.5), 1e-12);
        // a score pointing the wrong way
        assertEquals(0.0, Auc.of(new double[] {1, 2}, new int[] {1, 0}), 1e-12);
        assertEquals(-1.0, Auc.gini(0.0), 1e-12);
    }

    @Test
    void equalsTheShareOfPairsWonOnRandomScores() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(60);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(10); // few values: many ties
                labels[i] = i < 2 ? i : random.nextInt(2);
            }
            double won = 0;
            long pairs = 0;
            for (int b = 0; b < n; b++) {
                for (int g = 0; g < n; g++) {
                    if (labels[b] == 1 && labels[g] == 0) {
                        pairs++;
                        won += scores[b] > scores[g] ? 1 : scores[b] == scores[g] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(won / pairs, Auc.of(scores, labels), 1e-12);
        }
    }

    @Test
    void argumentsSayWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new int[] {1}));
        assertTrue(e.getMessage().contains("differ in length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("no bad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("no good"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new int[] {1, 2}));
        assertTrue(e.getMessage().contains("label at 1 is 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, Double.NaN}, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[0], new int[0]));
    }
}
