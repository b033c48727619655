package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The codes the loan book stores (loan, loan_status_history, month_end_snapshot, the lookup
 * tables) and the daily close compares. They are written out here one by one: renumbering or
 * reordering a constant fails this test instead of silently changing what stored rows mean.
 */
class StoredCodeTest {

    @Test
    void rollColumnCodes() {
        assertPinned(RollRateMatrix.Column.class, Map.of(RollRateMatrix.Column.C, 0, RollRateMatrix.Column.M1, 1,
                RollRateMatrix.Column.M2, 2, RollRateMatrix.Column.M3, 3, RollRateMatrix.Column.M4, 4,
                RollRateMatrix.Column.M5, 5, RollRateMatrix.Column.M6, 6, RollRateMatrix.Column.M7_PLUS, 7,
                RollRateMatrix.Column.SETTLED, 8, RollRateMatrix.Column.WRITTEN_OFF, 9),
                RollRateMatrix.Column::code, RollRateMatrix.Column::ofCode);
    }

    @Test
    void bucketCodes() {
        assertPinned(Bucket.class, Map.of(Bucket.C, 0, Bucket.M1, 1, Bucket.M2, 2, Bucket.M3, 3, Bucket.M4, 4,
                Bucket.M5, 5, Bucket.M6, 6, Bucket.M7_PLUS, 7), Bucket::code, Bucket::ofCode);
    }

    @Test
    void stageCodes() {
        assertPinned(Stage.class, Map.of(Stage.CURRENT, 0, Stage.EARLY, 1, Stage.MIDDLE, 2, Stage.LATE, 3),
                Stage::code, Stage::ofCode);
    }

    @Test
    void gradeCodes() {
        assertPinned(FiveTierGrade.class, Map.of(FiveTierGrade.NORMAL, 0, FiveTierGrade.SPECIAL_MENTION, 1,
                FiveTierGrade.SUBSTANDARD, 2, FiveTierGrade.DOUBTFUL, 3, FiveTierGrade.LOSS, 4),
                FiveTierGrade::code, FiveTierGrade::ofCode);
    }

    @Test
    void anUnknownCodeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bucket.ofCode(8));
        assertTrue(e.getMessage().contains("Bucket code 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stage.ofCode(-1));
        assertThrows(IllegalArgumentException.class, () -> FiveTierGrade.ofCode(5));
    }

    private static <E extends Enum<E>> void assertPinned(Class<E> type, Map<E, Integer> pinned, ToIntFunction<E> code,
                                                         IntFunction<E> ofCode) {
        assertEquals(EnumSet.allOf(type), EnumSet.copyOf(pinned.keySet()), "every constant has a pinned code");
        pinned.forEach((e, c) -> {
            assertEquals(c, code.applyAsInt(e), e + " code");
            assertEquals(e, ofCode.apply(c), "ofCode(" + c + ")");
        });
        // declaration order is severity order, and SQL compares codes for severity: the two must agree
        int[] inDeclarationOrder = Arrays.stream(type.getEnumConstants()).mapToInt(code).toArray();
        int[] ascending = inDeclarationOrder.clone();
        Arrays.sort(ascending);
        assertEquals(Arrays.toString(ascending), Arrays.toString(inDeclarationOrder), type.getSimpleName() + " codes ascend with severity");
    }
}
