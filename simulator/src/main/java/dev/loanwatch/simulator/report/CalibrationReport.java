package dev.loanwatch.simulator.report;

import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.DelinquencyStatus;
import dev.loanwatch.domain.FlowRate;
import dev.loanwatch.domain.InstallmentBalance;
import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.domain.OverdueBalance;
import dev.loanwatch.domain.PaymentAllocation;
import dev.loanwatch.domain.PortfolioRatios;
import dev.loanwatch.domain.RollRateMatrix;
import dev.loanwatch.domain.Schedule;
import dev.loanwatch.domain.Vintage;
import dev.loanwatch.domain.ApprovalFunnel;
import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.output.FunnelTruth;
import dev.loanwatch.simulator.behaviour.LoanPath;
import dev.loanwatch.simulator.behaviour.SimPayment;
import dev.loanwatch.simulator.behaviour.Truth;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;
import dev.loanwatch.simulator.scenario.Shock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The book's statistics, computed with the domain core's own formulas (PortfolioRatios,
 * FlowRate, RollRateMatrix, Vintage, DelinquencyStatus) over the simulated month-end
 * snapshots, so anyone can see at a glance that the book looks real and that the scenario did
 * what it says. The numbers are also returned as data for tests.
 */
public final class CalibrationReport {

    /** Monthly default starts / exposure in a segment, inside and outside a shock's window. */
    public record ShockEffect(Shock shock, long loans, double monthlyDefaultInWindow, double monthlyDefaultBefore,
                              Double overdueDayBefore, Double overdueTwoDaysAfter) {
    }

    /** Observed 12-month default rate (DOMAIN §6 label: M3+ within 12 months) and the mean true PD. */
    public record DefaultRate(long observations, double observed, double meanTruePd) {
    }

    public record Figures(Map<LocalDate, Optional<BigDecimal>> overdueRate, Map<LocalDate, Optional<BigDecimal>> nplRatio,
                          Map<Bucket, double[]> flowRates, Map<String, DefaultRate> defaultBySection,
                          Map<String, DefaultRate> defaultBySize, Map<String, DefaultRate> defaultByProduct,
                          List<ShockEffect> shocks, Vintage.Table vintageM3, String text) {
    }

    private CalibrationReport() {
    }

    public static Figures of(Simulation sim) {
        StringBuilder out = new StringBuilder();
        var cfg = sim.config();
        Map<LocalDate, List<LoanSnapshot>> months = sim.snapshotsByMonthEnd();
        List<LocalDate> dates = new ArrayList<>(months.keySet());

        long enterprises = sim.borrowers().stream().filter(SimBorrower::enterprise).count();
        out.append(String.format("== Book: scenario %s, seed %d, %s..%s (%d months)%n", cfg.scenario().name(), cfg.seed(),
                cfg.start(), YearMonth.from(cfg.end()), cfg.months()));
        out.append(String.format("borrowers %d (enterprises %d, individuals %d), loans %d, payments %d%n",
                sim.borrowers().size(), enterprises, sim.borrowers().size() - enterprises, sim.loans().size(),
                sim.paths().stream().mapToLong(p -> p.payments().size()).sum()));
        out.append("loans by product: ").append(count(sim.loans(), l -> l.product().code)).append('\n');
        out.append("enterprise sizes: ").append(count(sim.borrowers().stream().filter(SimBorrower::enterprise).toList(), SimBorrower::size)).append('\n');
        out.append("industry code in the lender's file: ").append(count(sim.borrowers().stream().filter(SimBorrower::enterprise).toList(),
                b -> b.reportedIndustryCode() == null ? "missing" : b.industryClass().startsWith(b.reportedIndustryCode())
                        ? (b.reportedIndustryCode().length() == 5 ? "class" : "division") : "wrong")).append('\n');

        FunnelTruth.Row all = FunnelTruth.total(sim.applications());
        ApprovalFunnel funnel = all.funnel();
        out.append(String.format("applications %d (approved %d, rejected %d, cancelled %d, pending at the end %d; %d from applicants "
                        + "who never had a loan): approval %s of applications, %s of decided; disbursement %s; machine approval %s; "
                        + "manual approval %s; rule hits %s; model rejects %s of scored; deviation %s%n",
                all.applications(), all.approved(), all.rejected(), all.cancelled(), all.pending(),
                sim.applications().stream().filter(SimApplication::newApplicant).count(),
                pct(funnel.approvalRateOfApplications()), pct(funnel.approvalRateOfDecided()), pct(funnel.disbursementRate()),
                pct(funnel.machineApprovalRate()), pct(funnel.manualApprovalRate()), pct(funnel.ruleHitRate()),
                pct(funnel.modelRejectRate()), pct(funnel.deviationRate())));
        out.append("reject reasons: ").append(all.rejectReasons()).append("; risk grades: ").append(all.riskGrades()).append('\n');

        out.append(String.format("%n== Month ends (balance = outstanding principal; overdue = whole balance of loans with DPD ≥ 1)%n"));
        out.append(String.format("%-10s %8s %18s %9s %9s %9s %9s%n", "month end", "loans", "balance", "overdue", "M2+", "M4+", "NPL"));
        Map<LocalDate, Optional<BigDecimal>> overdue = new TreeMap<>();
        Map<LocalDate, Optional<BigDecimal>> npl = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            List<LoanSnapshot> book = months.get(d);
            overdue.put(d, PortfolioRatios.overdueRate(book));
            npl.put(d, PortfolioRatios.nplRatio(book));
            if (i % 3 == 2 || i == dates.size() - 1) {
                out.append(String.format("%-10s %8d %18s %9s %9s %9s %9s%n", d, book.size(), PortfolioRatios.totalBalance(book).toPlainString(),
                        pct(overdue.get(d)), pct(PortfolioRatios.overdueRate(book, OverdueBalance.WHOLE_LOAN, PortfolioRatios.DPD_31_PLUS)),
                        pct(PortfolioRatios.overdueRate(book, OverdueBalance.WHOLE_LOAN, PortfolioRatios.DPD_91_PLUS)), pct(npl.get(d))));
            }
        }

        out.append(String.format("%n== Flow rates by balance, month to month (mean, min–max over %d month pairs)%n", Math.max(0, dates.size() - 1)));
        Map<Bucket, List<Double>> flows = new EnumMap<>(Bucket.class);
        Map<Bucket, Map<RollRateMatrix.Column, long[]>> roll = new EnumMap<>(Bucket.class);
        for (int i = 1; i < dates.size(); i++) {
            List<LoanSnapshot> prev = months.get(dates.get(i - 1));
            List<LoanSnapshot> cur = months.get(dates.get(i));
            FlowRate.byBalance(prev, cur).forEach((b, r) -> flows.computeIfAbsent(b, k -> new ArrayList<>()).add(r.doubleValue()));
            RollRateMatrix m = RollRateMatrix.of(prev, cur, java.util.Set.of());
            for (Bucket from : Bucket.values()) {
                for (RollRateMatrix.Column to : RollRateMatrix.Column.values()) {
                    long c = m.cell(from, to).count();
                    roll.computeIfAbsent(from, k -> new EnumMap<>(RollRateMatrix.Column.class)).computeIfAbsent(to, k -> new long[1])[0] += c;
                }
            }
        }
        Map<Bucket, double[]> flowSummary = new EnumMap<>(Bucket.class);
        for (Map.Entry<Bucket, List<Double>> e : flows.entrySet()) {
            if (e.getKey().ordinal() >= Bucket.values().length - 1) {
                continue;
            }
            double[] s = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = java.util.Arrays.stream(s).average().orElse(Double.NaN);
            flowSummary.put(e.getKey(), new double[]{mean, s[0], s[s.length - 1]});
            out.append(String.format(Locale.ROOT, "  %-3s → %-3s %7.2f %%   (%.2f–%.2f %%)%n", e.getKey().label(),
                    Bucket.values()[e.getKey().ordinal() + 1].label(), 100 * mean, 100 * s[0], 100 * s[s.length - 1]));
        }

        out.append(String.format("%n== Roll-rate matrix (accounts, all month pairs pooled; row = bucket at t−1, share of the row)%n"));
        out.append(String.format("%-5s", "from"));
        for (RollRateMatrix.Column c : RollRateMatrix.Column.values()) {
            out.append(String.format(" %8s", c == RollRateMatrix.Column.M7_PLUS ? "M7+" : c.name().length() > 8 ? c.name().substring(0, 8) : c.name()));
        }
        out.append('\n');
        for (Bucket from : Bucket.values()) {
            Map<RollRateMatrix.Column, long[]> row = roll.getOrDefault(from, Map.of());
            long total = row.values().stream().mapToLong(a -> a[0]).sum();
            out.append(String.format("%-5s", from.label()));
            for (RollRateMatrix.Column c : RollRateMatrix.Column.values()) {
                long v = row.getOrDefault(c, new long[1])[0];
                out.append(String.format(Locale.ROOT, " %8s", total == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * v / total)));
            }
            out.append(String.format("   (%d)%n", total));
        }

        List<LoanSnapshot> history = new ArrayList<>();
        months.values().forEach(history::addAll);
        Vintage.Table vintage = Vintage.of(history, Bucket.M3);
        out.append(String.format("%n== Vintage M3+ (balance in M3+ / disbursed principal), every third cohort%n"));
        int[] mobs = {3, 6, 9, 12, 18, 24, 30};
        out.append(String.format("%-8s %7s", "cohort", "loans"));
        for (int k : mobs) {
            out.append(String.format(" %7s", "MOB" + k));
        }
        out.append('\n');
        for (int i = 0; i < vintage.cohorts().size(); i += 3) {
            Vintage.Cohort c = vintage.cohorts().get(i);
            out.append(String.format("%-8s %7d", c.month(), c.loans()));
            for (int k : mobs) {
                out.append(String.format(" %7s", c.at(k).map(p -> pct(Optional.ofNullable(p.balanceRate()))).orElse("")));
            }
            out.append('\n');
        }

        List<Truth> truth = sim.truth();
        Map<String, SimLoan> loansById = new HashMap<>();
        sim.loans().forEach(l -> loansById.put(l.id(), l));
        Map<String, DefaultRate> bySection = defaultRates(truth, t -> {
            String c = loansById.get(t.loanId()).borrower().industryClass();
            return c == null ? "individual" : c.substring(0, 1);
        });
        Map<String, DefaultRate> bySize = defaultRates(truth, t -> loansById.get(t.loanId()).borrower().size());
        Map<String, DefaultRate> byProduct = defaultRates(truth, t -> loansById.get(t.loanId()).product().code);
        out.append(String.format("%n== 12-month default rate (DPD > 90 within 12 months of a month end, loans not yet M3+; uncensored)%n"));
        appendRates(out, "product", byProduct);
        appendRates(out, "size", bySize);
        appendRates(out, "industry section", bySection);

        List<ShockEffect> effects = new ArrayList<>();
        if (!cfg.scenario().shocks().isEmpty()) {
            out.append(String.format("%n== Scenario shocks (monthly default starts / loans paying, in the window vs the 6 months before)%n"));
        }
        for (Shock s : cfg.scenario().shocks()) {
            ShockEffect e = shockEffect(sim, s);
            effects.add(e);
            out.append(String.format(Locale.ROOT, "  %s: %d loans; %.3f %% a month in %s..%s vs %.3f %% before (×%.1f)%n", s.name(), e.loans(),
                    100 * e.monthlyDefaultInWindow(), s.from(), s.to(), 100 * e.monthlyDefaultBefore(),
                    e.monthlyDefaultBefore() == 0 ? Double.NaN : e.monthlyDefaultInWindow() / e.monthlyDefaultBefore()));
            if (s.missProbability() > 0 && e.overdueDayBefore() != null) {
                out.append(String.format(Locale.ROOT, "    share of the segment's open loans with DPD ≥ 1: %.2f %% on %s, %.2f %% on %s (48 hours later)%n",
                        100 * e.overdueDayBefore(), s.from().minusDays(1), 100 * e.overdueTwoDaysAfter(), s.from().plusDays(1)));
            }
        }
        Map<Bucket, double[]> flowsOut = flowSummary;
        return new Figures(overdue, npl, flowsOut, bySection, bySize, byProduct, effects, vintage, out.toString());
    }

    private static Map<String, DefaultRate> defaultRates(List<Truth> truth, Function<Truth, String> key) {
        Map<String, double[]> acc = new TreeMap<>();
        for (Truth t : truth) {
            if (t.censored()) {
                continue;
            }
            double[] a = acc.computeIfAbsent(key.apply(t), k -> new double[3]);
            a[0]++;
            a[1] += t.defaulted() ? 1 : 0;
            a[2] += t.truePd();
        }
        Map<String, DefaultRate> out = new TreeMap<>();
        acc.forEach((k, a) -> out.put(k, new DefaultRate((long) a[0], a[1] / a[0], a[2] / a[0])));
        return out;
    }

    private static void appendRates(StringBuilder out, String title, Map<String, DefaultRate> rates) {
        out.append("  by ").append(title).append(":\n");
        rates.forEach((k, r) -> out.append(String.format(Locale.ROOT, "    %-22s observed %6.2f %%   mean true PD %6.2f %%   (%d loan-months)%n",
                k, 100 * r.observed(), 100 * r.meanTruePd(), r.observations())));
    }

    /** The effect of a shock's segment and window measured on any simulation (e.g. a baseline with the same seed). */
    public static ShockEffect shockEffectFor(Simulation sim, Shock s) {
        return shockEffect(sim, s);
    }

    /** Default starts per month among the segment's loans still paying, in the shock window vs the six months before it. */
    static ShockEffect shockEffect(Simulation sim, Shock s) {
        long loans = 0;
        double[] in = new double[2];
        double[] before = new double[2];
        LocalDate beforeFrom = s.from().minusMonths(6);
        List<LoanPath.Result> segment = new ArrayList<>();
        for (LoanPath.Result r : sim.paths()) {
            SimLoan l = r.loan();
            if (!s.covers(l.borrower().industryClass(), l.borrower().regionCode(), l.borrower().size(), l.product().code)) {
                continue;
            }
            loans++;
            segment.add(r);
            LocalDate disbursed = l.terms().disbursementDate();
            LocalDate last = r.settled() && !r.payments().isEmpty() ? r.payments().get(r.payments().size() - 1).valueDate() : sim.config().end();
            for (YearMonth m = YearMonth.from(beforeFrom); !m.isAfter(YearMonth.from(s.to())); m = m.plusMonths(1)) {
                LocalDate monthStart = m.atDay(1);
                if (disbursed.isAfter(m.atEndOfMonth()) || last.isBefore(monthStart)
                        || (r.defaultDate() != null && r.defaultDate().isBefore(monthStart))) {
                    continue;
                }
                boolean inWindow = !m.isBefore(YearMonth.from(s.from()));
                double[] acc = inWindow ? in : before;
                acc[0]++;
                if (r.defaultDate() != null && YearMonth.from(r.defaultDate()).equals(m)) {
                    acc[1]++;
                }
            }
        }
        Double dayBefore = null;
        Double twoDaysAfter = null;
        if (s.missProbability() > 0) {
            dayBefore = overdueShare(segment, s.from().minusDays(1));
            twoDaysAfter = overdueShare(segment, s.from().plusDays(1));
        }
        return new ShockEffect(s, loans, in[0] == 0 ? 0 : in[1] / in[0], before[0] == 0 ? 0 : before[1] / before[0],
                dayBefore, twoDaysAfter);
    }

    /** Share of the segment's open loans past due at the end of {@code day}: the status as ingestion would give it. */
    static double overdueShare(List<LoanPath.Result> segment, LocalDate day) {
        long open = 0;
        long overdue = 0;
        for (LoanPath.Result r : segment) {
            SimLoan l = r.loan();
            if (l.terms().disbursementDate().isAfter(day)) {
                continue;
            }
            List<InstallmentBalance> balances = new ArrayList<>();
            Schedule.generate(l.terms()).forEach(i -> balances.add(InstallmentBalance.unpaid(i)));
            for (SimPayment p : r.payments()) {
                if (p.valueDate().isAfter(day)) {
                    break;
                }
                PaymentAllocation.allocate(balances, p.amount()).lines().forEach(line ->
                        balances.set(line.installment() - 1, balances.get(line.installment() - 1).plus(line)));
            }
            if (balances.stream().allMatch(InstallmentBalance::isSettled)) {
                continue;
            }
            open++;
            if (DelinquencyStatus.dpd(day, balances, BigDecimal.ZERO) > 0) {
                overdue++;
            }
        }
        return open == 0 ? 0 : (double) overdue / open;
    }

    private static <T> String count(List<T> items, Function<T, String> key) {
        Map<String, Long> m = new TreeMap<>();
        for (T t : items) {
            m.merge(key.apply(t), 1L, Long::sum);
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v)
                .append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * v / items.size())));
        return sb.toString();
    }

    private static String pct(Optional<BigDecimal> r) {
        return r.map(v -> v.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%").orElse("–");
    }
}
