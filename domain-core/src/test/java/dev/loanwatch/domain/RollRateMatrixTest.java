package dev.loanwatch.domain;

import static dev.loanwatch.domain.Amounts.m;
import static dev.loanwatch.domain.Books.loan;
import static dev.loanwatch.domain.Books.r;
import static dev.loanwatch.domain.RollFixture.CURRENT;
import static dev.loanwatch.domain.RollFixture.PREVIOUS;
import static dev.loanwatch.domain.RollFixture.WRITTEN_OFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.domain.RollRateMatrix.Cell;
import dev.loanwatch.domain.RollRateMatrix.Column;
import dev.loanwatch.domain.RollRateMatrix.Direction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollRateMatrixTest {

    private final RollRateMatrix matrix = RollRateMatrix.of(PREVIOUS, CURRENT, WRITTEN_OFF);

    @Test
    void cellsCountLoansAndWeighThemByTheirBalanceAtTMinus1() {
        assertEquals(new Cell(1, m("1000")), matrix.cell(Bucket.C, Column.C));   // A: 1000 at t−1, not 900
        assertEquals(new Cell(1, m("2000")), matrix.cell(Bucket.C, Column.M1));
        assertEquals(new Cell(1, m("3000")), matrix.cell(Bucket.C, Column.SETTLED));
        assertEquals(new Cell(1, m("4000")), matrix.cell(Bucket.M1, Column.C));
        assertEquals(new Cell(1, m("7000")), matrix.cell(Bucket.M3, Column.WRITTEN_OFF));
        assertEquals(new Cell(1, m("1000")), matrix.cell(Bucket.M6, Column.M7_PLUS));
        assertEquals(new Cell(0, m("0")), matrix.cell(Bucket.M2, Column.M3));
        assertEquals(new Cell(3, m("6000")), matrix.row(Bucket.C));
        assertEquals(new Cell(2, m("17000")), matrix.row(Bucket.M7_PLUS));
    }

    @Test
    void everyLoanOfTMinus1IsInExactlyOneCellAndNewLoansInNone() {
        long loans = 0;
        for (Bucket b : Bucket.values()) {
            loans += matrix.row(b).count();
        }
        assertEquals(PREVIOUS.size(), loans);                 // 10: N (new at t) is not counted
        assertEquals(Bucket.values().length, matrix.cells().size());
        matrix.cells().values().forEach(row -> assertEquals(Column.values().length, row.size()));
    }

    @Test
    void rowShares() {
        // row C by balance: kept 1000/6000 = 0.166667, worse 2000/6000 = 0.333333, settled 3000/6000 = 0.5
        assertEquals(Optional.of(r("0.166667")), matrix.balanceShare(Bucket.C, Column.C));
        assertEquals(Optional.of(r("0.333333")), matrix.balanceShare(Bucket.C, Column.M1));
        assertEquals(Optional.of(r("0.5")), matrix.balanceShare(Bucket.C, Column.SETTLED));
        assertEquals(Optional.of(r("0.333333")), matrix.countShare(Bucket.C, Column.SETTLED));
        // an empty row (M2 at t−1) has no shares at all
        assertEquals(Optional.empty(), matrix.countShare(Bucket.M2, Column.M3));
        assertEquals(Optional.empty(), matrix.balanceShare(Bucket.M2, Direction.WORSE));
    }

    @Test
    void betterSameWorse() {
        // row C: settled is the only "better"
        assertEquals(Optional.of(r("0.5")), matrix.balanceShare(Bucket.C, Direction.BETTER));
        assertEquals(Optional.of(r("0.166667")), matrix.balanceShare(Bucket.C, Direction.SAME));
        assertEquals(Optional.of(r("0.333333")), matrix.balanceShare(Bucket.C, Direction.WORSE));
        // row M1 (15000): better D 4000 → 0.266667, same F 6000 → 0.4, worse E 5000 → 0.333333
        assertEquals(Optional.of(r("0.266667")), matrix.balanceShare(Bucket.M1, Direction.BETTER));
        assertEquals(Optional.of(r("0.4")), matrix.balanceShare(Bucket.M1, Direction.SAME));
        assertEquals(Optional.of(r("0.333333")), matrix.balanceShare(Bucket.M1, Direction.WORSE));
        assertEquals(Optional.of(r("0.333333")), matrix.countShare(Bucket.M1, Direction.BETTER));
        // row M3: written off → all worse
        assertEquals(Optional.of(r("1")), matrix.countShare(Bucket.M3, Direction.WORSE));
        // row M7+ (17000): kept H 8000 → 0.470588, written off W 9000 → 0.529412
        assertEquals(Optional.of(r("0.470588")), matrix.balanceShare(Bucket.M7_PLUS, Direction.SAME));
        assertEquals(Optional.of(r("0.529412")), matrix.balanceShare(Bucket.M7_PLUS, Direction.WORSE));
        assertEquals(Optional.of(r("0")), matrix.balanceShare(Bucket.M7_PLUS, Direction.BETTER));
    }

    @Test
    void directions() {
        assertEquals(Direction.SAME, RollRateMatrix.direction(Bucket.M3, Column.M3));
        assertEquals(Direction.BETTER, RollRateMatrix.direction(Bucket.M3, Column.M1));
        assertEquals(Direction.WORSE, RollRateMatrix.direction(Bucket.M3, Column.M4));
        assertEquals(Direction.BETTER, RollRateMatrix.direction(Bucket.C, Column.SETTLED));
        assertEquals(Direction.BETTER, RollRateMatrix.direction(Bucket.M7_PLUS, Column.SETTLED));
        assertEquals(Direction.WORSE, RollRateMatrix.direction(Bucket.C, Column.WRITTEN_OFF));
        assertEquals(Direction.WORSE, RollRateMatrix.direction(Bucket.M7_PLUS, Column.WRITTEN_OFF));
        assertEquals(Column.M7_PLUS, Column.of(Bucket.M7_PLUS));
        assertEquals("M7+", Column.M7_PLUS.label());
        assertEquals("SETTLED", Column.SETTLED.label());
        assertEquals(Optional.empty(), Column.WRITTEN_OFF.bucket());
    }

    @Test
    void writtenOffButStillInTheBookIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RollRateMatrix.of(PREVIOUS, CURRENT, Set.of("A")));
    }

    @Test
    void booksMustBeConsecutiveMonths() {
        List<LoanSnapshot> april = List.of(loan("A", "2024-04-30", "800", 0));
        assertThrows(IllegalArgumentException.class, () -> RollRateMatrix.of(PREVIOUS, april, Set.of()));
    }

    @Test
    void emptyBooks() {
        RollRateMatrix none = RollRateMatrix.of(List.of(), List.of(), Set.of());
        assertEquals(new Cell(0, m("0")), none.row(Bucket.C));
        assertEquals(Optional.empty(), none.countShare(Bucket.C, Direction.SAME));
        // everything left the book: settled
        RollRateMatrix allGone = RollRateMatrix.of(PREVIOUS, List.of(), Set.of());
        assertEquals(Optional.of(r("1")), allGone.countShare(Bucket.M7_PLUS, Column.SETTLED));
    }
}
