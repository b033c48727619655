package dev.loanwatch.industry;

import java.util.List;
import java.util.Optional;

/**
 * What {@link IndustryClassifier#classify} found in a business scope.
 *
 * @param outcome    {@link Outcome#CONFIDENT}, {@link Outcome#REVIEW} or {@link Outcome#NO_EVIDENCE}
 * @param candidates divisions ranked by confidence, at most 10, confidences summing to at most 1; empty for NO_EVIDENCE
 */
public record IndustryInference(Outcome outcome, List<IndustryCandidate> candidates) {

    public enum Outcome {
        /** The best candidate's confidence reaches {@link IndustryClassifier#CONFIDENCE_THRESHOLD}. */
        CONFIDENT,
        /** A best guess below the confidence threshold: worth a person's look. */
        REVIEW,
        /** Nothing in the text says which industry; no candidates. */
        NO_EVIDENCE
    }

    static final IndustryInference NONE = new IndustryInference(Outcome.NO_EVIDENCE, List.of());

    public IndustryInference {
        candidates = List.copyOf(candidates);
    }

    public Optional<IndustryCandidate> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** Posterior of a division ("62") among all divisions; 0 when it is not among the candidates kept. */
    public double divisionConfidence(String division) {
        for (IndustryCandidate c : candidates) {
            if (c.division().equals(division)) {
                return c.confidence();
            }
        }
        return 0;
    }
}
