package dev.loanwatch.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.LoanFeatures;
import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.output.BatchFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A book the simulator writes in the test itself: 3,000 borrowers over 24 months from 2023-01. */
class SimulatedBookTest {

    private static final int MONTHS = 24;
    private static final YearMonth LAST = YearMonth.of(2023, 1).plusMonths(MONTHS - 1);

    @TempDir
    static Path dir;
    static Dataset book;

    /** truth.csv's columns of one row. */
    record Truth(String loanId, String monthEnd, double truePd, int defaulted, boolean censored) {
    }

    @BeforeAll
    static void simulateAndRead() throws IOException {
        BatchFiles.write(Simulation.run(Simulation.Config.of(3000, MONTHS, "baseline", 11)), dir);
        book = SimulatedBook.read(dir, Label.defaults());
    }

    private static List<Truth> uncensoredTruth(Path bookDir) throws IOException {
        try (Stream<String> lines = Files.lines(bookDir.resolve("truth.csv"))) {
            return lines.skip(1).map(l -> l.split(","))
                    .map(f -> new Truth(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), f[4].equals("1")))
                    .filter(t -> !t.censored()).toList();
        }
    }

    @Test
    void theColumnsAreTheFeaturesInTheirFixedOrder() {
        List<String> names = book.columns().stream().map(Column::name).toList();
        List<String> expected = new ArrayList<>(LoanFeatures.NUMERIC);
        expected.addAll(LoanFeatures.CATEGORICAL);
        assertEquals(expected, names);
        for (String numeric : LoanFeatures.NUMERIC) {
            assertTrue(book.column(numeric) instanceof Column.Numeric, numeric);
        }
    }

    /**
     * The simulator's truth.csv has a row for every month end a loan is open and not beyond DPD 90, flagged censored
     * when its 12 months run past the end: the uncensored ones are exactly the observation points, in the same
     * order (loans in file order, then months), with the same true PD.
     */
    @Test
    void theRowsAreTheUncensoredMonthEndsOfTheTruth() throws IOException {
        List<Truth> truth = uncensoredTruth(dir);
        assertTrue(book.rows() > 2000, "rows " + book.rows());
        assertEquals(truth.size(), book.rows());
        for (int i = 0; i < truth.size(); i++) {
            assertEquals(truth.get(i).monthEnd().substring(0, 7), book.period()[i], "row " + i);
            assertEquals(truth.get(i).truePd(), book.oracle()[i], 1e-9, "row " + i);
        }
    }

    @Test
    void noObservationAfterItsCensoringLimit() {
        // a row of month M needs M + 12 ≤ the last month of data
        String limit = LAST.minusMonths(12).toString();
        assertTrue(Stream.of(book.period()).allMatch(p -> p.compareTo(limit) <= 0));
        assertTrue(Stream.of(book.period()).anyMatch(limit::equals));
        double[] dpd = ((Column.Numeric) book.column("dpd")).values();
        assertTrue(IntStream.range(0, book.rows()).allMatch(i -> dpd[i] <= 90), "no row is already bad");
    }

    /**
     * The label against truth.csv's defaulted12m: the simulator dates DPD &gt; 90 as 91 days after the installment
     * at which the borrower gave up, but a borrower who gives up while already behind on an earlier installment
     * passes DPD 90 sooner — so the label may be bad where the truth is not, never the other way round.
     */
    @Test
    void theTargetRateIsPlausibleAndAgreesWithTheTruth() throws IOException {
        int bad = IntStream.of(book.target()).sum();
        double rate = (double) bad / book.rows();
        assertTrue(rate > 0.005 && rate < 0.10, "bad rate " + rate);
        double meanTruePd = IntStream.range(0, book.rows()).mapToDouble(i -> book.oracle()[i]).average().orElseThrow();
        assertTrue(Math.abs(rate - meanTruePd) < 0.02, "bad rate " + rate + ", mean true PD " + meanTruePd);

        List<Truth> truth = uncensoredTruth(dir);
        int agree = 0;
        for (int i = 0; i < truth.size(); i++) {
            int label = book.target()[i];
            if (truth.get(i).defaulted() == 1) {
                assertEquals(1, label, truth.get(i).loanId() + " at " + truth.get(i).monthEnd());
            }
            agree += label == truth.get(i).defaulted() ? 1 : 0;
        }
        double agreement = (double) agree / truth.size();
        System.out.printf("label vs truth.csv defaulted12m: %d of %d rows agree (%.4f %%), bad rate %.4f %%%n",
                agree, truth.size(), 100 * agreement, 100 * rate);
        assertTrue(agreement > 0.995, "agreement " + agreement);
    }

    /**
     * Leakage, end to end: the same book with a different future — after a cut-off day every other payment dropped,
     * the others doubled — gives the same features on every row up to the cut-off, while some targets change.
     */
    @Test
    void nothingAfterAMonthEndChangesItsRow(@TempDir Path other) throws IOException {
        LocalDate cut = LocalDate.of(2023, 9, 30);
        for (String file : List.of("loans.ndjson", "borrowers.ndjson")) {
            Files.copy(dir.resolve(file), other.resolve(file));
        }
        List<String> lines = Files.readAllLines(dir.resolve("payments.csv"));
        List<String> changed = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (!LocalDate.parse(f[2]).isAfter(cut)) {
                changed.add(lines.get(i));
            } else if (i % 2 == 0) {
                changed.add(String.join(",", f[0], f[1], f[2], new BigDecimal(f[3]).multiply(BigDecimal.valueOf(2)).toPlainString()));
            }
        }
        assertEquals(lines.get(lines.size() - 1).split(",")[2].substring(0, 7),
                changed.get(changed.size() - 1).split(",")[2].substring(0, 7), "the data still ends in the same month");
        Files.write(other.resolve("payments.csv"), changed);

        Dataset future = SimulatedBook.read(other, Label.defaults());
        String last = YearMonth.from(cut).toString();
        int[] known = IntStream.range(0, book.rows()).filter(i -> book.period()[i].compareTo(last) <= 0).toArray();
        int[] knownToo = IntStream.range(0, future.rows()).filter(i -> future.period()[i].compareTo(last) <= 0).toArray();
        assertEquals(known.length, knownToo.length);
        for (Column c : book.columns()) {
            Column d = future.column(c.name());
            for (int k = 0; k < known.length; k++) {
                if (c instanceof Column.Numeric n) {
                    assertEquals(n.values()[known[k]], ((Column.Numeric) d).values()[knownToo[k]], c.name());
                } else {
                    assertEquals(((Column.Categorical) c).values()[known[k]],
                            ((Column.Categorical) d).values()[knownToo[k]], c.name());
                }
            }
        }
        int[] targets = IntStream.of(known).map(i -> book.target()[i]).toArray();
        int[] targetsToo = IntStream.of(knownToo).map(i -> future.target()[i]).toArray();
        assertFalse(Arrays.equals(targets, targetsToo), "the changed future changes some outcomes");
    }

    @Test
    void readingTwiceGivesTheSameBase() throws IOException {
        Dataset again = SimulatedBook.read(dir, Label.defaults());
        assertArrayEquals(book.target(), again.target());
        assertArrayEquals(book.period(), again.period());
        assertArrayEquals(((Column.Numeric) book.column("payment_ratio_3m")).values(),
                ((Column.Numeric) again.column("payment_ratio_3m")).values());
    }
}
