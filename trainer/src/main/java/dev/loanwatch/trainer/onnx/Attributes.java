package dev.loanwatch.trainer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import com.google.protobuf.ByteString;
import java.util.List;

/** ONNX node attributes, each typed as the operator schemas expect. */
final class Attributes {
    private Attributes() {
    }

    static AttributeProto of(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto of(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto of(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto ints(String name, List<Long> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS).addAllInts(values).build();
    }

    static AttributeProto floats(String name, List<Float> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS).addAllFloats(values).build();
    }

    /** A one-dimensional double tensor attribute (the *_as_tensor attributes of ai.onnx.ml 3). */
    static AttributeProto doubles(String name, List<Double> values) {
        ai.onnx.proto.OnnxMl.TensorProto tensor = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.DOUBLE_VALUE).addDims(values.size())
                .addAllDoubleData(values).build();
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(tensor).build();
    }

    static AttributeProto strings(String name, List<String> values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.STRINGS);
        values.forEach(value -> attribute.addStrings(ByteString.copyFromUtf8(value)));
        return attribute.build();
    }
}
