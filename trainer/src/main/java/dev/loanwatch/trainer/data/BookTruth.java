package dev.loanwatch.trainer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A simulated book's oracle: {@code truth.csv}'s true 12-month PD per loan and month end. The simulator writes it
 * for every month end a loan is on book and not yet beyond DPD 90; no system reads it, a trainer only compares.
 */
final class BookTruth {

    private static final List<String> COLUMNS = List.of("loanId", "monthEnd", "truePd12m");

    private final YearMonth first;
    private final double[][] pd;

    private BookTruth(YearMonth first, int loans) {
        this.first = first;
        this.pd = new double[loans][];
    }

    /**
     * @param loanIndex loan id → position in the book; a row of any other loan is an error
     * @param first     the earliest month a row may fall in (the first disbursement month)
     */
    static BookTruth read(Path file, Map<String, Integer> loanIndex, YearMonth first) throws IOException {
        BookTruth t = new BookTruth(first, loanIndex.size());
        BookFiles.csv(file, COLUMNS, row -> {
            Integer loan = loanIndex.get(row[0]);
            if (loan == null) {
                throw new IllegalArgumentException(file + ": a row of loan " + row[0] + ", which is not in the book");
            }
            t.put(loan, YearMonth.from(BookFiles.date(row[1])), Double.parseDouble(row[2]));
        });
        return t;
    }

    private void put(int loan, YearMonth month, double value) {
        int at = offset(month);
        if (at < 0) {
            throw new IllegalArgumentException("truth for " + month + ", before the book's first month " + first);
        }
        double[] row = pd[loan];
        if (row == null || at >= row.length) {
            int old = row == null ? 0 : row.length;
            row = row == null ? new double[Math.max(at + 1, 24)] : Arrays.copyOf(row, Math.max(at + 1, 2 * old));
            Arrays.fill(row, old, row.length, Double.NaN);
            pd[loan] = row;
        }
        row[at] = value;
    }

    /** The true PD of the loan at this position at the end of the month; NaN when the file has none. */
    double truePd(int loan, YearMonth month) {
        int at = offset(month);
        double[] row = pd[loan];
        return row == null || at < 0 || at >= row.length ? Double.NaN : row[at];
    }

    private int offset(YearMonth month) {
        return Math.toIntExact(first.until(month, ChronoUnit.MONTHS));
    }
}
