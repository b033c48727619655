package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.LoanContract;
import dev.loanwatch.domain.LoanTerms;
import dev.loanwatch.domain.RepaymentMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A loan of a book as {@code loans.ndjson} gives it: ids, product, channel and terms. */
record BookLoan(String id, String borrowerId, String product, String channel, LoanTerms terms) {

    /** A line of {@code loans.ndjson} (ingestion's loan record; money and rates as decimal strings). */
    private record Line(String id, String borrowerId, String product, String channel, String disbursementDate,
                        String principal, String annualRate, int termMonths, String method, int dueDay) {
    }

    /** The loans of {@code loans.ndjson}, in file order. */
    static List<BookLoan> read(Path file) throws IOException {
        List<BookLoan> loans = new ArrayList<>();
        BookFiles.ndjson(file, Line.class, l -> loans.add(new BookLoan(l.id(), l.borrowerId(), l.product(),
                l.channel(), new LoanTerms(new BigDecimal(l.principal()), new BigDecimal(l.annualRate()),
                l.termMonths(), RepaymentMethod.valueOf(l.method()), BookFiles.date(l.disbursementDate()),
                l.dueDay()))));
        return loans;
    }

    /** The contract with its generated schedule — computed on every call, so that readers can do it in parallel. */
    LoanContract contract() {
        return LoanContract.of(product, channel, terms);
    }
}
