package dev.loanwatch.trainer.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Any CSV with a header and a binary target column as a training base: the analyst's own data.
 * Two passes over the file: the first infers each column's type (numeric when every value that is not
 * missing reads as a number, categorical otherwise), the second reads the values. Missing: an empty
 * field, NA, N/A, NaN, null, ? (any case). The target is 1/0, true/false or yes/no (1 = bad).
 *
 * <p>A line with another number of fields than the header, a target that is missing or not binary,
 * or a target with only one class is an error naming the line and the column.
 */
public final class CsvDataset {
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");

    private CsvDataset() {
    }

    /**
     * What to read: the target column, an optional period column (out-of-time split), an optional group
     * column (rows of one loan or customer, never split), how many periods ahead the target looks (0:
     * not said) and columns to leave out (ids).
     */
    public record Spec(String target, String period, String group, int horizon, Set<String> ignore) {
        public Spec {
            ignore = Set.copyOf(ignore);
        }

        public Spec(String target, String period, Set<String> ignore) {
            this(target, period, null, 0, ignore);
        }
    }

    /** A problem with the file, where it is: line (1 = header) and column. */
    public static final class CsvProblem extends RuntimeException {
        public CsvProblem(long line, String column, String message) {
            super("line " + line + (column == null ? "" : ", column " + column) + ": " + message);
        }
    }

    public static Dataset read(Path file, Spec spec) throws IOException {
        String[] header;
        boolean[] numeric;
        int rows = 0;
        try (CsvReader<CsvRecord> reader = reader(file)) {
            var it = reader.iterator();
            if (!it.hasNext()) {
                throw new CsvProblem(1, null, "the file is empty: a header line is needed");
            }
            header = it.next().getFields().stream().map(String::trim).toArray(String[]::new);
            if (Arrays.stream(header).distinct().count() != header.length) {
                throw new CsvProblem(1, null, "column names repeat: " + Arrays.toString(header));
            }
            index(header, spec.target(), "target");
            if (spec.period() != null) {
                index(header, spec.period(), "period");
            }
            if (spec.group() != null) {
                index(header, spec.group(), "group");
            }
            numeric = new boolean[header.length];
            Arrays.fill(numeric, true);
            while (it.hasNext()) {
                CsvRecord r = it.next();
                rows++;
                if (r.getFieldCount() != header.length) {
                    throw new CsvProblem(r.getStartingLineNumber(), null,
                            r.getFieldCount() + " fields, the header has " + header.length);
                }
                for (int c = 0; c < header.length; c++) {
                    if (numeric[c] && !missing(r.getField(c)) && !isNumber(r.getField(c))) {
                        numeric[c] = false;
                    }
                }
            }
        }
        if (rows == 0) {
            throw new CsvProblem(2, null, "no data lines");
        }
        int targetIndex = index(header, spec.target(), "target");
        int periodIndex = spec.period() == null ? -1 : index(header, spec.period(), "period");
        int groupIndex = spec.group() == null ? -1 : index(header, spec.group(), "group");
        List<Integer> features = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != targetIndex && c != periodIndex && c != groupIndex && !spec.ignore().contains(header[c])) {
                features.add(c);
            }
        }
        double[][] numbers = new double[header.length][];
        String[][] texts = new String[header.length][];
        for (int c : features) {
            if (numeric[c]) {
                numbers[c] = new double[rows];
            } else {
                texts[c] = new String[rows];
            }
        }
        int[] target = new int[rows];
        String[] period = periodIndex < 0 ? null : new String[rows];
        int[] group = groupIndex < 0 ? null : new int[rows];
        java.util.Map<String, Integer> groups = new java.util.HashMap<>();
        try (CsvReader<CsvRecord> reader = reader(file)) {
            var it = reader.iterator();
            it.next();
            int row = 0;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                target[row] = target(r.getField(targetIndex), r.getStartingLineNumber(), header[targetIndex]);
                if (period != null) {
                    String p = r.getField(periodIndex).trim();
                    if (missing(p)) {
                        throw new CsvProblem(r.getStartingLineNumber(), header[periodIndex], "the period is missing");
                    }
                    period[row] = p;
                }
                if (group != null) {
                    String g = r.getField(groupIndex).trim();
                    if (missing(g)) {
                        throw new CsvProblem(r.getStartingLineNumber(), header[groupIndex], "the group is missing");
                    }
                    group[row] = groups.computeIfAbsent(g, k -> groups.size());
                }
                for (int c : features) {
                    String v = r.getField(c).trim();
                    if (numeric[c]) {
                        numbers[c][row] = missing(v) ? Double.NaN : Double.parseDouble(v);
                    } else {
                        texts[c][row] = missing(v) ? null : v;
                    }
                }
                row++;
            }
        }
        if (Arrays.stream(target).distinct().count() < 2) {
            throw new CsvProblem(2, header[targetIndex], "the target has only one class: nothing to learn");
        }
        List<Column> columns = new ArrayList<>();
        for (int c : features) {
            columns.add(numeric[c] ? new Column.Numeric(header[c], numbers[c]) : new Column.Categorical(header[c], texts[c]));
        }
        return new Dataset(columns, target, period, null, group, spec.horizon());
    }

    private static CsvReader<CsvRecord> reader(Path file) throws IOException {
        return CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true).ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    private static int index(String[] header, String name, String what) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new CsvProblem(1, name, "the " + what + " column is not in the header " + Arrays.toString(header));
    }

    static boolean missing(String v) {
        return MISSING.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isNumber(String v) {
        String s = v.trim();
        if (s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("-infinity")) {
            return false; // not a value an analyst means; read as a category, visible in the bins
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static int target(String raw, long line, String column) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true", "yes", "y", "bad" -> 1;
            case "0", "0.0", "false", "no", "n", "good" -> 0;
            default -> throw new CsvProblem(line, column, "the target must be 1/0 (true/false, yes/no, bad/good), not '" + raw + "'");
        };
    }
}
