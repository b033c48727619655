package dev.loanwatch.scoring.service;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.loanwatch.model.OnnxScorer;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.scoring.mapping.ModelCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads an ONNX file with its card and checks that they belong together before anything may serve
 * it: ONNX Runtime opens the file; its inputs are the card's ({@code numeric} float [N, n] and
 * {@code categorical} string [N, m], n and m the card's counts); and it scores every probe row of the
 * card within the card's parity tolerance of the PD the trainer's model gave. Any failure is a 400
 * naming what failed; nothing is kept.
 */
@ApplicationScoped
public class ModelLoader {

    /** CPU work (a session load, the probes): call it off the event loop. */
    public LoadedModel load(long id, byte[] onnx, ModelCard card) {
        OnnxScorer scorer;
        try {
            checkInputs(onnx, card);
            scorer = new OnnxScorer(onnx);
        } catch (OrtException e) {
            throw new RejectedException(Rejection.invalid("onnx", "ONNX Runtime cannot load it: " + e.getMessage()));
        }
        try {
            checkProbes(scorer, card);
            return new LoadedModel(id, card, scorer);
        } catch (RuntimeException e) {
            close(scorer);
            throw e;
        }
    }

    private static void checkInputs(byte[] onnx, ModelCard card) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options)) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            List<FieldError> errors = new ArrayList<>();
            for (String name : inputs.keySet()) {
                if (!name.equals("numeric") && !name.equals("categorical")) {
                    errors.add(new FieldError("onnx", "has an input '" + name + "': the trainer's files take numeric and categorical"));
                }
            }
            expect(inputs, "numeric", card.numeric().size(), errors);
            expect(inputs, "categorical", card.categorical().size(), errors);
            if (!session.getOutputInfo().containsKey("pd")) {
                errors.add(new FieldError("onnx", "has no output 'pd'"));
            }
            if (!errors.isEmpty()) {
                throw new RejectedException(Rejection.invalid(errors));
            }
        }
    }

    private static void expect(Map<String, NodeInfo> inputs, String input, int width, List<FieldError> errors) {
        NodeInfo info = inputs.get(input);
        long have = info == null ? 0 : ((TensorInfo) info.getInfo()).getShape()[1];
        if (have != width) {
            errors.add(new FieldError("onnx", "input '" + input + "' takes " + have + " features a row, the card lists " + width));
        }
    }

    private static void checkProbes(OnnxScorer scorer, ModelCard card) {
        int n = card.probes().size();
        float[][] numeric = new float[n][];
        String[][] categorical = new String[n][];
        for (int i = 0; i < n; i++) {
            numeric[i] = card.probes().get(i).numeric();
            categorical[i] = card.probes().get(i).categorical();
        }
        double[] pd;
        try {
            pd = scorer.pd(card.numeric().isEmpty() ? null : numeric, card.categorical().isEmpty() ? null : categorical);
        } catch (OrtException | IllegalArgumentException e) {
            throw new RejectedException(Rejection.invalid("card.probes", "the ONNX file cannot score them: " + e.getMessage()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double expected = card.probes().get(i).pd();
            if (!(Math.abs(pd[i] - expected) <= card.tolerance())) {
                errors.add(new FieldError("card.probes[" + i + "]", String.format(
                        "ONNX Runtime gives PD %.9f, the card %.9f: more than the tolerance %.1e apart", pd[i], expected,
                        card.tolerance())));
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedException(Rejection.invalid(errors));
        }
    }

    private static void close(OnnxScorer scorer) {
        try {
            scorer.close();
        } catch (OrtException ignored) {
            // the validation's failure is what the caller hears about
        }
    }
}
