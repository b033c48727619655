package dev.loanwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run, printed at the end as a Markdown table that can go into a README as is. */
final class Report {
    record Row(String part, String measurement, String service, String baseline, String ratio, String target) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    void add(String part, String measurement, String service, String baseline, String ratio, String target) {
        rows.add(new Row(part, measurement, service, baseline, ratio, target));
        Log.info("RESULT %s | %s | %s | %s | %s | %s", part, measurement, service, baseline, ratio, target);
    }

    void note(String text) {
        notes.add(text);
        Log.info("NOTE %s", text);
    }

    /** Markdown printed after the table and its notes (e.g. a table of another shape). */
    void section(String markdown) {
        sections.add(markdown);
    }

    String markdown(String header) {
        StringBuilder sb = new StringBuilder(header);
        sb.append("\n| Part | Measurement | Service | Baseline (same run, same database) | Service / baseline | Target |\n");
        sb.append("|---|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.part).append(" | ").append(r.measurement).append(" | ").append(r.service)
                    .append(" | ").append(r.baseline).append(" | ").append(r.ratio).append(" | ").append(r.target)
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
        }
        for (String s : sections) {
            sb.append('\n').append(s);
        }
        return sb.toString();
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", perSecond);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String events(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f events/s", perSecond);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Two decimals, or three significant digits for small ratios (an import at 0.4 % of COPY is not "0.00×"). */
    static String ratio(double r) {
        return r >= 0.1 || r == 0 || Double.isNaN(r) ? String.format(Locale.ROOT, "%.2f×", r)
                : String.format(Locale.ROOT, "%.3g×", r);
    }

    static double perSecond(long rows, double seconds) {
        return seconds <= 0 ? Double.NaN : rows / seconds;
    }
}
