package dev.loanwatch.simulator.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.domain.ApprovalFunnel;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FlowRate;
import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.RollRateMatrix;
import dev.loanwatch.domain.Vintage;
import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.drive.AnalyticsClient;
import dev.loanwatch.simulator.output.FunnelTruth;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The system's own report of the book, read from alert-service's analytics API — month-end quality,
 * flow rates, the roll-rate matrix, vintage, where the bad money is, the approval funnel — and,
 * figure by figure, whether it equals what the domain core computes from the simulator's truth
 * (its month-end snapshots and applications). The system never sees the truth.
 *
 * @param text       the report, then the comparison
 * @param compared   figures compared
 * @param mismatches the figures that differ, each saying where and both values
 */
public record AnalyticsReport(String text, int compared, List<String> mismatches) {

    public static AnalyticsReport of(Simulation sim, AnalyticsClient api) throws IOException, InterruptedException {
        Map<LocalDate, List<LoanSnapshot>> books = sim.snapshotsByMonthEnd();
        List<LocalDate> months = new ArrayList<>(books.keySet());
        Check check = new Check();
        StringBuilder out = new StringBuilder();

        JsonNode quality = api.get("/analytics/asset-quality", Map.of()).get("rows");
        JsonNode delinquency = api.get("/analytics/delinquency", Map.of()).get("rows");
        out.append(String.format("== The system's report (alert-service), month ends: balance = outstanding principal%n"));
        out.append(String.format("%-8s %8s %18s %9s %9s %9s %9s%n", "month", "loans", "balance", "overdue", "M2+", "M4+", "NPL"));
        for (LocalDate d : months) {
            String month = YearMonth.from(d).toString();
            JsonNode q = row(quality, "month", month);
            List<LoanSnapshot> book = books.get(d);
            out.append(String.format("%-8s %8s %18s %9s %9s %9s %9s%n", month, q.get("loans").asText(), plain(q.get("balance")),
                    pct(q.get("overdueRateDpd1")), pct(q.get("overdueRateDpd31")), pct(q.get("overdueRateDpd91")),
                    pct(q.get("nplRatio"))));
            check.equal(month + " loans", book.size(), q.get("loans").asLong());
            check.equal(month + " balance", PortfolioRatios.totalBalance(book), q.get("balance").decimalValue());
            check.rate(month + " overdue rate", PortfolioRatios.overdueRate(book), q.get("overdueRateDpd1"));
            check.rate(month + " NPL ratio", PortfolioRatios.nplRatio(book), q.get("nplRatio"));
        }

        out.append(String.format("%n== Flow rates by balance (迁徙率), month over month%n%-8s", "month"));
        for (Bucket b : Bucket.values()) {
            if (b != Bucket.C) {
                out.append(String.format(" %9s", Bucket.values()[b.ordinal() - 1].label() + "→" + b.label()));
            }
        }
        out.append('\n');
        for (int i = 1; i < months.size(); i++) {
            String month = YearMonth.from(months.get(i)).toString();
            Map<Bucket, BigDecimal> expected = FlowRate.byBalance(books.get(months.get(i - 1)), books.get(months.get(i)));
            out.append(String.format("%-8s", month));
            for (Bucket b : Bucket.values()) {
                if (b == Bucket.C) {
                    continue;
                }
                JsonNode r = row(delinquency, "month", month, "bucket", b.label());
                out.append(String.format(" %9s", pct(r.get("flowRateBalance"))));
                Bucket from = Bucket.values()[b.ordinal() - 1];
                check.rate(month + " flow " + from.label() + "→" + b.label(), Optional.ofNullable(expected.get(from)),
                        r.get("flowRateBalance"));
            }
            out.append('\n');
        }

        // the roll matrix of every month against the truth; the last one printed
        for (int i = 1; i < months.size(); i++) {
            String month = YearMonth.from(months.get(i)).toString();
            RollRateMatrix expected = RollRateMatrix.of(books.get(months.get(i - 1)), books.get(months.get(i)), Set.of());
            JsonNode roll = api.get("/analytics/roll-rates", Map.of("month", month));
            for (JsonNode cell : roll.get("rows")) {
                Bucket from = Bucket.ofLabel(cell.get("from").asText());
                RollRateMatrix.Column to = column(cell.get("to").asText());
                check.equal(month + " roll " + from.label() + "→" + to.label(), expected.cell(from, to).count(),
                        cell.get("loans").asLong());
            }
            if (i == months.size() - 1) {
                out.append(String.format("%n== Roll rates (滚动率) %s, share of loans by bucket at the previous month end%n%-5s", month, "from"));
                for (RollRateMatrix.Column c : RollRateMatrix.Column.values()) {
                    out.append(String.format(" %8s", c.label().length() > 8 ? c.label().substring(0, 8) : c.label()));
                }
                out.append('\n');
                for (Bucket from : Bucket.values()) {
                    out.append(String.format("%-5s", from.label()));
                    for (RollRateMatrix.Column c : RollRateMatrix.Column.values()) {
                        out.append(String.format(" %8s", pct(row(roll.get("rows"), "from", from.label(), "to", c.label()).get("countShare"))));
                    }
                    out.append('\n');
                }
            }
        }

        Vintage.Table vintage = Vintage.of(books.values().stream().flatMap(List::stream).toList(), Bucket.M3);
        JsonNode vintageRows = api.get("/analytics/vintage", Map.of("threshold", "M3")).get("rows");
        out.append(String.format("%n== Vintage: M3+ balance / disbursed by months on book (the system's)%n"));
        int maxMob = 0;
        for (JsonNode r : vintageRows) {
            maxMob = Math.max(maxMob, r.get("mob").asInt());
        }
        for (Vintage.Cohort c : vintage.cohorts()) {
            out.append(String.format("%-8s", c.month()));
            for (Vintage.Point p : c.points()) {
                JsonNode r = row(vintageRows, "cohort", c.month().toString(), "mob", Integer.toString(p.mob()));
                check.rate(c.month() + " MOB" + p.mob() + " vintage balance", Optional.of(p.balanceRate()), r.get("balanceRate"));
                check.equal(c.month() + " MOB" + p.mob() + " ever M3+", p.everLoans(), r.get("everLoans").asLong());
                out.append(String.format(" %7s", pct(r.get("balanceRate"))));
            }
            out.append('\n');
        }

        JsonNode worst = api.get("/analytics/breakdown", Map.of("by", "section", "measure", "npl"));
        out.append(String.format("%n== Where the bad money is, %s: industry sections by NPL balance (Herfindahl of NPL %s)%n",
                worst.get("summary").get("month").asText(), worst.get("summary").get("herfindahlNpl").asText()));
        int shown = 0;
        for (JsonNode r : worst.get("rows")) {
            if (shown++ == 6) {
                break;
            }
            out.append(String.format("%-10s NPL %14s (%s of all NPL), NPL ratio %s, overdue %s%n", r.get("section").asText(),
                    plain(r.get("nplBalance")), pct(r.get("nplShare")), pct(r.get("nplRatio")), pct(r.get("overdueRate"))));
        }

        JsonNode funnel = api.get("/analytics/funnel", Map.of()).get("rows");
        long applications = 0;
        long approved = 0;
        long disbursed = 0;
        for (FunnelTruth.Row truth : FunnelTruth.of(sim.applications())) {
            JsonNode r = row(funnel, "month", truth.month().toString());
            ApprovalFunnel f = truth.funnel();
            check.equal(truth.month() + " applications", truth.applications(), r.get("applications").asLong());
            check.equal(truth.month() + " approved", truth.approved(), r.get("approved").asLong());
            check.equal(truth.month() + " disbursed", truth.disbursed(), r.get("disbursed").asLong());
            check.rate(truth.month() + " approval rate", f.approvalRateOfDecided(), r.get("approvalRateOfDecided"));
            check.rate(truth.month() + " machine approval rate", f.machineApprovalRate(), r.get("machineApprovalRate"));
            applications += r.get("applications").asLong();
            approved += r.get("approved").asLong();
            disbursed += r.get("disbursed").asLong();
        }
        out.append(String.format("%n== Approval funnel (the system's): %d applications, %d approved, %d disbursed%n",
                applications, approved, disbursed));

        out.append(String.format("%n== Checked %d figures of the system against the simulator's truth: %s%n", check.compared,
                check.mismatches.isEmpty() ? "all equal" : check.mismatches.size() + " differ"));
        check.mismatches.stream().limit(20).forEach(m -> out.append("  ").append(m).append('\n'));
        return new AnalyticsReport(out.toString(), check.compared, List.copyOf(check.mismatches));
    }

    /** Figure-by-figure comparison; ratios equal to the 6 decimals the system reports. */
    private static final class Check {
        int compared;
        final List<String> mismatches = new ArrayList<>();

        void equal(String what, long expected, long actual) {
            compared++;
            if (expected != actual) {
                mismatches.add(what + ": truth " + expected + ", system " + actual);
            }
        }

        void equal(String what, BigDecimal expected, BigDecimal actual) {
            compared++;
            if (expected.compareTo(actual) != 0) {
                mismatches.add(what + ": truth " + expected + ", system " + actual);
            }
        }

        void rate(String what, Optional<BigDecimal> expected, JsonNode actual) {
            compared++;
            boolean na = actual == null || actual.isTextual();
            if (expected.isEmpty() != na || expected.isPresent() && expected.get().compareTo(actual.decimalValue()) != 0) {
                mismatches.add(what + ": truth " + expected.map(BigDecimal::toPlainString).orElse("n/a") + ", system "
                        + (actual == null ? "missing" : actual.asText()));
            }
        }
    }

    private static RollRateMatrix.Column column(String label) {
        for (RollRateMatrix.Column c : RollRateMatrix.Column.values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown roll column " + label);
    }

    /** The row whose fields have the given values (pairs of name, value); an empty node when there is none. */
    private static JsonNode row(JsonNode rows, String... fieldsAndValues) {
        for (JsonNode r : rows) {
            boolean all = true;
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                JsonNode v = r.get(fieldsAndValues[i]);
                all &= v != null && v.asText().equals(fieldsAndValues[i + 1]);
            }
            if (all) {
                return r;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String plain(JsonNode money) {
        return money.decimalValue().toPlainString();
    }

    private static String pct(JsonNode ratio) {
        if (ratio == null || ratio.isMissingNode() || ratio.isTextual()) {
            return "n/a";
        }
        return ratio.decimalValue().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
