package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.Payment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The payments of {@code payments.csv} grouped by loan, held compactly (epoch day and fen per payment) while the
 * file, in value-date order across all loans, is streamed.
 */
final class BookPayments {

    private static final List<String> COLUMNS = List.of("loanId", "valueDate", "amount");

    private final int[][] days;
    private final long[][] fen;
    private final int[] counts;
    private LocalDate latest;

    private BookPayments(int loans) {
        days = new int[loans][];
        fen = new long[loans][];
        counts = new int[loans];
    }

    /**
     * @param loanIndex loan id → position in the book; a payment of any other loan is an error
     */
    static BookPayments read(Path file, Map<String, Integer> loanIndex) throws IOException {
        BookPayments p = new BookPayments(loanIndex.size());
        BookFiles.csv(file, COLUMNS, row -> {
            Integer loan = loanIndex.get(row[0]);
            if (loan == null) {
                throw new IllegalArgumentException(file + ": a payment of loan " + row[0] + ", which is not in the book");
            }
            LocalDate valueDate = BookFiles.date(row[1]);
            p.add(loan, valueDate, new BigDecimal(row[2]).movePointRight(2).longValueExact());
        });
        return p;
    }

    private void add(int loan, LocalDate valueDate, long amountFen) {
        int n = counts[loan];
        if (days[loan] == null) {
            days[loan] = new int[8];
            fen[loan] = new long[8];
        } else if (n == days[loan].length) {
            days[loan] = Arrays.copyOf(days[loan], 2 * n);
            fen[loan] = Arrays.copyOf(fen[loan], 2 * n);
        }
        days[loan][n] = Math.toIntExact(valueDate.toEpochDay());
        fen[loan][n] = amountFen;
        counts[loan] = n + 1;
        if (latest == null || valueDate.isAfter(latest)) {
            latest = valueDate;
        }
    }

    /** The payments of the loan at this position, in file order. */
    List<Payment> of(int loan) {
        List<Payment> out = new ArrayList<>(counts[loan]);
        for (int i = 0; i < counts[loan]; i++) {
            out.add(new Payment(LocalDate.ofEpochDay(days[loan][i]), BigDecimal.valueOf(fen[loan][i], 2)));
        }
        return out;
    }

    /** The latest value date in the file; null when it has no payment. */
    LocalDate latest() {
        return latest;
    }
}
