package dev.loanwatch.trainer.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An analyst's own bins, overriding the automatic binning of the features it names:
 * <pre>{"income": {"cuts": [1000, 5000], "special": [-1]}, "region": {"groups": [["north", "east"], ["south"]]}}</pre>
 * A numeric feature gets its cuts (and special values), a categorical one its groups; the counts,
 * WOE and points are recomputed, nothing is merged.
 */
public record ManualBins(Map<String, Cuts> numeric, Map<String, List<List<String>>> categorical) {
    public static final ManualBins NONE = new ManualBins(Map.of(), Map.of());

    public record Cuts(double[] cuts, double[] specialValues) {
    }

    public Optional<Cuts> cuts(String feature) {
        return Optional.ofNullable(numeric.get(feature));
    }

    public Optional<List<List<String>>> groups(String feature) {
        return Optional.ofNullable(categorical.get(feature));
    }

    public static ManualBins read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Cuts> numeric = new LinkedHashMap<>();
        Map<String, List<List<String>>> categorical = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode spec = e.getValue();
            if (spec.has("cuts")) {
                numeric.put(e.getKey(), new Cuts(numbers(spec.get("cuts"), e.getKey() + ".cuts"),
                        spec.has("special") ? numbers(spec.get("special"), e.getKey() + ".special") : new double[0]));
            } else if (spec.has("groups")) {
                List<List<String>> groups = new ArrayList<>();
                for (JsonNode g : spec.get("groups")) {
                    List<String> group = new ArrayList<>();
                    g.forEach(v -> group.add(v.asText()));
                    groups.add(group);
                }
                categorical.put(e.getKey(), groups);
            } else {
                throw new IllegalArgumentException(file + ": " + e.getKey() + " needs \"cuts\" (numeric) or \"groups\" (categorical)");
            }
        }
        return new ManualBins(numeric, categorical);
    }

    private static double[] numbers(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of numbers");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException(where + "[" + i + "] is not a number");
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
