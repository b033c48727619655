package dev.loanwatch.trainer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.trainer.onnx.TreeEnsemble.Mode;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Node;
import dev.loanwatch.trainer.onnx.TreeEnsemble.Tree;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    /** x0 &lt; 1 → 0.5 else -0.5, NaN → true; plus a constant 0.25. */
    private static TreeEnsemble simple() {
        Tree split = new Tree(List.of(Node.split(0, 0, Mode.LESS, 1, 1, 2, true), Node.leaf(1, 0.5),
                Node.leaf(2, -0.5)));
        return new TreeEnsemble(-1, List.of(split, new Tree(List.of(Node.leaf(0, 0.25)))), 1);
    }

    @Test
    void sumsTheBaseAndEachTreesLeaf() {
        TreeEnsemble ensemble = simple();
        assertEquals(-0.25, ensemble.logit(new float[] {0.5f}), 1e-12);
        assertEquals(-1.25, ensemble.logit(new float[] {1f}), 1e-12, "x == threshold is not less");
        assertEquals(-0.25, ensemble.logit(new float[] {Float.NaN}), 1e-12, "missing goes to the true child");
        assertEquals(1 / (1 + Math.exp(1.25)), ensemble.pd(new float[] {3f}), 1e-15);
    }

    @Test
    void comparesInFloat32() {
        // 0.1 as a double is above 0.1f; as float32 the two are equal, so 0.1f is not less
        Tree tree = new Tree(List.of(Node.split(0, 0, Mode.LESS, 0.1, 1, 2, false), Node.leaf(1, 1),
                Node.leaf(2, 0)));
        assertEquals(0, new TreeEnsemble(0, List.of(tree), 1).logit(new float[] {0.1f}), 1e-12);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> simple().logit(new float[] {1, 2}));
    }

    @Test
    void refusesAChildThatDoesNotExist() {
        assertTreeRefused("node 0: its false child 3 does not exist",
                Node.split(0, 0, Mode.LESS, 1, 1, 3, false), Node.leaf(1, 0), Node.leaf(2, 0));
    }

    @Test
    void refusesACycle() {
        assertTreeRefused("node 0 is reached twice", Node.split(0, 0, Mode.LESS, 1, 1, 2, false),
                Node.split(1, 0, Mode.EQUAL, 0, 0, 3, false), Node.leaf(2, 0), Node.leaf(3, 0));
    }

    @Test
    void refusesASharedChild() {
        assertTreeRefused("node 1 is reached twice", Node.split(0, 0, Mode.LESS, 1, 1, 1, false), Node.leaf(1, 0));
    }

    @Test
    void refusesAnUnreachableNode() {
        assertTreeRefused("node 3 cannot be reached",
                Node.split(0, 0, Mode.LESS, 1, 1, 2, false), Node.leaf(1, 0), Node.leaf(2, 0), Node.leaf(3, 0));
    }

    @Test
    void refusesAnIdThatIsNotItsPosition() {
        assertTreeRefused("node 2 stands at position 1",
                Node.split(0, 0, Mode.LESS, 1, 1, 2, false), Node.leaf(2, 0), Node.leaf(1, 0));
    }

    @Test
    void refusesAFeatureBeyondTheEnsemble() {
        Tree tree = new Tree(List.of(Node.leaf(0, 0)));
        Tree wide = new Tree(List.of(Node.split(0, 3, Mode.LESS, 1, 1, 2, false), Node.leaf(1, 0), Node.leaf(2, 0)));
        assertRefused("tree 1 node 0: feature 3 is not one of the ensemble's 3 features",
                () -> new TreeEnsemble(0, List.of(tree, wide), 3));
    }

    @Test
    void refusesAnIncompleteSplitOrLeaf() {
        assertRefused("node 4: a split needs", () -> Node.split(4, 0, Mode.LESS, Double.NaN, 1, 2, false));
        assertRefused("node 4: a split needs", () -> Node.split(4, 0, null, 1, 1, 2, false));
        assertRefused("node 5: a leaf's value must be finite", () -> Node.leaf(5, Double.POSITIVE_INFINITY));
    }

    @Test
    void refusesAnEmptyEnsemble() {
        assertRefused("at least one tree", () -> new TreeEnsemble(0, List.of(), 1));
    }

    private static void assertTreeRefused(String message, Node... nodes) {
        assertRefused(message, () -> new Tree(List.of(nodes)));
    }

    private static void assertRefused(String message, Runnable construction) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(refusal.getMessage().contains(message), refusal.getMessage());
    }
}
