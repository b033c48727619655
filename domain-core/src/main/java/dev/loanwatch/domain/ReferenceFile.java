package dev.loanwatch.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference data shipped beside the domain classes ({@code reference/*.csv}): UTF-8, a fixed
 * header, one record a line. No field but the last contains a comma or a quote, so a split with a
 * limit is the whole CSV grammar these files need; the last field may be free text with commas.
 */
final class ReferenceFile {
    private ReferenceFile() {
    }

    /** The rows of {@code resource} (relative to this package) after its header, each with exactly {@code columns} fields. */
    static List<String[]> rows(String resource, String header) {
        int columns = header.split(",").length;
        InputStream in = ReferenceFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!header.equals(reader.readLine())) {
                throw new IllegalStateException(resource + ": expected the header " + header);
            }
            List<String[]> rows = new ArrayList<>();
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String[] fields = text.split(",", columns);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + " line " + line + ": expected " + columns + " fields ("
                            + header + ") in '" + text + "'");
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
