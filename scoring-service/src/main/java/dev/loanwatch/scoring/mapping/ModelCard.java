package dev.loanwatch.scoring.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.domain.Binning;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.domain.ScorecardScaling;
import dev.loanwatch.domain.WoeTable;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a model card (the trainer's {@code *.card.json}) that serving needs: the model's name,
 * version and kind, its inputs in the ONNX file's order, the points scale, for a scorecard each
 * characteristic's bins and points (reason codes), and the probe rows with the PD the trainer's
 * in-JVM model gave them (checked on upload).
 *
 * @param characteristics a scorecard's characteristics in the card's order; empty for other kinds
 * @param trainingPdCuts  the PD bands of the training rows (the card's calibration bands): each band's
 *                        lowest PD but the first's, so a PD falls in band k when it is at least cut k−1
 * @param trainingPdRows  the training rows per band; empty when the card has no calibration bands
 */
public record ModelCard(String name, String version, String kind, List<String> numeric, List<String> categorical,
                        ScorecardScaling scaling, List<Characteristic> characteristics, List<Probe> probes,
                        double tolerance, double[] trainingPdCuts, long[] trainingPdRows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scorecard characteristic: where a raw value falls (the domain core's bins) and the points of each bin. */
    public record Characteristic(String name, Binning.NumericBins numericBins, Binning.CategoricalBins categoricalBins,
                                 ReasonCodes.Characteristic points) {

        /** The bin of a raw value: a number is read as float32 first, as the ONNX file reads it; NaN or null is missing. */
        public int binOf(Double number, String category) {
            if (numericBins != null) {
                return numericBins.binOf(number == null ? Double.NaN : (double) (float) number.doubleValue());
            }
            return categoricalBins.binOf(category == null || category.isEmpty() ? null : category);
        }
    }

    /** A probe row and the PD the trainer's model gave it. */
    public record Probe(float[] numeric, String[] categorical, double pd) {
    }

    /** Reads a card; what is missing or malformed is a 400 naming the card's field. */
    public static ModelCard parse(String json) {
        JsonNode card;
        try {
            card = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RejectedException(Rejection.invalid("card", "not JSON: " + e.getOriginalMessage()));
        }
        if (card == null || !card.isObject()) {
            throw new RejectedException(Rejection.invalid("card", "not a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(card, "name", errors);
        String version = text(card, "version", errors);
        String kind = text(card, "kind", errors);
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        JsonNode inputs = card.path("inputs");
        inputs.path("numeric").forEach(n -> numeric.add(n.asText()));
        inputs.path("categorical").forEach(c -> categorical.add(c.path("name").asText()));
        if (numeric.isEmpty() && categorical.isEmpty()) {
            errors.add(new FieldError("card.inputs", "lists no numeric and no categorical input"));
        }
        JsonNode s = card.path("scorecard").path("scaling");
        if (s.isMissingNode()) {
            s = card.path("scaling");
        }
        ScorecardScaling scaling = s.has("base") && s.has("baseOdds") && s.has("pdo")
                ? new ScorecardScaling(s.get("base").asDouble(), s.get("baseOdds").asDouble(), s.get("pdo").asDouble())
                : ScorecardScaling.standard();
        List<Characteristic> characteristics = new ArrayList<>();
        if ("scorecard".equals(kind)) {
            JsonNode features = card.path("scorecard").path("features");
            if (!features.isArray() || features.isEmpty()) {
                errors.add(new FieldError("card.scorecard.features", "a scorecard's card must list its characteristics"));
            }
            for (int i = 0; i < features.size(); i++) {
                try {
                    characteristics.add(characteristic(features.get(i)));
                } catch (RuntimeException e) {
                    errors.add(new FieldError("card.scorecard.features[" + i + "]", e.getMessage()));
                }
            }
        }
        List<Probe> probes = new ArrayList<>();
        JsonNode probeRows = card.path("probes");
        for (int i = 0; i < probeRows.size(); i++) {
            JsonNode p = probeRows.get(i);
            float[] n = new float[p.path("numeric").size()];
            for (int j = 0; j < n.length; j++) {
                JsonNode v = p.path("numeric").get(j);
                n[j] = v.isNull() ? Float.NaN : (float) v.asDouble();
            }
            String[] c = new String[p.path("categorical").size()];
            for (int j = 0; j < c.length; j++) {
                c[j] = p.path("categorical").get(j).asText();
            }
            if (n.length != numeric.size() || c.length != categorical.size() || !p.path("pd").isNumber()) {
                errors.add(new FieldError("card.probes[" + i + "]", "a probe needs one value per input and its pd"));
            }
            probes.add(new Probe(n, c, p.path("pd").asDouble()));
        }
        if (probes.isEmpty()) {
            errors.add(new FieldError("card.probes", "the card has no probe rows to check the ONNX file against"));
        }
        double tolerance = card.path("parity").path("tolerance").asDouble(1e-6);
        JsonNode bands = card.path("metrics").path("train").path("calibration");
        double[] cuts = new double[Math.max(0, bands.size() - 1)];
        long[] trainingRows = new long[bands.size()];
        for (int k = 0; k < bands.size(); k++) {
            trainingRows[k] = bands.get(k).path("loans").asLong();
            if (k > 0) {
                cuts[k - 1] = bands.get(k).path("minPd").asDouble();
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedException(Rejection.invalid(errors));
        }
        return new ModelCard(name, version, kind, List.copyOf(numeric), List.copyOf(categorical), scaling,
                List.copyOf(characteristics), List.copyOf(probes), tolerance, cuts, trainingRows);
    }

    private static Characteristic characteristic(JsonNode f) {
        String name = f.path("name").asText();
        JsonNode bins = f.path("bins");
        long[] good = new long[bins.size()];
        long[] bad = new long[bins.size()];
        double[] points = new double[bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            good[b] = bins.get(b).path("good").asLong();
            bad[b] = bins.get(b).path("bad").asLong();
            points[b] = bins.get(b).path("points").asDouble();
        }
        Binning.NumericBins numeric = null;
        Binning.CategoricalBins categorical = null;
        List<String> labels = new ArrayList<>();
        if ("numeric".equals(f.path("type").asText())) {
            numeric = new Binning.NumericBins(doubles(f.path("cuts")), doubles(f.path("specialValues")), good, bad,
                    WoeTable.of(good, bad), Binning.Trend.NONE);
            for (int b = 0; b < bins.size(); b++) {
                labels.add(numeric.label(b));
            }
        } else {
            List<List<String>> groups = new ArrayList<>();
            f.path("groups").forEach(g -> {
                List<String> group = new ArrayList<>();
                g.forEach(v -> group.add(v.asText()));
                groups.add(group);
            });
            categorical = new Binning.CategoricalBins(groups, good, bad, WoeTable.of(good, bad));
            for (int b = 0; b < bins.size(); b++) {
                labels.add(categorical.label(b));
            }
        }
        return new Characteristic(name, numeric, categorical, new ReasonCodes.Characteristic(name, labels, points));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static String text(JsonNode card, String field, List<FieldError> errors) {
        String v = card.path(field).asText("");
        if (v.isBlank()) {
            errors.add(new FieldError("card." + field, "is missing"));
        }
        return v;
    }
}
