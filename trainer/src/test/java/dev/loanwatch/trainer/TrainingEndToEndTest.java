package dev.loanwatch.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.trainer.data.CsvDataset;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.model.OnnxScorer;
import dev.loanwatch.trainer.report.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV drawn from a known model — a numeric driver, a numeric one with missing values and a special
 * value, a categorical one, noise and an id — through the whole trainer: both models, their ONNX files
 * (parity with ONNX Runtime on every test row is checked as they are written), cards and the report.
 */
class TrainingEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aCsvBecomesTwoOnnxModelsWithCardsAndAReport() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("id,month,income,utilisation,region,noise,bad\n");
        String[] regions = {"north", "south", "east", "west"};
        double[] regionRisk = {-0.6, 0.1, 0.4, 0.9};
        for (int i = 0; i < 6000; i++) {
            double income = Math.exp(8 + random.nextGaussian() * 0.5);
            double utilisation = random.nextDouble();
            int region = random.nextInt(4);
            double logit = -2.2 - 0.0004 * (income - 3000) + 2.0 * utilisation + regionRisk[region];
            int bad = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            String u = random.nextDouble() < 0.1 ? "" : random.nextDouble() < 0.05 ? "-1" : String.format("%.4f", utilisation);
            csv.append("C").append(i).append(',').append(String.format("2023-%02d", 1 + i / 600)).append(',')
                    .append(String.format("%.2f", income)).append(',').append(u).append(',')
                    .append(random.nextDouble() < 0.02 ? "" : regions[region]).append(',').append(random.nextGaussian()).append(',')
                    .append(bad).append('\n');
        }
        Path file = dir.resolve("book.csv");
        Files.writeString(file, csv);
        Dataset d = CsvDataset.read(file, new CsvDataset.Spec("bad", "month", Set.of("id")));
        Training.Result r = Training.run(d, Training.Options.defaults().withFolds(3), what -> { });
        assertTrue(r.splits().outOfTime());
        assertTrue(r.scorecardEvaluation().test().auc() > 0.7, "scorecard AUC " + r.scorecardEvaluation().test().auc());
        assertTrue(r.gbdtEvaluation().test().auc() > 0.7, "GBDT AUC " + r.gbdtEvaluation().test().auc());
        assertTrue(r.scorecard().dropped().containsKey("noise"), "noise has no information: " + r.scorecard().dropped());

        // the challenger's reasons: TreeSHAP contributions that raise the risk, largest first
        double[] testPd = r.gbdtEvaluation().testPd();
        int riskiest = 0;
        for (int i = 1; i < testPd.length; i++) {
            riskiest = testPd[i] > testPd[riskiest] ? i : riskiest;
        }
        riskiest = r.splits().test()[riskiest];
        var reasons = r.gbdt().reasons(d, riskiest, 3);
        assertTrue(!reasons.isEmpty() && reasons.get(0).logOdds() > 0, reasons.toString());
        for (int k = 1; k < reasons.size(); k++) {
            assertTrue(reasons.get(k - 1).logOdds() >= reasons.get(k).logOdds());
        }

        Path out = dir.resolve("model");
        Artifacts.Written w = Artifacts.write(r, out, "test-pd", "7", "column bad = 1");
        assertTrue(w.scorecardParity() <= Artifacts.PARITY && w.gbdtParity() <= Artifacts.PARITY);
        JsonNode card = new ObjectMapper().readTree(w.scorecardCard().toFile());
        assertEquals("scorecard", card.get("kind").asText());
        assertEquals("7", card.get("version").asText());
        assertTrue(card.at("/scorecard/features").size() >= 2);
        assertTrue(Files.readString(w.report()).contains("const data = {"));
        assertTrue(Files.exists(out.resolve("echarts.min.js")));

        // the probes in the card are what the ONNX file gives for them (the scoring service's upload check)
        for (String kind : new String[] {"scorecard", "gbdt"}) {
            JsonNode c = new ObjectMapper().readTree(out.resolve(kind + ".card.json").toFile());
            try (OnnxScorer scorer = new OnnxScorer(Files.readAllBytes(out.resolve(kind + ".onnx")))) {
                assertEquals("test-pd", scorer.metadata().get("name"));
                for (JsonNode probe : c.get("probes")) {
                    float[] numeric = new float[probe.get("numeric").size()];
                    for (int j = 0; j < numeric.length; j++) {
                        numeric[j] = probe.get("numeric").get(j).isNull() ? Float.NaN : (float) probe.get("numeric").get(j).asDouble();
                    }
                    String[] categorical = new String[probe.get("categorical").size()];
                    for (int j = 0; j < categorical.length; j++) {
                        categorical[j] = probe.get("categorical").get(j).asText();
                    }
                    double pd = scorer.pd(new float[][] {numeric}, new String[][] {categorical})[0];
                    assertEquals(probe.get("pd").asDouble(), pd, Artifacts.PARITY); // one row alone vs in a batch: float32 rounding may differ
                }
            }
        }
    }
}
