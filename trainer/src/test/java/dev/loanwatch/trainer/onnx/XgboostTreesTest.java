package dev.loanwatch.trainer.onnx;

import dev.loanwatch.model.OnnxScorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A GBDT trained by XGBoost4J, read back as a {@link TreeEnsemble}, exported, scored three ways. */
class XgboostTreesTest {

    private static final int ROWS = 5000;
    private static final int FEATURES = 8;

    private static float[][] rows;
    private static DMatrix data;

    /**
     * Random rows with ~10% missing in half the features, some integer-valued (so that values equal
     * to a split's threshold are common), and a label from a logistic model of them.
     */
    @BeforeAll
    static void data() throws XGBoostError {
        Random random = new Random(11);
        rows = new float[ROWS][FEATURES];
        float[] flat = new float[ROWS * FEATURES];
        float[] label = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                float x = j % 3 == 0 ? random.nextInt(6) : (float) random.nextGaussian();
                rows[i][j] = j % 2 == 1 && random.nextInt(10) == 0 ? Float.NaN : x;
                flat[i * FEATURES + j] = rows[i][j];
            }
            double z = -1.5 + 0.4 * rows[i][0] + orZero(rows[i][1]) - 0.7 * rows[i][2] + 0.3 * rows[i][3] * rows[i][4]
                    + (Float.isNaN(rows[i][5]) ? 0.8 : 0);
            label[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        data = new DMatrix(flat, ROWS, FEATURES, Float.NaN);
        data.setLabel(label);
    }

    private static double orZero(float x) {
        return Float.isNaN(x) ? 0 : x;
    }

    private static Booster train(DMatrix matrix, String objective, int rounds) throws XGBoostError {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective);
        params.put("max_depth", 4);
        params.put("eta", 0.1);
        params.put("nthread", 1);
        params.put("seed", 3);
        return XGBoost.train(matrix, params, rounds, Map.of(), null, null);
    }

    @Test
    void onnxRuntimeAndTheEnsembleAgreeWithXgboost() throws XGBoostError, OrtException {
        Booster booster = train(data, "binary:logistic", 100);
        TreeEnsemble ensemble = XgboostTrees.from(booster, FEATURES);
        assertEquals(100, ensemble.trees().size());
        float[][] expected = booster.predict(data);
        float[][] margin = booster.predict(data, true);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            names.add("x" + j);
        }
        try (OnnxScorer scorer = new OnnxScorer(OnnxExport.write(ensemble, names, List.of(), Map.of()))) {
            double[] onnx = scorer.pd(rows, null);
            double onnxWorst = 0;
            double ensembleWorst = 0;
            double marginWorst = 0;
            for (int i = 0; i < ROWS; i++) {
                onnxWorst = Math.max(onnxWorst, Math.abs(onnx[i] - expected[i][0]));
                ensembleWorst = Math.max(ensembleWorst, Math.abs(ensemble.pd(rows[i]) - expected[i][0]));
                marginWorst = Math.max(marginWorst, Math.abs(ensemble.logit(rows[i]) - margin[i][0]));
            }
            assertTrue(onnxWorst <= 1e-6, "ONNX Runtime vs XGBoost, max |pd difference| " + onnxWorst);
            assertTrue(ensembleWorst <= 1e-6, "TreeEnsemble vs XGBoost, max |pd difference| " + ensembleWorst);
            assertTrue(marginWorst <= 1e-5, "TreeEnsemble vs XGBoost, max |margin difference| " + marginWorst);
        }
    }

    @Test
    void theBaseIsTheFittedInterceptsLogOdds() throws XGBoostError {
        Booster booster = train(data, "binary:logistic", 1);
        double mean = 0;
        for (float y : data.getLabel()) {
            mean += y;
        }
        mean /= ROWS;
        assertEquals(Math.log(mean / (1 - mean)), XgboostTrees.from(booster, FEATURES).base(), 1e-6,
                "XGBoost 3 starts binary:logistic from the label mean");
    }

    @Test
    void readsTheSplitsOfNamedFeatures() throws XGBoostError {
        String[] names = new String[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            names[j] = "feature_" + (FEATURES - j);
        }
        DMatrix named = data.slice(IntStream.range(0, ROWS).toArray());
        named.setFeatureNames(names);
        Booster booster = train(named, "binary:logistic", 10);
        TreeEnsemble ensemble = XgboostTrees.from(booster, FEATURES);
        float[][] expected = booster.predict(named);
        for (int i = 0; i < ROWS; i++) {
            assertEquals(expected[i][0], ensemble.pd(rows[i]), 1e-6, "row " + i);
        }
    }

    @Test
    void baseScoreIsReadAsListOrNumber() {
        assertEquals(0.5f, XgboostTrees.baseScore("[5E-1]"));
        assertEquals(0.5f, XgboostTrees.baseScore("5E-1"));
        assertEquals(0.2235f, XgboostTrees.baseScore("[2.235E-1]"));
        assertThrows(IllegalArgumentException.class, () -> XgboostTrees.baseScore("[1E-1,2E-1]"));
        assertThrows(IllegalArgumentException.class, () -> XgboostTrees.baseScore("1.5"));
    }

    @Test
    void refusesAnotherObjectiveOrWidth() throws XGBoostError {
        Booster regression = train(data, "reg:squarederror", 2);
        assertThrows(IllegalArgumentException.class, () -> XgboostTrees.from(regression, FEATURES));
        Booster booster = train(data, "binary:logistic", 2);
        assertThrows(IllegalArgumentException.class, () -> XgboostTrees.from(booster, FEATURES + 1));
    }
}
