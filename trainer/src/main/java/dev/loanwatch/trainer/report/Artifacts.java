package dev.loanwatch.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loanwatch.trainer.Training;
import dev.loanwatch.trainer.data.Column;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.trainer.onnx.CategoricalInput;
import dev.loanwatch.trainer.onnx.OnnxExport;
import dev.loanwatch.model.OnnxScorer;
import dev.loanwatch.trainer.onnx.TreeEnsemble;
import dev.loanwatch.trainer.scorecard.Scorecard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run leaves behind, per model: the ONNX file (runnable from raw features), its model
 * card (JSON), and one readable report of both (HTML). Each ONNX file is scored by ONNX Runtime on the
 * whole test set before it is kept: its PDs must equal the in-JVM model's within {@link #PARITY}.
 */
public final class Artifacts {
    /** The largest difference allowed between ONNX Runtime's PD and the in-JVM model's. */
    public static final double PARITY = 1e-6;
    private static final int PROBES = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Artifacts() {
    }

    /** What was written, and the parity measured per model. */
    public record Written(Path scorecardOnnx, Path gbdtOnnx, Path scorecardCard, Path gbdtCard, Path report,
                          double scorecardParity, double gbdtParity) {
    }

    public static Written write(Training.Result r, Path dir, String name, String version, String target) throws IOException {
        Files.createDirectories(dir);
        Dataset d = r.data();
        int[] test = r.splits().test();
        Scorecard.Exported card = r.scorecard().export();
        Model scorecard = model(d, test, "scorecard", name, version, target, card.ensemble(), card.numeric(), card.categorical(),
                r.scorecardEvaluation().testPd());
        // the GBDT's in-JVM model is its trees as the trainer holds them (TreeEnsemble); XGBoost's own PD,
        // summed in another order in float32, is reported beside it
        double[] trees = inJvm(r.gbdt().ensemble(), d, test, r.gbdt().numeric(), r.gbdt().categorical());
        Model gbdt = model(d, test, "gbdt", name, version, target, r.gbdt().ensemble(), r.gbdt().numeric(), r.gbdt().categorical(), trees);
        double vsXgboost = 0;
        for (int i = 0; i < test.length; i++) {
            vsXgboost = Math.max(vsXgboost, Math.abs(trees[i] - r.gbdtEvaluation().testPd()[i]));
        }
        gbdt.parity().put("treesAgainstXgboostMaxAbsDifference", vsXgboost);

        Map<String, Object> cardJson = ModelCard.common(name, version, "scorecard", target, r, r.scorecardEvaluation(),
                card.numeric(), card.categorical());
        cardJson.put("scorecard", ModelCard.scorecard(r.scorecard()));
        cardJson.put("parity", scorecard.parity());
        cardJson.put("probes", scorecard.probes());
        Map<String, Object> gbdtJson = ModelCard.common(name, version, "gbdt", target, r, r.gbdtEvaluation(),
                r.gbdt().numeric(), r.gbdt().categorical());
        gbdtJson.put("gbdt", Map.of("rounds", r.gbdt().rounds(), "bestRound", r.gbdt().bestRound() + 1,
                "trees", r.gbdt().ensemble().trees().size(), "settings", r.gbdt().options(),
                "categoricalEncoding", "categories ranked by bad rate on the training rows (0 = safest); missing and unseen are missing"));
        gbdtJson.put("parity", gbdt.parity());
        gbdtJson.put("probes", gbdt.probes());
        gbdtJson.put("seconds", r.seconds());

        Path scorecardOnnx = dir.resolve("scorecard.onnx");
        Path gbdtOnnx = dir.resolve("gbdt.onnx");
        Files.write(scorecardOnnx, scorecard.onnx());
        Files.write(gbdtOnnx, gbdt.onnx());
        Path scorecardCard = dir.resolve("scorecard.card.json");
        Path gbdtCard = dir.resolve("gbdt.card.json");
        JSON.writeValue(scorecardCard.toFile(), cardJson);
        JSON.writeValue(gbdtCard.toFile(), gbdtJson);
        Path report = Report.write(dir, r, cardJson, gbdtJson);
        return new Written(scorecardOnnx, gbdtOnnx, scorecardCard, gbdtCard, report, scorecard.maxDifference(), gbdt.maxDifference());
    }

    /** One model's ONNX bytes, its parity on the test rows, and the probe rows. */
    private record Model(byte[] onnx, double maxDifference, Map<String, Object> parity, List<Map<String, Object>> probes) {
    }

    private static Model model(Dataset d, int[] test, String kind, String name, String version, String target, TreeEnsemble ensemble,
                               List<String> numeric, List<CategoricalInput> categorical, double[] inJvmPd) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("version", version);
        metadata.put("kind", kind);
        metadata.put("target", target);
        metadata.put("numeric", String.join(",", numeric));
        metadata.put("categorical", String.join(",", categorical.stream().map(CategoricalInput::name).toList()));
        byte[] onnx = OnnxExport.write(ensemble, numeric, categorical, metadata);
        float[][] num = numericInputs(d, test, numeric);
        String[][] cat = categoricalInputs(d, test, categorical);
        double[] onnxPd;
        try (OnnxScorer scorer = new OnnxScorer(onnx)) {
            onnxPd = scorer.pd(num, cat);
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException(kind + ": ONNX Runtime refused the model written: " + e.getMessage(), e);
        }
        double max = 0;
        for (int i = 0; i < test.length; i++) {
            max = Math.max(max, Math.abs(onnxPd[i] - inJvmPd[i]));
        }
        if (max > PARITY) {
            throw new IllegalStateException(String.format("%s: ONNX Runtime's PD differs from the model's by up to %.3g (> %.0e)", kind, max, PARITY));
        }
        Map<String, Object> parity = new LinkedHashMap<>();
        parity.put("tolerance", PARITY);
        parity.put("maxAbsDifference", max);
        parity.put("rows", test.length);
        parity.put("runtime", "ONNX Runtime against the in-JVM model, on every test row");
        List<Map<String, Object>> probes = new ArrayList<>();
        for (int i = 0; i < Math.min(PROBES, test.length); i++) {
            Map<String, Object> probe = new LinkedHashMap<>();
            List<Object> numbers = new ArrayList<>();
            for (float v : num[i]) {
                numbers.add(Float.isNaN(v) ? null : v);
            }
            probe.put("numeric", numbers);
            probe.put("categorical", List.of(cat[i]));
            probe.put("pd", onnxPd[i]);
            probes.add(probe);
        }
        return new Model(onnx, max, parity, probes);
    }

    /** The ensemble's PD of the rows, in the JVM. */
    static double[] inJvm(TreeEnsemble ensemble, Dataset d, int[] rows, List<String> numeric, List<CategoricalInput> categorical) {
        int p = numeric.size() + categorical.size();
        float[] all = dev.loanwatch.trainer.gbdt.Gbdt.rows(d, rows, numeric, categorical);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ensemble.pd(java.util.Arrays.copyOfRange(all, i * p, (i + 1) * p));
        }
        return out;
    }

    static float[][] numericInputs(Dataset d, int[] rows, List<String> names) {
        float[][] out = new float[rows.length][names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] v = ((Column.Numeric) d.column(names.get(j))).values();
            for (int i = 0; i < rows.length; i++) {
                out[i][j] = (float) v[rows[i]];
            }
        }
        return out;
    }

    static String[][] categoricalInputs(Dataset d, int[] rows, List<CategoricalInput> inputs) {
        String[][] out = new String[rows.length][inputs.size()];
        for (int j = 0; j < inputs.size(); j++) {
            String[] v = ((Column.Categorical) d.column(inputs.get(j).name())).values();
            for (int i = 0; i < rows.length; i++) {
                out[i][j] = v[rows[i]] == null ? "" : v[rows[i]];
            }
        }
        return out;
    }
}
