package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.BorrowerLabels;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a book's borrowers from {@code borrowers.ndjson}, as the lender's file gives them
 * ({@link BorrowerLabels#of}: the reported industry code, no inference where it is missing or wrong).
 */
final class BookBorrowers {

    /** A line of {@code borrowers.ndjson}: the fields the labels need. */
    private record Line(String id, String type, String regionCode, String industryCode, Integer employees,
                        String annualRevenue, String totalAssets) {
    }

    private BookBorrowers() {
    }

    /** Borrower id → labels, for the borrowers asked for (the file also holds applicants without a loan). */
    static Map<String, BorrowerLabels> read(Path file, Set<String> wanted) throws IOException {
        Map<String, BorrowerLabels> labels = new HashMap<>();
        BookFiles.ndjson(file, Line.class, b -> {
            if (wanted.contains(b.id())) {
                labels.put(b.id(), BorrowerLabels.of(b.type(), b.industryCode(), b.regionCode(), b.employees(),
                        decimal(b.annualRevenue()), decimal(b.totalAssets())));
            }
        });
        return labels;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
