package dev.loanwatch.simulator.output;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.simulator.book.SimBorrower;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code borrowers-truth.csv}: per borrower, the industry code the lender's file reports and the
 * true class, so that whatever tags the book (tagging-service) can be held to the truth on the
 * codes the file leaves out or gets wrong. Like {@code truth.csv}, the system never reads it.
 */
public final class BorrowersTruth {
    public static final String FILE = "borrowers-truth.csv";
    static final String HEADER = "borrowerId,reportedIndustryCode,trueIndustryClass,reportedStatus";

    /** What the file's industry code is worth against the truth. */
    public enum Status {
        /** An enterprise whose file has no code. */
        MISSING,
        /** An enterprise whose code does not contain the true class (another division, group or class). */
        WRONG,
        /** An enterprise whose code is the true class or one of its ancestors ("C13" for C1311). */
        CORRECT,
        /** An individual: no industry. */
        NONE
    }

    /** One row; the codes are null where the file has none. */
    public record Row(String borrowerId, String reportedIndustryCode, String trueIndustryClass, Status status) {
    }

    private BorrowersTruth() {
    }

    public static Row of(SimBorrower b) {
        return new Row(b.id(), b.reportedIndustryCode(), b.industryClass(), status(b));
    }

    static Status status(SimBorrower b) {
        if (!b.enterprise()) {
            return Status.NONE;
        }
        String reported = b.reportedIndustryCode();
        if (reported == null || reported.isBlank()) {
            return Status.MISSING;
        }
        String truth = IndustryCode.normalised(b.industryClass());
        return truth.startsWith(IndustryCode.normalised(reported.strip())) ? Status.CORRECT : Status.WRONG;
    }

    public static void write(List<SimBorrower> borrowers, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            for (SimBorrower b : borrowers) {
                Row r = of(b);
                w.write(String.join(",", r.borrowerId(), blankIfNull(r.reportedIndustryCode()),
                        blankIfNull(r.trueIndustryClass()), r.status().name()));
                w.write('\n');
            }
        }
    }

    public static List<Row> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    public static List<Row> read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofNamedCsvRecord(in)) {
            for (NamedCsvRecord r : reader) {
                rows.add(new Row(r.getField("borrowerId"), nullIfBlank(r.getField("reportedIndustryCode")),
                        nullIfBlank(r.getField("trueIndustryClass")), Status.valueOf(r.getField("reportedStatus"))));
            }
        }
        return rows;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
