package dev.loanwatch.scoring;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The test models: a scorecard and a GBDT the trainer wrote from a simulated book
 * ({@code src/test/resources/models}, see its README), renamed per test so tests share nothing.
 */
final class Models {
    static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    static byte[] onnx(String kind) {
        return resource("/models/" + kind + ".onnx");
    }

    /** The kind's card under another name and version, changed further by {@code edit}. */
    static String card(String kind, String name, String version, Consumer<ObjectNode> edit) {
        try {
            ObjectNode card = (ObjectNode) JSON.readTree(resource("/models/" + kind + ".card.json"));
            card.put("name", name);
            card.put("version", version);
            edit.accept(card);
            return JSON.writeValueAsString(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String card(String kind, String name, String version) {
        return card(kind, name, version, c -> { });
    }

    /** POST /models with the two form parts (the caller's security is the test's). */
    static ValidatableResponse upload(byte[] onnx, String card) {
        return given().multiPart("onnx", "model.onnx", onnx, "application/octet-stream")
                .multiPart("card", "model.card.json", card.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")
                .post("/models").then();
    }

    /** A score request of the card's probe row {@code i}: values by input name, empty categories as missing. */
    static Map<String, Object> probeRequest(String card, int i) {
        try {
            JsonNode c = JSON.readTree(card);
            JsonNode probe = c.path("probes").get(i);
            Map<String, Object> numeric = new LinkedHashMap<>();
            Map<String, Object> categorical = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            JsonNode names = c.path("inputs").path("numeric");
            for (int j = 0; j < names.size(); j++) {
                JsonNode v = probe.path("numeric").get(j);
                if (v.isNull() || (v.isTextual() && v.asText().equals("NaN"))) {
                    missing.add(names.get(j).asText());
                } else {
                    numeric.put(names.get(j).asText(), v.asDouble());
                }
            }
            JsonNode cats = c.path("inputs").path("categorical");
            for (int j = 0; j < cats.size(); j++) {
                String v = probe.path("categorical").get(j).asText();
                if (v.isEmpty()) {
                    missing.add(cats.get(j).path("name").asText());
                } else {
                    categorical.put(cats.get(j).path("name").asText(), v);
                }
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("reference", "probe-" + i);
            request.put("numeric", numeric);
            request.put("categorical", categorical);
            request.put("missing", missing);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double probePd(String card, int i) {
        try {
            return JSON.readTree(card).path("probes").get(i).path("pd").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = Models.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
