package dev.loanwatch.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.trainer.data.Column;
import dev.loanwatch.trainer.data.Dataset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /**
     * 100 loans observed at each of 24 month ends (2023-01 … 2024-12), a loan bad at every month end
     * when its number is a multiple of 7. With a 12-month horizon and a fifth of the rows as the
     * test, the test is 2024-08 … 2024-12 (5 × 100 = 500 rows ≥ 480) and a training month end must be
     * 12 months before 2024-08: 2023-08 or earlier (8 months, 800 rows); 2023-09 … 2024-07 (11
     * months, 1,100 rows) are left out.
     */
    private static Dataset book(int horizon) {
        int loans = 100;
        int months = 24;
        int n = loans * months;
        double[] x = new double[n];
        int[] y = new int[n];
        String[] period = new String[n];
        int[] group = new int[n];
        for (int l = 0; l < loans; l++) {
            for (int m = 0; m < months; m++) {
                int r = l * months + m;
                x[r] = l;
                y[r] = l % 7 == 0 ? 1 : 0;
                period[r] = String.format("%04d-%02d", 2023 + m / 12, m % 12 + 1);
                group[r] = l;
            }
        }
        return new Dataset(List.of(new Column.Numeric("x", x)), y, period, null, group, horizon);
    }

    @Test
    void rowsWhoseOutcomeIsNotKnownWhenTheTestBeginsDoNotTrain() {
        Dataset d = book(12);
        Splits s = Splits.of(d, 0.2, 5, 42);
        assertEquals(500, s.test().length);
        assertEquals(800, s.train().length);
        assertEquals(1_100, s.embargoed());
        assertTrue(Arrays.stream(s.train()).allMatch(r -> d.period()[r].compareTo("2023-08") <= 0));
        assertTrue(Arrays.stream(s.test()).allMatch(r -> d.period()[r].compareTo("2024-08") >= 0));
        // without a horizon every earlier month trains
        Splits open = Splits.of(book(0), 0.2, 5, 42);
        assertEquals(1_900, open.train().length);
        assertEquals(0, open.embargoed());
    }

    @Test
    void aHorizonLongerThanTheHistoryIsRefusedSayingWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> Splits.of(book(20), 0.2, 5, 42));
        assertTrue(e.getMessage().contains("no row is 20 periods before"), e.getMessage());
    }

    @Test
    void aLoanIsInOneFoldAndItsBadsSpreadOverTheFolds() {
        Dataset d = book(12);
        Splits s = Splits.of(d, 0.2, 4, 7);
        Map<Integer, Integer> foldOf = new HashMap<>();
        int[] badLoansPerFold = new int[4];
        for (int i = 0; i < s.train().length; i++) {
            int loan = d.group()[s.train()[i]];
            Integer before = foldOf.put(loan, s.folds()[i]);
            assertTrue(before == null || before == s.folds()[i], "loan " + loan + " in folds " + before + " and " + s.folds()[i]);
            if (before == null && d.target()[s.train()[i]] == 1) {
                badLoansPerFold[s.folds()[i]]++;
            }
        }
        // 15 bad loans (0, 7, …, 98) dealt round robin: 4, 4, 4, 3
        assertEquals(15, Arrays.stream(badLoansPerFold).sum());
        assertTrue(Arrays.stream(badLoansPerFold).allMatch(b -> b == 3 || b == 4), Arrays.toString(badLoansPerFold));
    }

    @Test
    void withoutPeriodsTheHoldOutAndTheEarlyStoppingRowsTakeWholeLoans() {
        Dataset timed = book(0);
        Dataset d = new Dataset(timed.columns(), timed.target(), null, null, timed.group(), 0);
        Splits s = Splits.of(d, 0.2, 5, 3);
        Set<Integer> testLoans = new HashSet<>();
        Arrays.stream(s.test()).forEach(r -> testLoans.add(d.group()[r]));
        assertEquals(20, testLoans.size());
        assertTrue(Arrays.stream(s.train()).noneMatch(r -> testLoans.contains(d.group()[r])));
        int[][] fitAndStop = Splits.validation(d, s.train(), 11);
        Set<Integer> stopLoans = new HashSet<>();
        Arrays.stream(fitAndStop[1]).forEach(r -> stopLoans.add(d.group()[r]));
        assertTrue(Arrays.stream(fitAndStop[0]).noneMatch(r -> stopLoans.contains(d.group()[r])));
        assertEquals(s.train().length, fitAndStop[0].length + fitAndStop[1].length);
        assertTrue(stopLoans.size() >= 7 && stopLoans.size() <= 9, "a tenth of 80 loans, per class: " + stopLoans.size());
    }
}
