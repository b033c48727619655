package dev.loanwatch.trainer.scorecard;

import dev.loanwatch.domain.Binning;
import dev.loanwatch.trainer.onnx.TreeEnsemble;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** A feature's bins as one decision tree whose leaves are the bins' contributions to logit(PD). */
final class BinTrees {
    private BinTrees() {
    }

    /**
     * Numeric bins: a missing value (NaN) first goes to the missing bin (x &lt; +∞ is false for it
     * alone), then each special value is an equality test, then the cuts a chain of x &lt; cut, the
     * last test's false branch the last regular bin. Bin order as {@link Binning.NumericBins}: regular
     * bins, special values, missing last.
     */
    static TreeEnsemble.Tree numeric(int feature, Binning.NumericBins bins, double coefficient) {
        double[] cuts = bins.cuts();
        double[] special = bins.specialValues();
        int regular = cuts.length + 1;
        int missingBin = regular + special.length;
        // ids: 0 = the missing test, 1 … = the special-value tests, then the cut tests, then one leaf per bin
        int tests = 1 + special.length + cuts.length;
        int lastRegularLeaf = tests + regular - 1;
        List<Node> nodes = new ArrayList<>();
        for (int id = 0; id < tests; id++) {
            int next = id + 1 < tests ? id + 1 : lastRegularLeaf;
            if (id == 0) {
                nodes.add(split(0, feature, TreeEnsemble.Mode.LESS, Double.POSITIVE_INFINITY, next, tests + missingBin));
            } else if (id <= special.length) {
                nodes.add(split(id, feature, TreeEnsemble.Mode.EQUAL, special[id - 1], tests + regular + id - 1, next));
            } else {
                int k = id - 1 - special.length;
                nodes.add(split(id, feature, TreeEnsemble.Mode.LESS, cuts[k], tests + k, next));
            }
        }
        for (int b = 0; b <= missingBin; b++) {
            nodes.add(Node.leaf(tests + b, coefficient * bins.woe().bins().get(b).woe()));
        }
        return new TreeEnsemble.Tree(nodes);
    }

    /** Categorical bins: the input is the bin index itself; a chain of equality tests, the last bin the rest. */
    static TreeEnsemble.Tree categorical(int feature, int bins, IntToDoubleFunction leaf) {
        List<Node> nodes = new ArrayList<>();
        int tests = bins - 1;
        for (int b = 0; b < tests; b++) {
            int next = b == tests - 1 ? tests + bins - 1 : b + 1;
            nodes.add(split(b, feature, TreeEnsemble.Mode.EQUAL, b, tests + b, next));
        }
        for (int b = 0; b < bins; b++) {
            nodes.add(Node.leaf(tests + b, leaf.applyAsDouble(b)));
        }
        return new TreeEnsemble.Tree(nodes);
    }

    /** A test; a missing value (NaN) takes the false branch (only the first numeric test can see one). */
    private static Node split(int id, int feature, TreeEnsemble.Mode mode, double threshold, int whenTrue, int whenFalse) {
        return Node.split(id, feature, mode, threshold, whenTrue, whenFalse, false);
    }
}
