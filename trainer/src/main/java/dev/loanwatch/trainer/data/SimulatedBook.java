package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.BorrowerLabels;
import dev.loanwatch.domain.LoanFeatures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A training base from a simulator's output directory ({@code simulate --out DIR}): {@code loans.ndjson},
 * {@code borrowers.ndjson}, {@code payments.csv} and, when present, {@code truth.csv}.
 *
 * <p><b>Rows.</b> One per observation point: a loan at a month end M, from the end of its disbursement month on,
 * while the loan is open — not yet settled (a loan paid off on or before M has left the book) — and
 * <ul>
 * <li>not already bad at M: DPD at M above the label's limit leaves nothing to predict (the simulator's
 *     {@code truth.csv} leaves those month ends out too);</li>
 * <li>not censored: the outcome window (M, end of the month {@code label.months()} after M's] ends on or before
 *     the end of the data. Every kept row has its whole window in the data, good rows as well as bad — a row
 *     whose window runs past the end is left out even when the loan already went bad inside it, so that the
 *     kept rows' bad rate is not inflated.</li>
 * </ul>
 * The end of the data is the end of the month of the latest date the lender's files show (a disbursement or a
 * payment's value date); the simulator pays on every month's due dates, so this is its last simulated month.
 *
 * <p><b>Columns.</b> {@link LoanFeatures#NUMERIC} then {@link LoanFeatures#CATEGORICAL}, in that order, computed
 * by the domain core from the contract, the borrower's labels ({@link BorrowerLabels#of} on the file's fields)
 * and the payments known at M — the scoring service computes the same.
 *
 * <p><b>Target.</b> 1 when the loan's DPD exceeds {@code label.dpdOver()} at the end of any day of the outcome
 * window ({@link Label#isBad}): at a month end, or between two when the payments show it. <b>Period</b>: M as
 * YYYY-MM. <b>Group</b>: the loan, so that no split puts one loan's month ends on both sides. <b>Horizon</b>:
 * {@code label.months()}. <b>Oracle</b>: {@code truth.csv}'s {@code truePd12m} at (loan, M), NaN where it has none; null when
 * the directory has no {@code truth.csv}.
 *
 * <p><b>Speed.</b> Files are streamed, borrowers, payments and truth side by side; each loan is replayed once, to the end of the data, and all its month ends
 * are read off that one history; loans are processed in parallel.
 */
public final class SimulatedBook {

    private SimulatedBook() {
    }

    /** Rows in the order of {@code loans.ndjson}, each loan's by month. */
    public static Dataset read(Path dir, Label label) throws IOException {
        List<BookLoan> loans = BookLoan.read(dir.resolve("loans.ndjson"));
        Map<String, Integer> index = new HashMap<>();
        Set<String> borrowerIds = new HashSet<>();
        for (BookLoan l : loans) {
            if (index.put(l.id(), index.size()) != null) {
                throw new IllegalArgumentException("loan " + l.id() + " appears twice in loans.ndjson");
            }
            borrowerIds.add(l.borrowerId());
        }
        Path truthFile = dir.resolve("truth.csv");
        // the other three files are independent of each other: read them side by side
        ExecutorService readers = Executors.newFixedThreadPool(2);
        Map<String, BorrowerLabels> borrowers;
        BookPayments payments;
        BookTruth truth;
        try {
            Future<Map<String, BorrowerLabels>> borrowersRead =
                    readers.submit(() -> BookBorrowers.read(dir.resolve("borrowers.ndjson"), borrowerIds));
            Future<BookTruth> truthRead = readers.submit(() -> Files.exists(truthFile)
                    ? BookTruth.read(truthFile, index, firstMonth(loans)) : null);
            payments = BookPayments.read(dir.resolve("payments.csv"), index);
            borrowers = result(borrowersRead);
            truth = result(truthRead);
        } finally {
            readers.shutdownNow();
        }
        LocalDate dataEnd = dataEnd(loans, payments);

        List<List<LoanObservations.Row>> perLoan = IntStream.range(0, loans.size()).parallel()
                .mapToObj(i -> {
                    BookLoan loan = loans.get(i);
                    BorrowerLabels borrower = borrowers.get(loan.borrowerId());
                    if (borrower == null) {
                        throw new IllegalArgumentException("loan " + loan.id() + ": borrower " + loan.borrowerId()
                                + " is not in borrowers.ndjson");
                    }
                    return LoanObservations.of(loan, payments.of(i), borrower, dataEnd, label,
                            month -> truth == null ? Double.NaN : truth.truePd(i, month));
                })
                .toList();
        return dataset(perLoan, truth != null, label.months());
    }

    /** What a reader returned, or what it threw. */
    private static <T> T result(Future<T> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the book");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static LocalDate dataEnd(List<BookLoan> loans, BookPayments payments) {
        LocalDate latest = loans.stream().map(l -> l.terms().disbursementDate())
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("the book has no loans"));
        if (payments.latest() != null && payments.latest().isAfter(latest)) {
            latest = payments.latest();
        }
        return YearMonth.from(latest).atEndOfMonth();
    }

    private static YearMonth firstMonth(List<BookLoan> loans) {
        return loans.stream().map(l -> YearMonth.from(l.terms().disbursementDate()))
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Dataset dataset(List<List<LoanObservations.Row>> perLoan, boolean withOracle, int horizon) {
        int rows = perLoan.stream().mapToInt(List::size).sum();
        double[][] numeric = new double[LoanFeatures.NUMERIC.size()][rows];
        String[][] categorical = new String[LoanFeatures.CATEGORICAL.size()][rows];
        int[] target = new int[rows];
        String[] period = new String[rows];
        double[] oracle = withOracle ? new double[rows] : null;
        int[] group = new int[rows];
        Map<YearMonth, String> periods = new HashMap<>();
        int r = 0;
        for (int l = 0; l < perLoan.size(); l++) {
            for (LoanObservations.Row row : perLoan.get(l)) {
                group[r] = l;
                double[] n = row.features().numeric();
                for (int c = 0; c < n.length; c++) {
                    numeric[c][r] = n[c];
                }
                String[] k = row.features().categorical();
                for (int c = 0; c < k.length; c++) {
                    categorical[c][r] = k[c];
                }
                target[r] = row.bad() ? 1 : 0;
                period[r] = periods.computeIfAbsent(row.month(), YearMonth::toString);
                if (oracle != null) {
                    oracle[r] = row.truePd();
                }
                r++;
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < numeric.length; c++) {
            columns.add(new Column.Numeric(LoanFeatures.NUMERIC.get(c), numeric[c]));
        }
        for (int c = 0; c < categorical.length; c++) {
            columns.add(new Column.Categorical(LoanFeatures.CATEGORICAL.get(c), categorical[c]));
        }
        return new Dataset(columns, target, period, oracle, group, horizon);
    }
}
