package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.ReasonCodes.Characteristic;
import dev.loanwatch.domain.ReasonCodes.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonCodesTest {
    static final List<Characteristic> CARD = List.of(
            new Characteristic("dpd", List.of("[-inf, 1)", "[1, 31)", "[31, +inf)", "missing"), new double[] {72, 40, 21, 65}),
            new Characteristic("product", List.of("mortgage", "consumer", "sme", "missing"), new double[] {90, 60, 55, 60}),
            new Characteristic("rate", List.of("[-inf, 0.04)", "[0.04, +inf)", "missing"), new double[] {58, 58, 50}));

    @Test
    void theLargestGapsFirstEachWithItsWhatIf() {
        // dpd 31+ (21, best 72: 51 below), sme (55, best 90: 35 below), rate in a best bin (tie: the first is best)
        List<Reason> r = ReasonCodes.of(CARD, new int[] {2, 2, 1}, 5);
        assertEquals(List.of(new Reason("dpd", "[31, +inf)", 21, "[-inf, 1)", 51),
                new Reason("product", "sme", 55, "mortgage", 35)), r);
        assertEquals(1, ReasonCodes.of(CARD, new int[] {2, 2, 1}, 1).size());
        assertEquals("dpd", ReasonCodes.of(CARD, new int[] {2, 2, 1}, 1).get(0).feature());
    }

    @Test
    void aRowInEveryBestBinHasNoReason() {
        assertTrue(ReasonCodes.of(CARD, new int[] {0, 0, 0}, 3).isEmpty());
        assertTrue(ReasonCodes.of(CARD, new int[] {2, 2, 2}, 0).isEmpty());
    }

    @Test
    void equalGapsKeepTheCardsOrder() {
        List<Characteristic> twins = List.of(new Characteristic("a", List.of("x", "y"), new double[] {10, 0}),
                new Characteristic("b", List.of("x", "y"), new double[] {10, 0}));
        assertEquals(List.of("a", "b"), ReasonCodes.of(twins, new int[] {1, 1}, 2).stream().map(Reason::feature).toList());
    }

    @Test
    void aRowMustGiveOneBinPerCharacteristic() {
        assertThrows(IllegalArgumentException.class, () -> ReasonCodes.of(CARD, new int[] {0, 0}, 3));
        assertThrows(IllegalArgumentException.class, () -> new Characteristic("x", List.of("a"), new double[] {1, 2}));
    }
}
