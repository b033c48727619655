package dev.loanwatch.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores batches with a model the trainer wrote (inputs {@code numeric} float [N, n] and
 * {@code categorical} string [N, m], outputs {@code logit} and {@code pd}), in ONNX Runtime: the
 * trainer checks its files' parity with it, and scoring-service serves with it, so what the trainer
 * checks is what production computes. A session is safe to use from several threads at once.
 */
public final class OnnxScorer implements AutoCloseable {

    /** ONNX Runtime wants one environment per process; sessions share it. */
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

    private final OrtSession session;
    private final int numericWidth;
    private final int categoricalWidth;
    private final Map<String, String> metadata;

    /** A missing category, as the model's LabelEncoders read it: the empty string. */
    public static final String MISSING = "";

    /**
     * A session over a model as the trainer's {@code OnnxExport} writes it, with one intra-op thread.
     * On its own ONNX Runtime's default pool (a thread per core) makes no real difference for the
     * trainer's models: within 3.5 % either way in two runs of bench/scoring.sh (part a: one row at a
     * time 67,011 against 69,300 and 67,449 against 69,190 rows/s; 256 rows at a time 713,063 against
     * 729,402 and 736,431 against 720,118). In a service the callers' own threads already take the
     * cores, and the pool's threads would compete with them for the same two.
     */
    public OnnxScorer(byte[] model) throws OrtException {
        this(model, 1);
    }

    /** The same with {@code intraOpThreads} threads per run; 0 = ONNX Runtime's default (one per core). */
    public OnnxScorer(byte[] model, int intraOpThreads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            session = ENVIRONMENT.createSession(model, options);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            numericWidth = width(inputs.get("numeric"));
            categoricalWidth = width(inputs.get("categorical"));
            metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
        } catch (OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static int width(NodeInfo input) {
        return input == null ? 0 : (int) ((TensorInfo) input.getInfo()).getShape()[1];
    }

    /** The model's metadata_props. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The PD of each row.
     *
     * @param numeric     [rows][numeric features], NaN = missing; null when the model has none
     * @param categorical [rows][categorical features], null = missing; null when the model has none
     */
    public double[] pd(float[][] numeric, String[][] categorical) throws OrtException {
        return run(numeric, categorical, "pd")[0];
    }

    /** The log-odds of each row; arguments as {@link #pd}. */
    public double[] logit(float[][] numeric, String[][] categorical) throws OrtException {
        return run(numeric, categorical, "logit")[0];
    }

    /**
     * Both outputs of each row from one run: {@code [0]} the log-odds, {@code [1]} the PD (a float
     * sigmoid saturates at 0 or 1 where the log-odds still order the rows and give finite points).
     */
    public double[][] logitAndPd(float[][] numeric, String[][] categorical) throws OrtException {
        return run(numeric, categorical, "logit", "pd");
    }

    private double[][] run(float[][] numeric, String[][] categorical, String... outputs) throws OrtException {
        requireShape("numeric", numeric == null ? null : Arrays.stream(numeric).mapToInt(r -> r.length).toArray(),
                numericWidth);
        requireShape("categorical",
                categorical == null ? null : Arrays.stream(categorical).mapToInt(r -> r.length).toArray(),
                categoricalWidth);
        if (numericWidth > 0 && categoricalWidth > 0 && numeric.length != categorical.length) {
            throw new IllegalArgumentException(numeric.length + " numeric rows but " + categorical.length
                    + " categorical");
        }
        int rows = numericWidth > 0 ? numeric.length : categorical.length;
        if (rows == 0) {
            return new double[outputs.length][0];
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            if (numericWidth > 0) {
                inputs.put("numeric", numericTensor(numeric));
            }
            if (categoricalWidth > 0) {
                inputs.put("categorical", categoricalTensor(categorical));
            }
            try (OrtSession.Result result = session.run(inputs, new java.util.LinkedHashSet<>(java.util.List.of(outputs)))) {
                double[][] scores = new double[outputs.length][rows];
                for (int k = 0; k < outputs.length; k++) {
                    FloatBuffer values = ((OnnxTensor) result.get(outputs[k]).orElseThrow()).getFloatBuffer();
                    for (int i = 0; i < rows; i++) {
                        scores[k][i] = values.get(i);
                    }
                }
                return scores;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Checks an input's rows (their lengths, null for no matrix) against the model's width of it. */
    private static void requireShape(String input, int[] rowLengths, int width) {
        if (width == 0) {
            if (rowLengths != null && Arrays.stream(rowLengths).anyMatch(length -> length > 0)) {
                throw new IllegalArgumentException("the model has no " + input + " input");
            }
            return;
        }
        if (rowLengths == null) {
            throw new IllegalArgumentException("the model needs " + width + " " + input + " features a row");
        }
        for (int i = 0; i < rowLengths.length; i++) {
            if (rowLengths[i] != width) {
                throw new IllegalArgumentException(input + " row " + i + " has " + rowLengths[i]
                        + " values, the model " + width);
            }
        }
    }

    /**
     * A direct buffer, filled row by row: ONNX Runtime reads it in place, where a float[][] would
     * be walked reflectively and copied.
     */
    private OnnxTensor numericTensor(float[][] numeric) throws OrtException {
        FloatBuffer buffer = ByteBuffer.allocateDirect(numeric.length * numericWidth * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (float[] row : numeric) {
            buffer.put(row);
        }
        buffer.rewind();
        return OnnxTensor.createTensor(ENVIRONMENT, buffer, new long[] {numeric.length, numericWidth});
    }

    /** Strings flattened row by row; a missing category (null) becomes {@link #MISSING}. */
    private OnnxTensor categoricalTensor(String[][] categorical) throws OrtException {
        String[] flat = new String[categorical.length * categoricalWidth];
        for (int i = 0; i < categorical.length; i++) {
            for (int j = 0; j < categoricalWidth; j++) {
                String category = categorical[i][j];
                flat[i * categoricalWidth + j] = category == null ? MISSING : category;
            }
        }
        return OnnxTensor.createTensor(ENVIRONMENT, flat, new long[] {categorical.length, categoricalWidth});
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
