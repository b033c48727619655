package dev.loanwatch.trainer.onnx;

import dev.loanwatch.model.OnnxScorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Mode;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Node;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-built ensembles, scored in ONNX Runtime and by {@link TreeEnsemble}: the two must agree. */
class OnnxExportTest {

    private static final List<String> NUMERIC = List.of("income", "dti");
    private static final CategoricalInput REGION = new CategoricalInput("region",
            Map.of("north", 0f, "south", 1f, "east", 2f, CategoricalInput.MISSING, 4f), 3f);
    private static final CategoricalInput CHANNEL = new CategoricalInput("channel", Map.of("app", 0f, "branch", 1f), 2f);
    private static final List<CategoricalInput> CATEGORICAL = List.of(REGION, CHANNEL);
    private static final Map<String, String> METADATA = Map.of(
            "features", "income,dti,region,channel", "model_version", "scorecard-2026-11");

    /**
     * A scorecard's shape: one tree per feature, its leaves the bins' log-odds. Income has a
     * missing bin (NaN fails "x &lt; +∞"), a special value -1, and bins below 1000, below 3000 and
     * above; dti sends missing to its low bin; region has a bin per code, missing (4) and unseen
     * (3) included; channel's unseen code 2 falls in its last bin.
     */
    private static final TreeEnsemble SCORECARD = new TreeEnsemble(-2.0, List.of(
            new Tree(List.of(
                    Node.split(0, 0, Mode.LESS, Double.POSITIVE_INFINITY, 1, 2, false),
                    Node.split(1, 0, Mode.EQUAL, -1, 3, 4, false),
                    Node.leaf(2, -0.3),
                    Node.leaf(3, 0.7),
                    Node.split(4, 0, Mode.LESS, 1000, 5, 6, false),
                    Node.leaf(5, -0.5),
                    Node.split(6, 0, Mode.LESS, 3000, 7, 8, false),
                    Node.leaf(7, 0.1),
                    Node.leaf(8, 0.4))),
            new Tree(List.of(
                    Node.split(0, 1, Mode.LESS, 0.35, 1, 2, true),
                    Node.leaf(1, 0.2),
                    Node.leaf(2, -0.6))),
            bins(2, Mode.EQUAL, new double[] {0, 1, 2, 4}, new double[] {0.3, -0.1, 0.05, -0.2, -0.4}),
            bins(3, Mode.LESS, new double[] {0.5, 1.5}, new double[] {0.15, -0.05, -0.25})),
            4);

    /**
     * A chain of bins: a row goes to leaf k at the first threshold k its feature meets, else to the
     * last leaf; missing never meets one.
     */
    private static Tree bins(int feature, Mode mode, double[] thresholds, double[] leaves) {
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < thresholds.length; k++) {
            nodes.add(Node.split(2 * k, feature, mode, thresholds[k], 2 * k + 1, 2 * k + 2, false));
            nodes.add(Node.leaf(2 * k + 1, leaves[k]));
        }
        nodes.add(Node.leaf(2 * thresholds.length, leaves[thresholds.length]));
        return new Tree(nodes);
    }

    @Test
    void runtimeAgreesWithTheEnsembleOnEveryRow() throws OrtException {
        Random random = new Random(7);
        float[] incomes = {Float.NaN, -1, 999.99f, 1000, 2999.999f, 3000};
        String[] regions = {"north", "south", "east", "west", "North", "", null};
        String[] channels = {"app", "branch", "web", null};
        int rows = 3000;
        float[][] numeric = new float[rows][];
        String[][] categorical = new String[rows][];
        for (int i = 0; i < rows; i++) {
            float income = random.nextBoolean() ? incomes[random.nextInt(incomes.length)] : random.nextFloat() * 6000;
            float dti = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(10) == 0 ? 0.35f : random.nextFloat();
            numeric[i] = new float[] {income, dti};
            categorical[i] = new String[] {regions[random.nextInt(regions.length)],
                    channels[random.nextInt(channels.length)]};
        }
        try (OnnxScorer scorer = new OnnxScorer(OnnxExport.write(SCORECARD, NUMERIC, CATEGORICAL, METADATA))) {
            double[] pd = scorer.pd(numeric, categorical);
            double[] logit = scorer.logit(numeric, categorical);
            double worst = 0;
            for (int i = 0; i < rows; i++) {
                float[] row = row(numeric[i], categorical[i]);
                worst = Math.max(worst, Math.abs(pd[i] - SCORECARD.pd(row)));
                assertEquals(SCORECARD.logit(row), logit[i], 1e-6, "row " + i);
            }
            assertTrue(worst <= 1e-6, "max |pd difference| " + worst);
        }
    }

    @Test
    void eachBinIsTheOneTheScorecardNames() throws OrtException {
        float[][] numeric = {{1000, Float.NaN}, {-1, 0.35f}, {Float.NaN, 0.1f}};
        String[][] categorical = {{"west", null}, {null, "branch"}, {"east", "app"}};
        double[] expected = {
                -2.0 + 0.1 + 0.2 - 0.4 - 0.25,   // 1000 is not below 1000; missing dti; unseen region; missing channel
                -2.0 + 0.7 - 0.6 - 0.2 - 0.05,   // special income; 0.35 is not below 0.35; missing region's own bin
                -2.0 - 0.3 + 0.2 + 0.05 + 0.15}; // missing income
        try (OnnxScorer scorer = new OnnxScorer(OnnxExport.write(SCORECARD, NUMERIC, CATEGORICAL, METADATA))) {
            assertArrayEquals(expected, scorer.logit(numeric, categorical), 1e-6);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], SCORECARD.logit(row(numeric[i], categorical[i])), 1e-6);
            }
        }
    }

    @Test
    void anUnseenCategoryScoresAsItsUnseenCode() {
        assertEquals(3f, REGION.code("west"));
        assertEquals(4f, REGION.code(null), "missing is the empty string, which region maps");
        assertEquals(2f, CHANNEL.code(null), "channel does not map missing: it is unseen");
    }

    @Test
    void metadataRoundTrips() throws OrtException {
        try (OnnxScorer scorer = new OnnxScorer(OnnxExport.write(SCORECARD, NUMERIC, CATEGORICAL, METADATA))) {
            assertEquals(METADATA, scorer.metadata());
        }
    }

    @Test
    void anInputWithNoColumnsIsLeftOut() throws OrtException {
        Tree onFirst = new Tree(List.of(Node.split(0, 0, Mode.LESS, 0.5, 1, 2, true), Node.leaf(1, -1),
                Node.leaf(2, 1)));
        TreeEnsemble one = new TreeEnsemble(0.5, List.of(onFirst), 1);
        try (OnnxScorer numericOnly = new OnnxScorer(OnnxExport.write(one, List.of("x"), List.of(), Map.of()));
             OnnxScorer categoricalOnly = new OnnxScorer(OnnxExport.write(one, List.of(), List.of(CHANNEL), Map.of()))) {
            assertArrayEquals(new double[] {-0.5, 1.5, -0.5}, numericOnly.logit(new float[][] {{0}, {1}, {Float.NaN}},
                    null), 1e-6);
            assertArrayEquals(new double[] {-0.5, 1.5, 1.5}, categoricalOnly.logit(null,
                    new String[][] {{"app"}, {"branch"}, {"web"}}), 1e-6);
            assertThrows(IllegalArgumentException.class,
                    () -> numericOnly.pd(new float[][] {{0}}, new String[][] {{"app"}}));
        }
    }

    @Test
    void refusesFeaturesThatDoNotMatchTheEnsemble() {
        assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.write(SCORECARD, List.of("income"), CATEGORICAL, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.write(SCORECARD, List.of("region", "dti"), CATEGORICAL, Map.of()));
    }

    @Test
    void refusesABatchOfTheWrongShape() throws OrtException {
        try (OnnxScorer scorer = new OnnxScorer(OnnxExport.write(SCORECARD, NUMERIC, CATEGORICAL, METADATA))) {
            assertThrows(IllegalArgumentException.class,
                    () -> scorer.pd(new float[][] {{1}}, new String[][] {{"north", "app"}}));
            assertThrows(IllegalArgumentException.class,
                    () -> scorer.pd(new float[][] {{1, 2}}, new String[][] {{"north", "app"}, {"east", "app"}}));
            assertThrows(IllegalArgumentException.class, () -> scorer.pd(new float[][] {{1, 2}}, null));
        }
    }

    /** The ensemble's row: numeric features, then each category's code, as the graph builds it. */
    private static float[] row(float[] numeric, String[] categories) {
        float[] row = new float[numeric.length + categories.length];
        System.arraycopy(numeric, 0, row, 0, numeric.length);
        for (int j = 0; j < categories.length; j++) {
            row[numeric.length + j] = CATEGORICAL.get(j).code(categories[j]);
        }
        return row;
    }
}
