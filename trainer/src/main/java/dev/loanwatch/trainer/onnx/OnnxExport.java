package dev.loanwatch.trainer.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link TreeEnsemble} as an ONNX model the scoring service runs in ONNX Runtime, taking
 * raw features: numbers as they are, and category strings that the graph itself encodes, so that
 * no encoding code has to be kept in step between trainer and service.
 *
 * <pre>
 * numeric     float  [N, n] ───────────────────────────────┐
 * categorical string [N, m] ─ Split ─ LabelEncoder × m ────┴─ Concat ─ Cast(double) ─ TreeEnsembleRegressor ─ logit ─ Sigmoid ─ pd
 * </pre>
 *
 * The ensemble's feature i is column i of the concatenation: the numeric features first, then
 * the categorical ones, each in the order given. An input with no columns is left out.
 */
public final class OnnxExport {

    /** Who wrote the model, in its producer_name and doc_string. */
    public static final String PRODUCER = "loanwatch-trainer";

    static final String ML_DOMAIN = "ai.onnx.ml";

    /**
     * IR 8 with opset 17 is a pairing ONNX Runtime 1.29 reads. ai.onnx.ml stays at 3: it has
     * TreeEnsembleRegressor 3 and LabelEncoder 2 with the attributes used here, while ai.onnx.ml 5
     * deprecates the regressor.
     */
    private static final long IR_VERSION = 8;
    private static final long OPSET = 17;
    private static final long ML_OPSET = 3;

    private OnnxExport() {
    }

    /**
     * The serialized ModelProto.
     *
     * @param numericFeatures     the names of the numeric columns, features 0 … n-1
     * @param categoricalFeatures the categorical columns, features n … n+m-1
     * @param metadata            written to the model's metadata_props (the model card's feature
     *                            list and version)
     */
    public static byte[] write(TreeEnsemble ensemble, List<String> numericFeatures,
                               List<CategoricalInput> categoricalFeatures, Map<String, String> metadata) {
        requireFeatures(ensemble, numericFeatures, categoricalFeatures);
        GraphProto.Builder graph = GraphProto.newBuilder().setName("pd");
        List<String> columns = new ArrayList<>();
        if (!numericFeatures.isEmpty()) {
            graph.addInput(tensor("numeric", DataType.FLOAT, numericFeatures.size()));
            columns.add("numeric");
        }
        if (!categoricalFeatures.isEmpty()) {
            graph.addInput(tensor("categorical", DataType.STRING, categoricalFeatures.size()));
            columns.addAll(encode(graph, categoricalFeatures));
        }
        graph.addNode(NodeProto.newBuilder().setOpType("Concat").setName("features")
                .addAllInput(columns).addOutput("features").addAttribute(Attributes.of("axis", 1L)));
        graph.addNode(NodeProto.newBuilder().setOpType("Cast").setName("as_double").addInput("features").addOutput("features_double")
                .addAttribute(Attributes.of("to", (long) ai.onnx.proto.OnnxMl.TensorProto.DataType.DOUBLE_VALUE)));
        graph.addNode(RegressorNode.of(ensemble, "features_double", "logit"));
        graph.addNode(NodeProto.newBuilder().setOpType("Sigmoid").setName("sigmoid")
                .addInput("logit").addOutput("pd"));
        graph.addOutput(tensor("logit", DataType.FLOAT, 1));
        graph.addOutput(tensor("pd", DataType.FLOAT, 1));

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setDocString(PRODUCER)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setGraph(graph);
        new TreeMap<>(metadata).forEach((key, value) -> model.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build().toByteArray();
    }

    private static void requireFeatures(TreeEnsemble ensemble, List<String> numericFeatures,
                                        List<CategoricalInput> categoricalFeatures) {
        List<String> names = new ArrayList<>(numericFeatures);
        categoricalFeatures.forEach(c -> names.add(c.name()));
        if (names.size() != ensemble.features()) {
            throw new IllegalArgumentException(numericFeatures.size() + " numeric and " + categoricalFeatures.size()
                    + " categorical features for an ensemble of " + ensemble.features());
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException("feature names must be present and distinct: " + names);
            }
        }
    }

    /**
     * Splits the string matrix into its [N, 1] columns and maps each through its codes; returns the
     * encoded columns' names.
     */
    private static List<String> encode(GraphProto.Builder graph, List<CategoricalInput> features) {
        NodeProto.Builder split = NodeProto.newBuilder().setOpType("Split").setName("categories")
                .addInput("categorical").addAttribute(Attributes.of("axis", 1L));
        List<NodeProto> encoders = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            CategoricalInput feature = features.get(i);
            Map<String, Float> sorted = new TreeMap<>(feature.codes());
            split.addOutput("category_" + i);
            codes.add("code_" + i);
            encoders.add(NodeProto.newBuilder().setOpType("LabelEncoder").setDomain(ML_DOMAIN)
                    .setName("encode_" + feature.name()).addInput("category_" + i).addOutput("code_" + i)
                    .addAttribute(Attributes.strings("keys_strings", List.copyOf(sorted.keySet())))
                    .addAttribute(Attributes.floats("values_floats", List.copyOf(sorted.values())))
                    .addAttribute(Attributes.of("default_float", feature.unseen()))
                    .build());
        }
        graph.addNode(split);
        graph.addAllNode(encoders);
        return codes;
    }

    /** A [N, width] tensor of the type; N, the batch, is left open. */
    private static ValueInfoProto tensor(String name, DataType type, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
