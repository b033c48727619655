package dev.loanwatch.trainer.onnx;

import dev.loanwatch.model.OnnxScorer;

import java.util.Map;

/**
 * How a string feature becomes the number the trees split on: the exported graph maps each
 * category through these codes (an ONNX LabelEncoder) before the trees see it, so the scoring
 * service passes raw strings and cannot encode them differently from training.
 *
 * <p>A string tensor cannot hold a missing value, so a missing category is scored as
 * {@link #MISSING}, the empty string: map it in {@code codes} to route missing values to their own
 * bin, or leave it out and they score as unseen.
 *
 * @param name   the feature's name
 * @param codes  each known category's code (a bin index for the scorecard)
 * @param unseen the code of a category not in {@code codes}
 */
public record CategoricalInput(String name, Map<String, Float> codes, float unseen) {

    /** What a missing (null) category is scored as. */
    public static final String MISSING = dev.loanwatch.model.OnnxScorer.MISSING;

    public CategoricalInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a categorical feature needs a name");
        }
        codes = Map.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("categorical feature " + name + " needs at least one known category");
        }
    }

    /** The code a category is scored with; null is {@link #MISSING}. */
    public float code(String category) {
        return codes.getOrDefault(category == null ? MISSING : category, unseen);
    }
}
