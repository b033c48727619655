package dev.loanwatch.consolecheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Whether a drawn chart shows the numbers of its API answer: the chart's ECharts option (as the
 * browser holds it) against the answer's rows, read independently of the page's code. Kinds as the
 * page declares them on the chart element: {@code xy} (category axis = a row field, one series per
 * field, or per value of a pivot field) and {@code heat} (x and y categories, one cell per row).
 */
final class ChartData {
    private ChartData() {
    }

    /** The differences, empty when the chart shows exactly the rows' numbers. */
    static List<String> differences(JsonNode binding, JsonNode option, JsonNode answer) {
        List<String> out = new ArrayList<>();
        JsonNode rows = answer.path("rows");
        String kind = binding.path("kind").asText();
        String x = binding.path("x").asText();
        JsonNode xs = option.path("xAxis").path(0).path("data");
        List<String> expectedXs = new ArrayList<>(distinct(rows, x));
        if ("heat".equals(kind)) {
            String y = binding.path("y").asText();
            String v = binding.path("v").asText();
            JsonNode ys = option.path("yAxis").path(0).path("data");
            JsonNode data = option.path("series").path(0).path("data");
            if (data.size() != rows.size()) {
                out.add("heatmap has " + data.size() + " cells, the answer " + rows.size() + " rows");
                return out;
            }
            for (int i = 0; i < rows.size(); i++) {
                JsonNode r = rows.get(i);
                JsonNode cell = data.get(i).has("value") ? data.get(i).get("value") : data.get(i);
                String cx = xs.path(cell.path(0).asInt()).asText();
                String cy = ys.path(cell.path(1).asInt()).asText();
                if (!cx.equals(r.path(x).asText()) || !cy.equals(r.path(y).asText()) || !same(r.get(v), cell.get(2))) {
                    out.add("cell " + i + ": chart (" + cy + " → " + cx + ") = " + cell.get(2) + ", answer ("
                            + r.path(y).asText() + " → " + r.path(x).asText() + ") = " + r.get(v));
                }
            }
            return out;
        }
        for (int i = 0; i < expectedXs.size(); i++) {
            if (!expectedXs.get(i).equals(xs.path(i).asText())) {
                out.add("x[" + i + "] is " + xs.path(i) + ", the answer's " + x + " is " + expectedXs.get(i));
            }
        }
        String[] fields = binding.path("fields").asText().split(",");
        JsonNode series = option.path("series");
        String pivot = binding.path("pivot").asText(null);
        if (pivot != null && !pivot.isEmpty()) {
            List<String> keys = distinct(rows, pivot);
            if (series.size() != keys.size()) {
                out.add(series.size() + " series, the answer has " + keys.size() + " values of " + pivot);
            }
            for (JsonNode s : series) {
                String key = s.path("name").asText();
                for (int i = 0; i < expectedXs.size(); i++) {
                    JsonNode row = find(rows, pivot, key, x, expectedXs.get(i));
                    JsonNode expected = row == null ? null : row.get(fields[0]);
                    if (!same(expected, s.path("data").path(i))) {
                        out.add(pivot + " " + key + " at " + expectedXs.get(i) + ": chart " + s.path("data").path(i) + ", answer " + expected);
                    }
                }
            }
            return out;
        }
        for (int f = 0; f < fields.length; f++) {
            JsonNode data = series.path(f).path("data");
            for (int i = 0; i < rows.size(); i++) {
                if (!same(rows.get(i).get(fields[f]), data.path(i))) {
                    out.add(fields[f] + " at " + rows.get(i).path(x).asText() + ": chart " + data.path(i) + ", answer " + rows.get(i).get(fields[f]));
                }
            }
        }
        return out;
    }

    static List<String> distinct(JsonNode rows, String field) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.path(field).asText()));
        return new ArrayList<>(out);
    }

    private static JsonNode find(JsonNode rows, String keyField, String key, String xField, String x) {
        for (JsonNode r : rows) {
            if (r.path(keyField).asText().equals(key) && r.path(xField).asText().equals(x)) {
                return r;
            }
        }
        return null;
    }

    /** The same number, or both "no value" (the API's "n/a" or a missing row is a gap in the chart). */
    static boolean same(JsonNode answer, JsonNode chart) {
        boolean noAnswer = answer == null || answer.isNull() || answer.isMissingNode() || "n/a".equals(answer.asText());
        boolean noChart = chart == null || chart.isNull() || chart.isMissingNode() || "-".equals(chart.asText());
        if (noAnswer || noChart) {
            return noAnswer == noChart;
        }
        return Objects.equals(answer.asDouble(), chart.asDouble());
    }
}
