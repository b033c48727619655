package dev.loanwatch.ingestion.mapping;

import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.json.StrictJson;
import dev.loanwatch.platform.text.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Streams the rows of a CSV or NDJSON file one at a time (a file of millions of rows is never
 * held in memory). A CSV row becomes a JSON object of text values keyed by the header, so that
 * the same parser reads every channel. A row that cannot be read is returned with its problem
 * instead of stopping the file. Files are UTF-8, decoded strictly: a byte sequence that is not
 * UTF-8 is never replaced by '?' or U+FFFD and stored as if it had been sent.
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

    /**
     * Reads the whole file once and throws {@link MalformedFileException} naming the line and
     * byte offset (from 0) of the first byte that is not UTF-8. Run before any row is stored, so
     * that a file in another encoding is refused as a whole instead of half imported.
     */
    public static void requireUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long line = 1;
        byte[] head = new byte[2];
        int headLength = 0;
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            for (int i = 0; i < n && headLength < head.length; i++) {
                head[headLength++] = bytes.array()[bytes.position() + i];
            }
            bytes.position(bytes.position() + Math.max(n, 0));
            bytes.flip();
            CoderResult result;
            do {
                int start = bytes.position();
                chars.clear();
                result = decoder.decode(bytes, chars, end);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                consumed += bytes.position() - start;
            } while (result.isOverflow());
            if (result.isError()) {
                boolean utf16 = headLength == 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
                throw new MalformedFileException("the file is not UTF-8 at line " + line + ", byte offset " + consumed
                        + (utf16 ? " (it starts like UTF-16)" : "") + "; save it as UTF-8 and upload it again (nothing was imported)");
            }
            bytes.compact();
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The reader's own decoding failed: the file changed after {@link #requireUtf8}, or it was not checked. */
    private static MalformedFileException notUtf8(long afterLine) {
        return new MalformedFileException("the file is not UTF-8 after line " + afterLine + "; save it as UTF-8 and upload it again");
    }

    private static final class NdJson extends RowReader {
        /**
         * A line holds one record, which a REST body holds in at most 1 MiB. A longer line is
         * rejected, not read into memory: a file of one 4 GB line must not take the service down.
         */
        static final int MAX_LINE = 1 << 20;

        private final Reader reader;
        private final ObjectMapper mapper;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int end;
        private boolean tooLong;
        private long line;

        NdJson(InputStream in, ObjectMapper mapper) {
            this.reader = new InputStreamReader(in, strictUtf8());
            this.mapper = mapper;
        }

        @Override
        public Row next() throws IOException {
            String text;
            do {
                try {
                    text = readLine();
                } catch (CharacterCodingException e) {
                    throw notUtf8(line);
                }
                line++;
                if (text == null) {
                    return null;
                }
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1); // a byte order mark, which some editors write at the start of UTF-8
                }
            } while (!tooLong && text.isBlank());
            if (tooLong) {
                return new Row(line, null, new FieldError("$", "the line is longer than " + MAX_LINE
                        + " characters; a line holds one record"));
            }
            try {
                return new Row(line, mapper.readTree(text), null);
            } catch (JsonProcessingException e) {
                return new Row(line, null, new FieldError("$", "malformed JSON: " + StrictJson.describe(e)));
            }
        }

        /**
         * The next line without its line feed (and a carriage return before it), null at the end.
         * Only its first {@link #MAX_LINE} characters are kept; {@link #tooLong} says whether there were more.
         * Lines end at '\n' only, as {@link #requireUtf8} counts them.
         */
        private String readLine() throws IOException {
            StringBuilder text = new StringBuilder();
            boolean any = false;
            tooLong = false;
            while (true) {
                if (position == end) {
                    int n = reader.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return any ? withoutCarriageReturn(text) : null;
                    }
                    position = 0;
                    end = n;
                }
                any = true;
                int from = position;
                while (position < end && buffer[position] != '\n') {
                    position++;
                }
                int length = position - from;
                if (text.length() + length > MAX_LINE) {
                    tooLong = true;
                    length = MAX_LINE - text.length();
                }
                text.append(buffer, from, length);
                if (position < end) {
                    position++;
                    return withoutCarriageReturn(text);
                }
            }
        }

        private static String withoutCarriageReturn(StringBuilder text) {
            int n = text.length();
            return text.substring(0, n > 0 && text.charAt(n - 1) == '\r' ? n - 1 : n);
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
        private long lastLine;

        Csv(InputStream in, ObjectMapper mapper, Set<String> fields) throws IOException {
            this.reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                    .detectBomHeader(true).ofCsvRecord(new InputStreamReader(in, strictUtf8()));
            this.records = reader.iterator();
            this.mapper = mapper;
            if (!hasNext(0)) {
                throw new MalformedFileException("the file is empty: a CSV file starts with a header row naming the columns");
            }
            this.header = records.next().getFields().stream().map(String::strip).toList();
            for (String column : header) {
                if (!fields.contains(column)) {
                    throw new MalformedFileException("unknown column '" + Text.visible(column) + "' in the header; known columns: "
                            + String.join(", ", new java.util.TreeSet<>(fields)));
                }
            }
        }

        @Override
        public Row next() {
            CsvRecord r;
            try {
                if (!hasNext(lastLine)) {
                    return null;
                }
                r = records.next();
            } catch (CsvParseException e) {
                throw new MalformedFileException("malformed CSV: " + Text.visible(e.getMessage()));
            }
            lastLine = r.getStartingLineNumber();
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

        /** FastCSV reads ahead; a decoding failure comes out of it wrapped. */
        private boolean hasNext(long afterLine) {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw notUtf8(afterLine);
                }
                throw e;
            }
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
