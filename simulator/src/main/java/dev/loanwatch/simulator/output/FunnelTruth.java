package dev.loanwatch.simulator.output;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.loanwatch.domain.ApprovalFunnel;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimApplication.Decision;
import dev.loanwatch.simulator.book.SimApplication.ModelDecision;
import dev.loanwatch.simulator.book.SimApplication.Route;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code funnel-truth.csv}: the approval funnel the simulator itself counts, per month of
 * application — a cohort: of the applications received that month, how many were approved,
 * rejected, cancelled, are still pending at the end of the simulation, led to a loan, and so on.
 * Every application is counted in the month it came in, whenever it was decided, so each part
 * stays within its whole ({@link Row#funnel()} is the domain core's {@link ApprovalFunnel}).
 * A system that loaded the book must count the same. The system itself never reads this file.
 */
public final class FunnelTruth {
    public static final String FILE = "funnel-truth.csv";
    static final String HEADER = "month,applications,amountApplied,approved,rejected,cancelled,pending,disbursed,"
            + "deviationApproved,machineDecided,machineApproved,ruleHits,scored,modelRejected,sentToPerson,personApproved,"
            + "rejectReasons,riskGrades";

    /**
     * One month's cohort. {@code machineDecided}: approved or rejected without a person;
     * {@code sentToPerson}: routed to a person, whatever became of it; {@code rejectReasons}: rejected
     * applications by reason code; {@code riskGrades}: applications by the lender's risk grade.
     */
    public record Row(YearMonth month, long applications, BigDecimal amountApplied, long approved, long rejected,
                      long cancelled, long pending, long disbursed, long deviationApproved, long machineDecided,
                      long machineApproved, long ruleHits, long scored, long modelRejected, long sentToPerson,
                      long personApproved, Map<String, Long> rejectReasons, Map<String, Long> riskGrades) {

        /** The month's ratios by the domain core; reviewed = approved + rejected. */
        public ApprovalFunnel funnel() {
            return new ApprovalFunnel(applications, approved, rejected, disbursed, approved + rejected, deviationApproved,
                    machineDecided, machineApproved, ruleHits, scored, modelRejected, sentToPerson, personApproved);
        }
    }

    private FunnelTruth() {
    }

    public static List<Row> of(List<SimApplication> applications) {
        Map<YearMonth, List<SimApplication>> byMonth = applications.stream()
                .collect(Collectors.groupingBy(a -> YearMonth.from(a.appliedOn()), TreeMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        byMonth.forEach((month, apps) -> rows.add(row(month, apps)));
        return rows;
    }

    /** The whole simulation as one cohort (month null). */
    public static Row total(List<SimApplication> applications) {
        return row(null, applications);
    }

    private static Row row(YearMonth month, List<SimApplication> apps) {
        return new Row(month, apps.size(),
                apps.stream().map(SimApplication::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                count(apps, a -> a.decision() == Decision.APPROVED), count(apps, a -> a.decision() == Decision.REJECTED),
                count(apps, a -> a.decision() == Decision.CANCELLED), count(apps, a -> a.decision() == Decision.PENDING),
                count(apps, a -> a.loan() != null), count(apps, SimApplication::deviation),
                count(apps, a -> a.decided() && a.route() == Route.MACHINE),
                count(apps, a -> a.decision() == Decision.APPROVED && a.route() == Route.MACHINE),
                count(apps, a -> !a.ruleHits().isEmpty()), count(apps, a -> a.model() != ModelDecision.NOT_SCORED),
                count(apps, a -> a.model() == ModelDecision.REJECT), count(apps, a -> a.route() == Route.MANUAL),
                count(apps, a -> a.decision() == Decision.APPROVED && a.route() == Route.MANUAL),
                apps.stream().filter(a -> a.rejectReason() != null)
                        .collect(Collectors.groupingBy(a -> a.rejectReason().code, TreeMap::new, Collectors.counting())),
                apps.stream().collect(Collectors.groupingBy(SimApplication::riskGrade, TreeMap::new, Collectors.counting())));
    }

    private static long count(List<SimApplication> apps, java.util.function.Predicate<SimApplication> p) {
        return apps.stream().filter(p).count();
    }

    public static void write(List<Row> rows, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write(HEADER);
            w.write('\n');
            for (Row r : rows) {
                w.write(String.join(",", r.month().toString(), String.valueOf(r.applications()), r.amountApplied().toPlainString(),
                        String.valueOf(r.approved()), String.valueOf(r.rejected()), String.valueOf(r.cancelled()),
                        String.valueOf(r.pending()), String.valueOf(r.disbursed()), String.valueOf(r.deviationApproved()),
                        String.valueOf(r.machineDecided()), String.valueOf(r.machineApproved()), String.valueOf(r.ruleHits()),
                        String.valueOf(r.scored()), String.valueOf(r.modelRejected()), String.valueOf(r.sentToPerson()),
                        String.valueOf(r.personApproved()), counts(r.rejectReasons()), counts(r.riskGrades())));
                w.write('\n');
            }
        }
    }

    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in)) {
            for (NamedCsvRecord r : reader) {
                rows.add(new Row(YearMonth.parse(r.getField("month")), number(r, "applications"),
                        new BigDecimal(r.getField("amountApplied")), number(r, "approved"), number(r, "rejected"),
                        number(r, "cancelled"), number(r, "pending"), number(r, "disbursed"), number(r, "deviationApproved"),
                        number(r, "machineDecided"), number(r, "machineApproved"), number(r, "ruleHits"), number(r, "scored"),
                        number(r, "modelRejected"), number(r, "sentToPerson"), number(r, "personApproved"),
                        counts(r.getField("rejectReasons")), counts(r.getField("riskGrades"))));
            }
        }
        return rows;
    }

    private static long number(NamedCsvRecord r, String field) {
        return Long.parseLong(r.getField(field));
    }

    /** "R01:12;R04:3" — codes in order. */
    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static Map<String, Long> counts(String text) {
        Map<String, Long> out = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String part : text.split(";")) {
                int colon = part.indexOf(':');
                out.put(part.substring(0, colon), Long.parseLong(part.substring(colon + 1)));
            }
        }
        return out;
    }
}
