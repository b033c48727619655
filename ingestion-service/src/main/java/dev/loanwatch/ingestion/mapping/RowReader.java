package dev.loanwatch.ingestion.mapping;

import dev.loanwatch.platform.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Streams the rows of a CSV or NDJSON file one at a time (a file of millions of rows is never
 * held in memory). A CSV row becomes a JSON object of text values keyed by the header, so that
 * the same parser reads every channel. A row that cannot be read is returned with its problem
 * instead of stopping the file.
 */
public abstract class RowReader implements Closeable {

    public enum Format { CSV, NDJSON }

    /** One row: its line in the file, and either the record or why it could not be read. */
    public record Row(long line, JsonNode record, FieldError problem) {
    }

    /** The next row, or null at the end. */
    public abstract Row next() throws IOException;

    public static RowReader open(Format format, InputStream in, ObjectMapper mapper, Set<String> fields) throws IOException {
        return format == Format.CSV ? new Csv(in, mapper, fields) : new NdJson(in, mapper);
    }

    private static final class NdJson extends RowReader {
        private final BufferedReader reader;
        private final ObjectMapper mapper;
        private long line;

        NdJson(InputStream in, ObjectMapper mapper) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            this.mapper = mapper;
        }

        @Override
        public Row next() throws IOException {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            try {
                return new Row(line, mapper.readTree(text), null);
            } catch (IOException e) {
                String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                return new Row(line, null, new FieldError("$", "malformed JSON: " + msg));
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class Csv extends RowReader {
        private final CsvReader<CsvRecord> reader;
        private final Iterator<CsvRecord> records;
        private final ObjectMapper mapper;
        private final List<String> header;

        Csv(InputStream in, ObjectMapper mapper, Set<String> fields) throws IOException {
            this.reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                    .detectBomHeader(true).ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.records = reader.iterator();
            this.mapper = mapper;
            if (!records.hasNext()) {
                throw new MalformedFileException("the file is empty: a CSV file starts with a header row naming the columns");
            }
            this.header = records.next().getFields().stream().map(String::strip).toList();
            for (String column : header) {
                if (!fields.contains(column)) {
                    throw new MalformedFileException("unknown column '" + column + "' in the header; known columns: "
                            + String.join(", ", new java.util.TreeSet<>(fields)));
                }
            }
        }

        @Override
        public Row next() {
            CsvRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (CsvParseException e) {
                throw new MalformedFileException("malformed CSV: " + e.getMessage());
            }
            if (r.getFieldCount() != header.size()) {
                return new Row(r.getStartingLineNumber(), null, new FieldError("$",
                        "malformed CSV row: expected " + header.size() + " fields, got " + r.getFieldCount()));
            }
            ObjectNode node = mapper.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                String v = r.getField(i);
                if (!v.isEmpty()) {
                    node.put(header.get(i), v);
                }
            }
            return new Row(r.getStartingLineNumber(), node, null);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The file as a whole cannot be read on (no header, unknown column, broken quoting). */
    public static final class MalformedFileException extends RuntimeException {
        public MalformedFileException(String message) {
            super(message);
        }
    }
}
