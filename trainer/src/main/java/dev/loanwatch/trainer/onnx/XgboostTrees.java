package dev.loanwatch.trainer.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Mode;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Node;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Reads a trained XGBoost {@code binary:logistic} GBDT as a {@link TreeEnsemble}, from XGBoost's
 * own JSON: the trees from the per-tree dumps, the base from the saved model.
 *
 * <p>XGBoost sends a row left ("yes") when x &lt; split_condition, a missing value to "missing",
 * and adds base_score's log-odds to the leaves. XGBoost 3.x no longer leaves base_score at 0.5: it
 * fits it to the training labels (for binary:logistic, their mean) and writes it, as a probability
 * in a one-element list such as "[2.235E-1]", under learner → learner_model_param; XGBoost4J has
 * no saveConfig, so it is read from the model saved as JSON.
 */
public final class XgboostTrees {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XgboostTrees() {
    }

    /** The booster's trees and base, over the {@code features} columns it was trained on. */
    public static TreeEnsemble from(Booster booster, int features) throws XGBoostError {
        JsonNode learner = read(booster.toByteArray("json")).path("learner");
        String objective = learner.path("objective").path("name").asText();
        String kind = learner.path("gradient_booster").path("name").asText();
        if (!objective.equals("binary:logistic") || !kind.equals("gbtree")) {
            throw new IllegalArgumentException("only a gbtree booster with objective binary:logistic is read, not "
                    + kind + " with " + objective);
        }
        int trained = learner.path("learner_model_param").path("num_feature").asInt();
        if (trained != features) {
            throw new IllegalArgumentException("the booster was trained on " + trained + " features, not " + features);
        }
        double base = logit(baseScore(learner.path("learner_model_param").path("base_score").asText()));

        Map<String, Integer> featureIndex = featureIndex(booster.getFeatureNames(), features);
        String[] dumps = booster.getModelDump((String) null, false, "json");
        List<Tree> trees = new ArrayList<>(dumps.length);
        for (int t = 0; t < dumps.length; t++) {
            trees.add(tree(t, read(dumps[t].getBytes(StandardCharsets.UTF_8)), featureIndex));
        }
        return new TreeEnsemble(base, trees, features);
    }

    /** "[2.235E-1]" or "2.235E-1": XGBoost 3 writes the intercept as a list, one value a target. */
    static float baseScore(String text) {
        String[] values = text.replace("[", "").replace("]", "").split(",");
        if (values.length != 1 || values[0].isBlank()) {
            throw new IllegalArgumentException("expected one base_score, not " + text);
        }
        float p = Float.parseFloat(values[0].trim());
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("base_score " + text + " is not a probability");
        }
        return p;
    }

    private static double logit(float p) {
        return Math.log(p / (1.0 - p));
    }

    /** How a dump names feature i: by the booster's feature name when it has them, else "f" + i. */
    private static Map<String, Integer> featureIndex(String[] names, int features) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < features; i++) {
            String name = names != null && i < names.length && names[i] != null ? names[i] : "f" + i;
            index.put(name, i);
        }
        return index;
    }

    /**
     * One dumped tree. Its nodes are renumbered in walk order, because XGBoost's node ids may have
     * gaps (pruned nodes) while an ensemble's ids are positions.
     */
    private static Tree tree(int t, JsonNode root, Map<String, Integer> featureIndex) {
        List<JsonNode> order = new ArrayList<>();
        Map<Integer, Integer> position = new HashMap<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            position.put(node.path("nodeid").asInt(), order.size());
            order.add(node);
            node.path("children").forEach(pending::push);
        }
        List<Node> nodes = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            JsonNode node = order.get(i);
            if (node.has("leaf")) {
                nodes.add(Node.leaf(i, node.path("leaf").asDouble()));
                continue;
            }
            String where = "tree " + t + " node " + node.path("nodeid").asInt();
            Integer feature = featureIndex.get(node.path("split").asText());
            if (feature == null || !node.has("split_condition")) {
                throw new IllegalArgumentException(where + ": a split on " + node.path("split")
                        + " without a numeric split_condition is not readable (categorical splits are not)");
            }
            int yes = child(position, node, "yes", where);
            nodes.add(Node.split(i, feature, Mode.LESS, node.path("split_condition").asDouble(),
                    yes, child(position, node, "no", where), child(position, node, "missing", where) == yes));
        }
        return new Tree(nodes);
    }

    private static int child(Map<Integer, Integer> position, JsonNode node, String field, String where) {
        Integer child = position.get(node.path(field).asInt(-1));
        if (child == null) {
            throw new IllegalArgumentException(where + ": its " + field + " child " + node.path(field)
                    + " is not among its children");
        }
        return child;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("XGBoost wrote JSON that does not parse", e);
        }
    }
}
