package dev.loanwatch.trainer.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.Binning;
import dev.loanwatch.trainer.data.Column;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.trainer.gbdt.Gbdt;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    /** 4,000 rows: a numeric driver with missing values and a special value −1, a categorical one with an unseen category later. */
    static Dataset book(long seed) {
        Random random = new Random(seed);
        int n = 4000;
        double[] utilisation = new double[n];
        String[] region = new String[n];
        int[] y = new int[n];
        String[] names = {"north", "south", "east"};
        double[] risk = {-0.8, 0.0, 0.7};
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int r = random.nextInt(3);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-2 + 2.5 * u + risk[r]))) ? 1 : 0;
            utilisation[i] = i % 20 == 0 ? Double.NaN : i % 33 == 0 ? -1 : u;
            region[i] = i % 50 == 0 ? null : names[r];
        }
        return new Dataset(List.of(new Column.Numeric("utilisation", utilisation), new Column.Categorical("region", region)), y, null, null);
    }

    static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    static Scorecard train(Dataset d) {
        Scorecard.Options o = Scorecard.Options.defaults();
        o = new Scorecard.Options(o.binning().withSpecialValues(-1), o.minIv(), o.maxCorrelation(), o.ridge(), o.scaling(), o.manual());
        return Scorecard.train(d, all(d.rows()), o);
    }

    @Test
    void theTreesOfTheCardGiveItsPdAndThePointsAddUpToTheScore() {
        Dataset d = book(3);
        Scorecard card = train(d);
        assertEquals(2, card.features().size());
        Scorecard.Exported exported = card.export();
        double[] pd = card.pd(d, all(d.rows()));
        float[] rows = Gbdt.rows(d, all(d.rows()), exported.numeric(), exported.categorical());
        int p = exported.numeric().size() + exported.categorical().size();
        for (int i = 0; i < d.rows(); i++) {
            float[] row = java.util.Arrays.copyOfRange(rows, i * p, (i + 1) * p);
            assertEquals(pd[i], exported.ensemble().pd(row), 1e-6, "row " + i);
            assertEquals(card.scaling().score(pd[i]), card.score(card.bins(d, i)), 1e-6, "row " + i);
        }
        // an unseen region goes to the missing bin, as a missing one does
        Scorecard.Feature region = card.features().stream().filter(f -> f.name().equals("region")).findFirst().orElseThrow();
        assertEquals(region.categoricalBins().binOf(null), region.categoricalBins().binOf("atlantis"));
    }

    @Test
    void reasonsAreTheFeaturesFurthestBelowTheirBestBinWithTheBinThatRemovesThem() {
        Dataset d = book(5);
        Scorecard card = train(d);
        int worst = -1;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < d.rows(); i++) {
            double s = card.score(card.bins(d, i));
            if (s < lowest) {
                lowest = s;
                worst = i;
            }
        }
        List<dev.loanwatch.domain.ReasonCodes.Reason> reasons = card.reasons(card.bins(d, worst), 4);
        assertEquals(2, reasons.size());
        assertTrue(reasons.get(0).pointsBelowBest() >= reasons.get(1).pointsBelowBest());
        for (dev.loanwatch.domain.ReasonCodes.Reason r : reasons) {
            Scorecard.Feature f = card.features().stream().filter(x -> x.name().equals(r.feature())).findFirst().orElseThrow();
            double best = java.util.Arrays.stream(f.points()).max().orElseThrow();
            assertEquals(best - r.points(), r.pointsBelowBest(), 1e-9);
            assertTrue(java.util.stream.IntStream.range(0, f.bins()).anyMatch(b -> f.label(b).equals(r.whatIfBin()) && f.points()[b] == best));
        }
    }

    @Test
    void manualCutsAndGroupsReplaceTheAutomaticBins() {
        Dataset d = book(7);
        ManualBins manual = new ManualBins(Map.of("utilisation", new ManualBins.Cuts(new double[] {0.25, 0.5, 0.75}, new double[] {-1})),
                Map.of("region", List.of(List.of("north"), List.of("south", "east"))));
        Scorecard card = Scorecard.train(d, all(d.rows()), Scorecard.Options.defaults().withManual(manual));
        Scorecard.Feature u = card.features().stream().filter(f -> f.name().equals("utilisation")).findFirst().orElseThrow();
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, u.numericBins().cuts());
        assertEquals(Binning.Trend.NONE, u.numericBins().trendUsed());
        Scorecard.Feature r = card.features().stream().filter(f -> f.name().equals("region")).findFirst().orElseThrow();
        assertEquals(List.of(List.of("north"), List.of("south", "east")), r.categoricalBins().groups());
    }
}
