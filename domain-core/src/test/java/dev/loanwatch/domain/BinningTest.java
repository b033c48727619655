package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.Binning.CategoricalBins;
import dev.loanwatch.domain.Binning.NumericBins;
import dev.loanwatch.domain.Binning.Options;
import dev.loanwatch.domain.Binning.Trend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BinningTest {

    static final double NaN = Double.NaN;
    static final Options PLAIN = Options.defaults().withMinBinShare(0).withTrend(Trend.NONE);

    /** Rows of the values 1, 2, …: {@code rows[k]} rows of value k + 1, the first {@code bads[k]} of them bad. */
    record Rows(double[] values, int[] labels) {
        static Rows of(int[] rows, int[] bads) {
            List<Double> values = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int k = 0; k < rows.length; k++) {
                for (int r = 0; r < rows[k]; r++) {
                    values.add(k + 1.0);
                    labels.add(r < bads[k] ? 1 : 0);
                }
            }
            return new Rows(values.stream().mapToDouble(Double::doubleValue).toArray(), labels.stream().mapToInt(Integer::intValue).toArray());
        }

        NumericBins bin(Options o) {
            return Binning.numeric(values, labels, o);
        }
    }

    // values 1 … 5, 4 rows each; (good, bad) = (4,0) (3,1) (3,1) (1,3) (0,4). 20 initial bins of 20
    // rows cut at every position, so each value starts as its own bin.
    static final Rows FIVE = Rows.of(new int[] {4, 4, 4, 4, 4}, new int[] {0, 1, 1, 3, 4});

    @Test
    void theAdjacentPairWithTheSmallestChiSquareMergesFirst() {
        // χ² = N (ad − bc)² / ((a+b)(c+d)(a+c)(b+d)) for the pair's goods a, c and bads b, d:
        //   1|2: 8 × 4² / (4·4·7·1) = 1.1429   2|3: 0 (same split)   3|4: 8 × 8² / 4⁴ = 2   4|5: 8 × 4² / (4·4·1·7) = 1.1429
        // 5 bins > 3: merge 2|3 → (4,0) (6,2) (1,3) (0,4)
        //   1|23: 12 × 8² / (4·8·10·2) = 1.2   23|4: 12 × 16² / (8·4·7·5) = 2.7429   4|5: 1.1429
        // 4 bins > 3: merge 4|5 → (4,0) (6,2) (1,7): cuts 2 and 4
        NumericBins three = FIVE.bin(PLAIN.withMaxBins(3));
        assertArrayEquals(new double[] {2, 4}, three.cuts());
        assertArrayEquals(new long[] {4, 6, 1, 0}, three.good());
        assertArrayEquals(new long[] {0, 2, 7, 0}, three.bad());
        assertEquals(List.of("[-inf, 2)", "[2, 4)", "[4, +inf)", "missing"), labels(three));
        assertEquals(Trend.NONE, three.trendUsed());
        // 3 bins > 2: 1|23 = 1.2 against 23|45: 16 × 40² / (8·8·7·9) = 6.3492 → merge 1|23: cut 4
        NumericBins two = FIVE.bin(PLAIN.withMaxBins(2));
        assertArrayEquals(new double[] {4}, two.cuts());
        assertArrayEquals(new long[] {10, 1, 0}, two.good());
        assertWoeOfItsCounts(two.woe(), two.good(), two.bad());
    }

    @Test
    void badRatesMustRiseStrictly() {
        // rates 0, ¼, ¼, ¾, 1 rise, but not strictly: 2|3 (the only pair against ASCENDING) merges
        NumericBins ascending = FIVE.bin(PLAIN.withTrend(Trend.ASCENDING));
        assertArrayEquals(new double[] {2, 4, 5}, ascending.cuts());
        assertEquals(Trend.ASCENDING, ascending.trendUsed());
        // DESCENDING has every pair against it and ends as one bin (IV 0); AUTO keeps ASCENDING
        assertArrayEquals(new double[0], FIVE.bin(PLAIN.withTrend(Trend.DESCENDING)).cuts());
        NumericBins auto = FIVE.bin(PLAIN.withTrend(Trend.AUTO));
        assertArrayEquals(new double[] {2, 4, 5}, auto.cuts());
        assertEquals(Trend.ASCENDING, auto.trendUsed());
    }

    @Test
    void aUShapedBadRateStillComesOutMonotonic() {
        // values 1 … 6, 10 rows each, bad rates .7 .3 .1 .1 .3 .8 — high at both ends.
        // ASCENDING: against it 1|2, 2|3 and 3|4 (equal); 3|4 has χ² 0 → (3,7) (7,3) (18,2) (7,3) (2,8).
        //   against: 1|2 χ² 20 × 40² / 10⁴ = 3.2 and 2|34 χ² 30 × 40² / (10·20·25·5) = 1.92 → merge 2|34 →
        //   (3,7) .7  (25,5) .17  (7,3) .3  (2,8) .8; against: 1|234 → (28,12) .3  (7,3) .3, equal → (35,15) .3  (2,8) .8
        //   cut 6, IV 0.656
        // DESCENDING: against 3|4, 4|5, 5|6; 3|4 merges, then 34|5 (χ² 1.92) before 5|6 (20 × 50² / (10·10·9·11) = 5.05)
        //   → (3,7) .7  (7,3) .3  (25,5) .17  (2,8) .8 → 345|6 → (27,13) .325 above .3 → 2|3456 → (3,7) .7  (34,16) .32
        //   cut 2, IV 0.357
        Rows u = Rows.of(new int[] {10, 10, 10, 10, 10, 10}, new int[] {7, 3, 1, 1, 3, 8});
        NumericBins ascending = u.bin(Options.defaults().withTrend(Trend.ASCENDING));
        assertArrayEquals(new double[] {6}, ascending.cuts());
        assertArrayEquals(new long[] {35, 2, 0}, ascending.good());
        assertEquals(0.656167, ascending.woe().iv(), 1e-6);
        NumericBins descending = u.bin(Options.defaults().withTrend(Trend.DESCENDING));
        assertArrayEquals(new double[] {2}, descending.cuts());
        assertArrayEquals(new long[] {3, 34, 0}, descending.good());
        assertEquals(0.357466, descending.woe().iv(), 1e-6);
        NumericBins auto = u.bin(Options.defaults());
        assertEquals(Trend.ASCENDING, auto.trendUsed());
        assertArrayEquals(new double[] {6}, auto.cuts());
        // without a trend nothing forces a merge at 6 bins, so the U stays; one bin at most is one bin
        assertEquals(6, u.bin(Options.defaults().withTrend(Trend.NONE)).cuts().length + 1);
        assertEquals(1, u.bin(Options.defaults().withMaxBins(1)).cuts().length + 1);
    }

    @Test
    void aSmallBinJoinsTheNeighbourItDiffersLeastFrom() {
        // (good, bad): value 1 (9,0), value 2 (0,1), value 3 (5,5); 20 rows, at least 10 % = 2 rows a bin.
        // value 2 has 1 row: 1|2 χ² 10 × 9² / (9·1·9·1) = 10, 2|3 χ² 11 × 5² / (1·10·5·6) = 0.9167 → merge 2|3
        Rows rows = Rows.of(new int[] {9, 1, 10}, new int[] {0, 1, 5});
        assertArrayEquals(new double[] {2, 3}, rows.bin(PLAIN).cuts());
        NumericBins bins = rows.bin(PLAIN.withMinBinShare(0.1));
        assertArrayEquals(new double[] {2}, bins.cuts());
        assertArrayEquals(new long[] {9, 5, 0}, bins.good());
        assertArrayEquals(new long[] {0, 6, 0}, bins.bad());
    }

    @Test
    void aSpecialValueHasItsOwnBinAndTakesNoPartInTheCuts() {
        // −1 ("no bureau record") 3 rows; regular 1 … 6 good, good, good, bad, bad, bad; one missing
        double[] values = {-1, -1, -1, 1, 2, 3, 4, 5, 6, NaN};
        int[] labels = {1, 1, 0, 0, 0, 0, 1, 1, 1, 0};
        NumericBins bins = Binning.numeric(values, labels, PLAIN.withMaxBins(2).withSpecialValues(-1));
        assertArrayEquals(new double[] {4}, bins.cuts());
        assertArrayEquals(new long[] {3, 0, 1, 1}, bins.good());
        assertArrayEquals(new long[] {0, 3, 2, 0}, bins.bad());
        assertEquals(List.of("[-inf, 4)", "[4, +inf)", "= -1", "missing"), labels(bins));
        assertEquals(2, bins.binOf(-1));
        assertEquals(3, bins.binOf(NaN));
        assertEquals(0, bins.binOf(-5));
        assertEquals(0, bins.binOf(3.9));
        assertEquals(1, bins.binOf(4));
        assertWoeOfItsCounts(bins.woe(), bins.good(), bins.bad());
    }

    @Test
    void degenerateFeatures() {
        // one distinct value: one regular bin
        NumericBins constant = Binning.numeric(new double[] {5, 5, 5, 5}, new int[] {1, 0, 0, 0}, Options.defaults());
        assertArrayEquals(new double[0], constant.cuts());
        assertEquals(List.of("[-inf, +inf)", "missing"), labels(constant));
        assertArrayEquals(new long[] {3, 0}, constant.good());
        // all missing: the one regular bin is empty (WOE 0); the missing bin is the average, so IV 0
        NumericBins missing = Binning.numeric(new double[] {NaN, NaN, NaN, NaN}, new int[] {1, 0, 0, 1}, Options.defaults());
        assertArrayEquals(new double[0], missing.cuts());
        assertArrayEquals(new long[] {0, 2}, missing.good());
        assertArrayEquals(new long[] {0, 2}, missing.bad());
        assertEquals(0.0, missing.woe().iv(), 1e-15);
        // no rows at all
        assertEquals(2, Binning.numeric(new double[0], new int[0], Options.defaults()).good().length);
        // maxBins 1
        NumericBins one = FIVE.bin(Options.defaults().withMaxBins(1));
        assertArrayEquals(new double[0], one.cuts());
        assertArrayEquals(new long[] {11, 0}, one.good());
        assertThrows(IllegalArgumentException.class, () -> Binning.numeric(new double[] {1}, new int[] {1, 0}, Options.defaults()));
    }

    @Test
    void manualCutsAreCountedNotMerged() {
        // FIVE with a cut at 3: values 1, 2 → (7,1); 3, 4, 5 → (4,8); and −1 as special, never seen
        NumericBins bins = NumericBins.withCuts(FIVE.values(), FIVE.labels(), new double[] {3}, new double[] {-1});
        assertArrayEquals(new long[] {7, 4, 0, 0}, bins.good());
        assertArrayEquals(new long[] {1, 8, 0, 0}, bins.bad());
        assertEquals(Trend.NONE, bins.trendUsed());
        assertEquals("= -1", bins.label(2));
        assertWoeOfItsCounts(bins.woe(), bins.good(), bins.bad());
        assertThrows(IllegalArgumentException.class, () -> NumericBins.withCuts(FIVE.values(), FIVE.labels(), new double[] {3, 3}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NumericBins.withCuts(FIVE.values(), FIVE.labels(), new double[0], new double[] {-1, -1}));
        assertEquals("[0.25, 1000000)", NumericBins.withCuts(new double[0], new int[0], new double[] {0.25, 1e6}, new double[0]).label(1));
    }

    @Test
    void options() {
        Options d = Options.defaults();
        assertEquals(6, d.maxBins());
        assertEquals(0.05, d.minBinShare());
        assertEquals(20, d.initialBins());
        assertEquals(Trend.AUTO, d.trend());
        assertArrayEquals(new double[0], d.specialValues());
        Options o = d.withMaxBins(4).withInitialBins(50).withMinBinShare(0.1).withTrend(Trend.DESCENDING).withSpecialValues(-1, -2);
        assertEquals(4, o.maxBins());
        assertEquals(50, o.initialBins());
        assertEquals(0.1, o.minBinShare());
        assertEquals(Trend.DESCENDING, o.trend());
        assertArrayEquals(new double[] {-1, -2}, o.specialValues());
        assertThrows(IllegalArgumentException.class, () -> d.withMaxBins(0));
        assertThrows(IllegalArgumentException.class, () -> d.withInitialBins(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMinBinShare(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withSpecialValues(NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withSpecialValues(0.0, -0.0));
    }

    // categories: A 10 rows 1 bad (.1), B 10 rows 2 bad (.2), C 5 rows 1 bad (.2), D 10 rows 5 bad (.5); 3 missing, 1 bad
    static final String[] CATEGORY = categories();
    static final int[] CATEGORY_BAD = categoryLabels();

    @Test
    void categoriesSortedByBadRateAndMerged() {
        // sorted A .1, B .2, C .2, D .5; B and C have the same rate (χ² 0) and merge
        CategoricalBins bins = Binning.categorical(CATEGORY, CATEGORY_BAD, Options.defaults());
        assertEquals(List.of(List.of("A"), List.of("B", "C"), List.of("D")), bins.groups());
        assertArrayEquals(new long[] {9, 12, 5, 2}, bins.good());
        assertArrayEquals(new long[] {1, 3, 5, 1}, bins.bad());
        assertEquals(1, bins.binOf("C"));
        assertEquals(3, bins.binOf("Z")); // unseen → missing
        assertEquals(3, bins.binOf(null));
        assertEquals("B, C", bins.label(1));
        assertEquals("missing", bins.label(3));
        assertWoeOfItsCounts(bins.woe(), bins.good(), bins.bad());
        // 2 bins: after B|C, A|BC χ² 25 × 15² / (10·15·21·4) = 0.4464 against BC|D 25 × 45² / (15·10·17·8) = 2.4816
        CategoricalBins two = Binning.categorical(CATEGORY, CATEGORY_BAD, Options.defaults().withMaxBins(2));
        assertEquals(List.of(List.of("A", "B", "C"), List.of("D")), two.groups());
        // all missing: no groups, only the missing bin
        CategoricalBins none = Binning.categorical(new String[] {null, null}, new int[] {0, 1}, Options.defaults());
        assertEquals(List.of(), none.groups());
        assertArrayEquals(new long[] {1}, none.good());
    }

    @Test
    void manualGroupsSendOtherCategoriesToMissing() {
        // A+D (14 good, 6 bad), B (8, 2); C is in no group: with the missing rows (2,1) → (6, 2)
        CategoricalBins bins = CategoricalBins.withGroups(CATEGORY, CATEGORY_BAD, List.of(List.of("A", "D"), List.of("B")));
        assertArrayEquals(new long[] {14, 8, 6}, bins.good());
        assertArrayEquals(new long[] {6, 2, 2}, bins.bad());
        assertEquals(2, bins.binOf("C"));
        assertEquals("A, D", bins.label(0));
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalBins.withGroups(CATEGORY, CATEGORY_BAD, List.of(List.of("A"), List.of("A", "B"))));
    }

    @Test
    void randomFeaturesAlwaysMeetTheConstraints() {
        Random random = new Random(20240601);
        Trend[] trends = Trend.values();
        for (int round = 0; round < 400; round++) {
            int n = random.nextInt(300);
            boolean continuous = random.nextBoolean();
            double missing = random.nextInt(4) == 0 ? random.nextDouble() : 0;
            double u = random.nextDouble(); // where the bad rate bottoms out: U-shaped at will
            double[] values = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double x = continuous ? random.nextDouble() : random.nextInt(8) / 7.0;
                values[i] = random.nextDouble() < missing ? NaN : random.nextInt(10) == 0 ? -1 : x;
                labels[i] = random.nextDouble() < 0.1 + 0.8 * Math.abs(x - u) ? 1 : 0;
            }
            Options o = Options.defaults().withMaxBins(1 + random.nextInt(8)).withInitialBins(1 + random.nextInt(30))
                    .withMinBinShare(new double[] {0, 0.05, 0.1, 0.3}[random.nextInt(4)]).withTrend(trends[random.nextInt(trends.length)])
                    .withSpecialValues(random.nextBoolean() ? new double[] {-1} : new double[0]);
            NumericBins bins = Binning.numeric(values, labels, o);
            String seen = "round " + round;
            int regular = bins.cuts().length + 1;
            assertTrue(regular <= o.maxBins(), seen);
            assertEquals(regular + o.specialValues().length + 1, bins.good().length, seen);
            for (int k = 1; k < bins.cuts().length; k++) {
                assertTrue(bins.cuts()[k - 1] < bins.cuts()[k], seen);
            }
            long regularRows = 0;
            for (int k = 0; k < regular; k++) {
                regularRows += bins.good()[k] + bins.bad()[k];
            }
            for (int k = 0; k < regular && regularRows > 0; k++) {
                long rows = bins.good()[k] + bins.bad()[k];
                assertTrue(rows > 0 && (double) rows / regularRows >= o.minBinShare(), seen);
            }
            Trend used = bins.trendUsed();
            assertEquals(o.trend() == Trend.AUTO ? used : o.trend(), used, seen);
            assertTrue(used != Trend.AUTO, seen);
            for (int k = 1; k < regular && used != Trend.NONE; k++) {
                int order = Long.compare(bins.bad()[k - 1] * (bins.good()[k] + bins.bad()[k]), bins.bad()[k] * (bins.good()[k - 1] + bins.bad()[k - 1]));
                assertEquals(used == Trend.ASCENDING ? -1 : 1, order, seen);
            }
            // every row is counted once, where binOf puts it
            NumericBins recount = NumericBins.withCuts(values, labels, bins.cuts(), o.specialValues());
            assertArrayEquals(recount.good(), bins.good(), seen);
            assertArrayEquals(recount.bad(), bins.bad(), seen);
            assertEquals(n, sum(bins.good()) + sum(bins.bad()), seen);
            assertWoeOfItsCounts(bins.woe(), bins.good(), bins.bad());

            String[] categories = new String[n];
            for (int i = 0; i < n; i++) {
                categories[i] = Double.isNaN(values[i]) ? null : "c" + Math.round(values[i] * 7);
            }
            CategoricalBins groups = Binning.categorical(categories, labels, o);
            assertCategoricalConstraints(categories, labels, o, groups, seen);
        }
    }

    @Test
    void aMillionRowsTakeAFractionOfASecond() {
        Random random = new Random(3);
        int n = 1_000_000;
        double[] values = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian() * 100;
            values[i] = random.nextInt(50) == 0 ? NaN : x;
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(2 + x / 50)) ? 1 : 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        NumericBins bins = Binning.numeric(values, labels, Options.defaults());
        long cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        // about 0.25 s of CPU cold, 0.1 s warm; the bound only catches a pass that went quadratic
        assertTrue(cpuMillis < 2_000, cpuMillis + " ms");
        assertEquals(Trend.DESCENDING, bins.trendUsed());
        assertEquals(n, sum(bins.good()) + sum(bins.bad()));
    }

    static void assertCategoricalConstraints(String[] categories, int[] labels, Options o, CategoricalBins bins, String seen) {
        int regular = bins.groups().size();
        assertTrue(regular <= o.maxBins(), seen);
        Set<String> grouped = new HashSet<>();
        bins.groups().forEach(g -> g.forEach(c -> assertTrue(grouped.add(c), seen)));
        long nonMissing = 0;
        for (String c : categories) {
            if (c != null) {
                assertTrue(grouped.contains(c), seen);
                nonMissing++;
            }
        }
        for (int k = 0; k < regular; k++) {
            assertTrue((double) (bins.good()[k] + bins.bad()[k]) / nonMissing >= o.minBinShare(), seen);
            if (k > 0) {
                long before = bins.bad()[k - 1] * (bins.good()[k] + bins.bad()[k]);
                assertTrue(before < bins.bad()[k] * (bins.good()[k - 1] + bins.bad()[k - 1]), seen);
            }
        }
        CategoricalBins recount = CategoricalBins.withGroups(categories, labels, bins.groups());
        assertArrayEquals(recount.good(), bins.good(), seen);
        assertArrayEquals(recount.bad(), bins.bad(), seen);
        assertEquals(categories.length, sum(bins.good()) + sum(bins.bad()), seen);
    }

    static void assertWoeOfItsCounts(WoeTable woe, long[] good, long[] bad) {
        assertEquals(WoeTable.of(good, bad), woe);
    }

    static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    static List<String> labels(NumericBins bins) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < bins.good().length; k++) {
            labels.add(bins.label(k));
        }
        return labels;
    }

    static String[] categories() {
        List<String> values = new ArrayList<>();
        add(values, "A", 10);
        add(values, "B", 10);
        add(values, "C", 5);
        add(values, "D", 10);
        add(values, null, 3);
        return values.toArray(String[]::new);
    }

    static int[] categoryLabels() {
        // the first rows of each category are its bads: A 1, B 2, C 1, D 5, missing 1
        int[] labels = new int[38];
        for (int start : new int[] {0, 10, 11, 20, 25, 26, 27, 28, 29, 35}) {
            labels[start] = 1;
        }
        return labels;
    }

    static void add(List<String> values, String category, int rows) {
        for (int r = 0; r < rows; r++) {
            values.add(category);
        }
    }

    /**
     * A mass point: 960 loans at DPD 0 (24 bad), 40 at DPD 1 … 40 (20 bad). Every equal-frequency cut
     * would be 0; the mass point gets its own bin, so the delinquent 4 % keep theirs (4 % ≥ the 2 %
     * minimum): bad rates 2.5 % and 50 %.
     */
    @Test
    void aValueHoldingMostRowsDoesNotSwallowTheTail() {
        double[] values = new double[1000];
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            values[i] = i < 960 ? 0 : i - 959;
            labels[i] = i < 960 ? (i < 24 ? 1 : 0) : (i % 2);
        }
        Binning.NumericBins bins = Binning.numeric(values, labels, Binning.Options.defaults().withMinBinShare(0.02));
        assertArrayEquals(new double[] {1}, bins.cuts());
        assertEquals(936, bins.good()[0]);
        assertEquals(24, bins.bad()[0]);
        assertEquals(20, bins.good()[1]);
        assertEquals(20, bins.bad()[1]);
    }

    /**
     * The tail has its own story: 9,600 loans at DPD 0 (96 bad), 200 at DPD 1 … 20 of which 10 % go
     * bad (late payers who cure), 200 at DPD 61 … 80 of which 90 % do (loans that stopped paying).
     * The initial cuts split the 4 % outside the mass point among themselves, so merging can keep the
     * two halves of the tail apart (each 2 % of the rows, the minimum): three bins, bad rates 1 %,
     * 10 %, 90 %. Quantiles over all rows put the whole tail in one initial bin (50 %).
     */
    @Test
    void theTailOutsideAMassPointIsCutAmongItself() {
        int n = 10_000;
        double[] values = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 9_600) {
                values[i] = 0;
                labels[i] = i < 96 ? 1 : 0;
            } else if (i < 9_800) {
                values[i] = 1 + (i - 9_600) % 20;
                labels[i] = (i - 9_600) < 20 ? 1 : 0;
            } else {
                values[i] = 61 + (i - 9_800) % 20;
                labels[i] = (i - 9_800) < 180 ? 1 : 0;
            }
        }
        Binning.NumericBins bins = Binning.numeric(values, labels, Binning.Options.defaults().withMinBinShare(0.02));
        assertArrayEquals(new double[] {1, 61}, bins.cuts());
        assertArrayEquals(new long[] {9_504, 180, 20, 0}, bins.good());
        assertArrayEquals(new long[] {96, 20, 180, 0}, bins.bad());
    }
}
