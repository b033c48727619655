package dev.loanwatch.industry;

/**
 * The classifier's knobs. {@link #tuned()} holds the values chosen on the dev data (the simulator's
 * texts and {@code business-scope-dev.csv}; never the held-out set); the module README gives the
 * figures they were chosen by. Mutable on purpose, for the tuning harness in the tests: the
 * classifier copies what it needs and never hands a {@code Settings} out.
 */
final class Settings implements Cloneable {
    // --- training -----------------------------------------------------------------------------
    /** Longest n-gram. */
    int maxN = 3;
    /** Lidstone smoothing of the n-gram counts. */
    double alpha = 0.1;
    /** A group's name trains each of its classes with this weight (a class's own name: 1). */
    double groupWeight = 0.5;
    /** A division's name trains each of its classes with this weight (its division label: 1). */
    double divisionOnClasses = 0.2;
    /** A training phrase's weight. */
    double phraseWeight = 1;
    /** Prior: every division equally likely, split evenly over its labels (else every label equally likely). */
    boolean balancedPrior = true;

    // --- reading a text ------------------------------------------------------------------------
    /** Weight of a query n-gram by its length (index = length). */
    double[] queryWeight = {0, 1, 1, 1};
    /** Exponent of the specificity factor of a query n-gram's weight (0: off); see NgramModel#weight. */
    double specificity = 2;
    /** Specificity counts the sections an n-gram was seen in (else the divisions). */
    boolean specificityBySection = false;
    /** An n-gram seen in more divisions than this (index = length) is not informative. */
    int[] maxDivisions = {0, 3, 12, 30};
    /** An item counts only when its informative n-grams cover at least this share of its characters. */
    double minCoverage = 0.2;
    /** How many informative items are scored; later ones would weigh nothing. */
    int scoredItems = 4;
    /** The k-th informative item weighs decay^k (the first 1). */
    double decay = 0.3;
    /**
     * A division's score in an item is its best label's (else the log-sum of its labels', which
     * favours divisions with many classes whenever the evidence is thin).
     */
    boolean poolByMax = true;
    /** Temperature turning an item's division log-likelihoods into its division posterior. */
    double itemTemperature = 3;
    /** An item's division log-posterior is floored here, so that one item cannot veto a division. */
    double floor = -12;

    // --- answering ---------------------------------------------------------------------------
    /** Temperature on the combined division scores: the calibration (minimises the log loss on the dev data). */
    double temperature = 0.55;
    /** Temperature turning an item's label scores into class shares within a division. */
    double classTemperature = 3;
    /** A class is named when it holds at least this share of its division's posterior in the deciding item. */
    double classShare = 0.5;
    /** Candidates below this posterior are not returned. */
    double minCandidate = 0.002;

    static Settings tuned() {
        return new Settings();
    }

    Settings copy() {
        try {
            Settings s = (Settings) clone();
            s.queryWeight = queryWeight.clone();
            s.maxDivisions = maxDivisions.clone();
            return s;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    TrainingSet.Weights weights() {
        return new TrainingSet.Weights(groupWeight, divisionOnClasses, phraseWeight);
    }
}
