package dev.loanwatch.trainer.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training base as a CSV — the features, then {@code period} and {@code bad} — so that the same
 * rows can be given to another tool (or back to the trainer with {@code --csv}). Missing values are
 * empty fields.
 */
public final class CsvExport {
    private CsvExport() {
    }

    public static void write(Dataset d, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvWriter csv = CsvWriter.builder().build(out)) {
            List<String> header = new ArrayList<>();
            d.columns().forEach(c -> header.add(c.name()));
            header.add("period");
            header.add("bad");
            csv.writeRecord(header);
            String[] row = new String[header.size()];
            for (int i = 0; i < d.rows(); i++) {
                int j = 0;
                for (Column c : d.columns()) {
                    row[j++] = c instanceof Column.Numeric n ? (Double.isNaN(n.values()[i]) ? "" : Double.toString(n.values()[i]))
                            : nullToEmpty(((Column.Categorical) c).values()[i]);
                }
                row[j++] = d.period() == null ? "" : d.period()[i];
                row[j] = Integer.toString(d.target()[i]);
                csv.writeRecord(row);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
