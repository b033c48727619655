package dev.loanwatch.trainer.report;

import dev.loanwatch.domain.ScorecardScaling;
import dev.loanwatch.domain.WoeTable;
import dev.loanwatch.trainer.Training;
import dev.loanwatch.trainer.eval.Metrics;
import dev.loanwatch.trainer.onnx.CategoricalInput;
import dev.loanwatch.trainer.scorecard.Scorecard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model card: what a model is (kind, version, inputs in ONNX order, target), what it was trained on,
 * how good it is (folds, train, out-of-time test, PSI), what it contains (the scorecard's bins, WOE and
 * points, or the GBDT's settings), the ONNX parity measured and a probe set — rows with their expected
 * PD — that the scoring service scores on upload to check it serves the same model.
 */
public final class ModelCard {
    private ModelCard() {
    }

    /** What every card says; the model-specific part is added by the callers. */
    public static Map<String, Object> common(String name, String version, String kind, String target, Training.Result r,
                                             Training.Evaluation e, List<String> numeric, List<CategoricalInput> categorical) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", name);
        card.put("version", version);
        card.put("kind", kind);
        card.put("createdAt", Instant.now().toString());
        card.put("producer", "loanwatch-trainer");
        card.put("target", target);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("numeric", numeric);
        List<Map<String, Object>> cats = new ArrayList<>();
        for (CategoricalInput c : categorical) {
            cats.add(Map.of("name", c.name(), "categories", List.copyOf(c.codes().keySet())));
        }
        inputs.put("categorical", cats);
        inputs.put("onnx", Map.of("inputs", List.of("numeric: float [N, numeric]", "categorical: string [N, categorical]"),
                "outputs", List.of("logit: float [N, 1]", "pd: float [N, 1]"), "missing", "numeric NaN; categorical empty or unseen"));
        card.put("inputs", inputs);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rows", r.data().rows());
        data.put("trainRows", r.splits().train().length);
        data.put("testRows", r.splits().test().length);
        data.put("test", r.splits().outOfTime() ? "out of time: the latest periods" : "stratified random hold-out (the data has no period)");
        data.put("folds", r.splits().k());
        data.put("groupsKeptWhole", r.data().group() != null);
        data.put("horizonPeriods", r.data().horizon());
        data.put("embargoedRows", r.splits().embargoed());
        if (r.data().period() != null) {
            data.put("testPeriods", periods(r.data().period(), r.splits().test()));
        }
        card.put("data", data);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("foldAuc", e.foldAuc());
        metrics.put("meanFoldAuc", e.meanFoldAuc());
        metrics.put("train", metrics(e.train()));
        metrics.put("test", metrics(e.test()));
        metrics.put("psiTrainTest", e.psiTrainTest());
        card.put("metrics", metrics);
        return card;
    }

    static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", m.rows());
        out.put("badRate", m.badRate());
        out.put("auc", m.auc());
        out.put("gini", m.gini());
        out.put("ks", m.ks());
        out.put("brier", m.brier());
        out.put("calibrationError", m.calibrationError());
        out.put("calibration", m.calibration());
        if (m.oracleAuc() != null) {
            out.put("oracleAuc", m.oracleAuc());
            out.put("shareOfOracleAuc", m.shareOfOracle());
        }
        return out;
    }

    /** The scorecard's own part: scaling, and per feature its IV, β and bins with counts, WOE and points. */
    public static Map<String, Object> scorecard(Scorecard card) {
        Map<String, Object> out = new LinkedHashMap<>();
        ScorecardScaling s = card.scaling();
        out.put("scaling", Map.of("base", s.base(), "baseOdds", s.baseOdds(), "pdo", s.pdo(), "factor", s.factor(), "offset", s.offset()));
        out.put("intercept", card.intercept());
        List<Map<String, Object>> features = new ArrayList<>();
        for (Scorecard.Feature f : card.features()) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("name", f.name());
            feature.put("type", f.numeric() ? "numeric" : "categorical");
            feature.put("iv", f.iv());
            feature.put("coefficient", f.coefficient());
            // what a reader needs to put a raw value in its bin (the scoring service's reason codes):
            // numbers are read as float32 first, as the ONNX file does; regular bins [cut_k-1, cut_k),
            // then one bin per special value, then missing; a category outside every group is missing
            if (f.numeric()) {
                feature.put("cuts", f.numericBins().cuts());
                feature.put("specialValues", f.numericBins().specialValues());
            } else {
                feature.put("groups", f.categoricalBins().groups());
            }
            List<Map<String, Object>> bins = new ArrayList<>();
            for (int b = 0; b < f.bins(); b++) {
                WoeTable.Bin bin = f.woe().bins().get(b);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("bin", f.label(b));
                row.put("good", bin.good());
                row.put("bad", bin.bad());
                row.put("woe", bin.woe());
                row.put("iv", bin.iv());
                row.put("points", f.points()[b]);
                bins.add(row);
            }
            feature.put("bins", bins);
            features.add(feature);
        }
        out.put("features", features);
        out.put("leftOut", card.dropped());
        return out;
    }

    private static List<String> periods(String[] all, int[] rows) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (int i : rows) {
            out.add(all[i]);
        }
        return List.copyOf(out);
    }
}
