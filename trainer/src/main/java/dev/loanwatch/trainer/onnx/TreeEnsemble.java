package dev.loanwatch.trainer.onnx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A sum of decision trees over raw features, the one shape both trained models take: the scorecard
 * (a tree per feature whose leaves are its bins' points in log-odds) and the gradient-boosted
 * challenger. PD = sigmoid(base + Σ leaf of each tree).
 *
 * <p>Evaluation here is the reference the exported ONNX graph is checked against, so it reads the
 * numbers as the graph stores them: a float32 input compared with float32 thresholds, leaves and
 * base in double, summed in double (the graph sums in double too, and returns the sum as float32 —
 * which is why parity is a tolerance and not equality).
 *
 * @param base     log-odds added to the trees' sum (the scorecard's intercept, XGBoost's base margin)
 * @param trees    at least one tree
 * @param features how many input columns a row has; every split's feature is below it
 */
public record TreeEnsemble(double base, List<Tree> trees, int features) {

    public TreeEnsemble {
        if (!Double.isFinite(base)) {
            throw new IllegalArgumentException("the base log-odds must be finite, not " + base);
        }
        if (features < 1) {
            throw new IllegalArgumentException("an ensemble reads at least one feature, not " + features);
        }
        trees = List.copyOf(trees);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one tree");
        }
        for (int t = 0; t < trees.size(); t++) {
            for (Node node : trees.get(t).nodes()) {
                if (!node.leaf() && node.feature() >= features) {
                    throw new IllegalArgumentException("tree " + t + " node " + node.id() + ": feature "
                            + node.feature() + " is not one of the ensemble's " + features + " features");
                }
            }
        }
    }

    /** base + Σ leaves for one row of {@code features} values (NaN = missing). */
    public double logit(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("a row of " + row.length + " values for an ensemble of "
                    + features + " features");
        }
        double sum = base;
        for (Tree tree : trees) {
            sum += tree.leaf(row).value();
        }
        return sum;
    }

    /** The probability of default: sigmoid of {@link #logit(float[])}. */
    public double pd(float[] row) {
        return 1 / (1 + Math.exp(-logit(row)));
    }

    /** How a split compares the feature with its threshold to choose the true child. */
    public enum Mode {
        /** x &lt; threshold: a numeric bin edge, XGBoost's split. */
        LESS,
        /** x == threshold: a special value, or one category's code. */
        EQUAL
    }

    /**
     * One node of a tree. A leaf uses only {@code id} and {@code value}; a split uses the rest.
     *
     * @param id          the node's position in its tree (ONNX numbers a tree's nodes 0, 1, 2, …)
     * @param leaf        whether this node ends the walk
     * @param feature     the column a split reads
     * @param mode        how a split compares
     * @param threshold   what a split compares with (as float32, like ONNX Runtime)
     * @param trueChild   the node a row goes to when the comparison holds
     * @param falseChild  the node it goes to otherwise
     * @param missingTrue whether a missing (NaN) value goes to the true child; else the false one
     * @param value       a leaf's log-odds contribution
     */
    public record Node(int id, boolean leaf, int feature, Mode mode, double threshold, int trueChild,
                       int falseChild, boolean missingTrue, double value) {

        public Node {
            if (id < 0) {
                throw new IllegalArgumentException("node " + id + ": ids are not negative");
            }
            if (leaf && !Double.isFinite(value)) {
                throw new IllegalArgumentException("node " + id + ": a leaf's value must be finite, not " + value);
            }
            if (!leaf && (feature < 0 || mode == null || Double.isNaN(threshold))) {
                throw new IllegalArgumentException("node " + id + ": a split needs a feature (not " + feature
                        + "), a mode (not " + mode + ") and a threshold (not " + threshold + ")");
            }
        }

        /** A leaf adding {@code value} to the log-odds. */
        public static Node leaf(int id, double value) {
            return new Node(id, true, -1, null, Double.NaN, -1, -1, false, value);
        }

        /** A split sending a row to {@code trueChild} when {@code mode} holds for its feature. */
        public static Node split(int id, int feature, Mode mode, double threshold, int trueChild, int falseChild,
                                 boolean missingTrue) {
            return new Node(id, false, feature, mode, threshold, trueChild, falseChild, missingTrue, 0);
        }

        /** The child a value goes to, compared in float32 as ONNX Runtime compares. */
        int next(float x) {
            if (Float.isNaN(x)) {
                return missingTrue ? trueChild : falseChild;
            }
            float t = (float) threshold;
            boolean holds = mode == Mode.LESS ? x < t : x == t;
            return holds ? trueChild : falseChild;
        }
    }

    /**
     * One tree: node i sits at position i, node 0 is the root, and every other node is reached from
     * it exactly once — so a walk always ends at a leaf.
     */
    public record Tree(List<Node> nodes) {

        public Tree {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("a tree needs at least one node");
            }
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (node.id() != i) {
                    throw new IllegalArgumentException("node " + node.id() + " stands at position " + i
                            + ": a node's id is its position");
                }
                if (!node.leaf()) {
                    requireChild(node, "true", node.trueChild(), nodes.size());
                    requireChild(node, "false", node.falseChild(), nodes.size());
                }
            }
            requireTree(nodes);
        }

        private static void requireChild(Node node, String which, int child, int size) {
            if (child < 0 || child >= size) {
                throw new IllegalArgumentException("node " + node.id() + ": its " + which + " child " + child
                        + " does not exist (the tree has " + size + " nodes)");
            }
        }

        /** Each node reached once from the root: no cycle, no shared child, nothing left over. */
        private static void requireTree(List<Node> nodes) {
            boolean[] reached = new boolean[nodes.size()];
            Deque<Integer> pending = new ArrayDeque<>();
            pending.push(0);
            while (!pending.isEmpty()) {
                int id = pending.pop();
                if (reached[id]) {
                    throw new IllegalArgumentException("node " + id
                            + " is reached twice from the root: the nodes form a cycle or share a child");
                }
                reached[id] = true;
                Node node = nodes.get(id);
                if (!node.leaf()) {
                    pending.push(node.trueChild());
                    pending.push(node.falseChild());
                }
            }
            for (int id = 0; id < reached.length; id++) {
                if (!reached[id]) {
                    throw new IllegalArgumentException("node " + id + " cannot be reached from the root");
                }
            }
        }

        /** The leaf a row ends at. */
        Node leaf(float[] row) {
            Node node = nodes.get(0);
            while (!node.leaf()) {
                node = nodes.get(node.next(row[node.feature()]));
            }
            return node;
        }
    }
}
