package dev.loanwatch.trainer.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ensemble as one {@code ai.onnx.ml} TreeEnsembleRegressor node: the operator lists every node
 * of every tree as parallel attributes, leaves as "targets" carrying their value, and sums them
 * (aggregate SUM) onto the base. Its input is the features cast to double, and thresholds, leaves
 * and base are double tensors, so ONNX Runtime compares and adds in double (only the sum it returns is
 * float32): hundreds of trees summed in float32, in whatever order the runtime chooses, would drift
 * by more than the parity the model card promises. The thresholds are float32 values (a float input
 * compares with them as float32 would), which {@link TreeEnsemble} mirrors.
 */
final class RegressorNode {
    private final List<Long> treeIds = new ArrayList<>();
    private final List<Long> nodeIds = new ArrayList<>();
    private final List<Long> featureIds = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private final List<Double> thresholds = new ArrayList<>();
    private final List<Long> trueIds = new ArrayList<>();
    private final List<Long> falseIds = new ArrayList<>();
    private final List<Long> missingTrue = new ArrayList<>();
    private final List<Long> leafTreeIds = new ArrayList<>();
    private final List<Long> leafNodeIds = new ArrayList<>();
    private final List<Double> leafValues = new ArrayList<>();

    private RegressorNode() {
    }

    /** The node reading {@code input} [N, features] and writing {@code output} [N, 1]. */
    static NodeProto of(TreeEnsemble ensemble, String input, String output) {
        RegressorNode attributes = new RegressorNode();
        for (int t = 0; t < ensemble.trees().size(); t++) {
            for (Node node : ensemble.trees().get(t).nodes()) {
                attributes.add(t, node);
            }
        }
        return attributes.build(ensemble.base(), input, output);
    }

    private void add(long tree, Node node) {
        treeIds.add(tree);
        nodeIds.add((long) node.id());
        if (node.leaf()) {
            featureIds.add(0L);
            modes.add("LEAF");
            thresholds.add(0d);
            trueIds.add(0L);
            falseIds.add(0L);
            missingTrue.add(0L);
            leafTreeIds.add(tree);
            leafNodeIds.add((long) node.id());
            leafValues.add(node.value());
        } else {
            featureIds.add((long) node.feature());
            modes.add(node.mode() == TreeEnsemble.Mode.LESS ? "BRANCH_LT" : "BRANCH_EQ");
            thresholds.add((double) (float) node.threshold());
            trueIds.add((long) node.trueChild());
            falseIds.add((long) node.falseChild());
            missingTrue.add(node.missingTrue() ? 1L : 0L);
        }
    }

    private NodeProto build(double base, String input, String output) {
        return NodeProto.newBuilder()
                .setOpType("TreeEnsembleRegressor").setDomain(OnnxExport.ML_DOMAIN).setName("trees")
                .addInput(input).addOutput(output)
                .addAttribute(Attributes.of("n_targets", 1L))
                .addAttribute(Attributes.of("aggregate_function", "SUM"))
                .addAttribute(Attributes.of("post_transform", "NONE"))
                .addAttribute(Attributes.doubles("base_values_as_tensor", List.of(base)))
                .addAttribute(Attributes.ints("nodes_treeids", treeIds))
                .addAttribute(Attributes.ints("nodes_nodeids", nodeIds))
                .addAttribute(Attributes.ints("nodes_featureids", featureIds))
                .addAttribute(Attributes.strings("nodes_modes", modes))
                .addAttribute(Attributes.doubles("nodes_values_as_tensor", thresholds))
                .addAttribute(Attributes.ints("nodes_truenodeids", trueIds))
                .addAttribute(Attributes.ints("nodes_falsenodeids", falseIds))
                .addAttribute(Attributes.ints("nodes_missing_value_tracks_true", missingTrue))
                .addAttribute(Attributes.ints("target_treeids", leafTreeIds))
                .addAttribute(Attributes.ints("target_nodeids", leafNodeIds))
                .addAttribute(Attributes.ints("target_ids", Collections.nCopies(leafTreeIds.size(), 0L)))
                .addAttribute(Attributes.doubles("target_weights_as_tensor", leafValues))
                .build();
    }
}
