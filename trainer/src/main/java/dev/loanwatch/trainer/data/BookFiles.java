package dev.loanwatch.trainer.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Streams the lines of a book's files: NDJSON with Jackson, CSV with FastCSV; nothing is held but the line. */
final class BookFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BookFiles() {
    }

    /** Every line of an NDJSON file as a {@code type} (a record whose components are the fields read). */
    static <T> void ndjson(Path file, Class<T> type, Consumer<T> line) throws IOException {
        ObjectReader reader = JSON.readerFor(type);
        try (MappingIterator<T> lines = reader.readValues(file.toFile())) {
            while (lines.hasNext()) {
                line.accept(lines.next());
            }
        }
    }

    /**
     * Every row of a CSV file with a header, as the values of the named columns in the order asked for (the array
     * is reused from row to row).
     */
    static void csv(Path file, List<String> columns, Consumer<String[]> row) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException(file + " has no header");
            }
            List<String> header = records.next().getFields();
            int[] at = new int[columns.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = header.indexOf(columns.get(i));
                if (at[i] < 0) {
                    throw new IllegalArgumentException(file + " has no column " + columns.get(i) + " (header " + header + ")");
                }
            }
            String[] values = new String[at.length];
            while (records.hasNext()) {
                CsvRecord r = records.next();
                for (int i = 0; i < at.length; i++) {
                    values[i] = r.getField(at[i]);
                }
                row.accept(values);
            }
        }
    }

    /**
     * An ISO date (yyyy-MM-dd) as the simulator and ingestion write it, read without a formatter: millions of them
     * per book. Anything else goes to {@link LocalDate#parse}, which says what is wrong.
     */
    static LocalDate date(String iso) {
        if (iso.length() != 10 || iso.charAt(4) != '-' || iso.charAt(7) != '-') {
            return LocalDate.parse(iso);
        }
        return LocalDate.of(Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10),
                Integer.parseInt(iso, 8, 10, 10));
    }
}
