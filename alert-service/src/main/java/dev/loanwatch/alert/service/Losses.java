package dev.loanwatch.alert.service;

import static dev.loanwatch.alert.model.Figures.rate;
import static dev.loanwatch.alert.model.Figures.yuan;
import static dev.loanwatch.alert.service.Portfolio.answer;
import static dev.loanwatch.alert.service.Portfolio.month;

import dev.loanwatch.alert.config.AnalyticsConfig;
import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.alert.repository.SegmentReader.Transition;
import dev.loanwatch.alert.repository.FactQueries;
import dev.loanwatch.alert.repository.FactQueries.CohortLoss;
import dev.loanwatch.alert.repository.FactQueries.EarlyCounts;
import dev.loanwatch.alert.repository.SegmentReader.EclGroup;
import dev.loanwatch.alert.repository.SegmentReader.GradeMove;
import dev.loanwatch.alert.repository.FactQueries.MonthAmounts;
import dev.loanwatch.alert.repository.Scope;
import dev.loanwatch.alert.repository.Sums;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.BookPd;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.EclStage;
import dev.loanwatch.domain.ExpectedCreditLoss;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.FiveTierMigration;
import dev.loanwatch.domain.FiveTierMigration.Movement;
import dev.loanwatch.domain.Ratio;
import dev.loanwatch.domain.RollRateMatrix.Column;
import dev.loanwatch.domain.WriteOffs;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Losses (write-off, recovery, Re, NCL), ECL by stage, five-tier migration, and FPD … QPD with malicious delinquency. */
@ApplicationScoped
public class Losses {
    /** How many months of the book's own roll rates the PD chain pools. */
    static final int PD_POOL_MONTHS = 12;

    private final SegmentReader reader;
    private final FactQueries facts;
    private final AnalyticsConfig config;

    public Losses(SegmentReader reader, FactQueries facts, AnalyticsConfig config) {
        this.reader = reader;
        this.facts = facts;
        this.config = config;
    }

    /** Per month: write-offs, WO%, recoveries, write-off balance, Re, NCL, new bad debt. */
    public Answer losses(View v, Months months) throws SQLException {
        int lag = config.writeOffLagMonths();
        LocalDate lagFrom = YearMonth.from(months.first()).minusMonths(lag).atEndOfMonth();
        Map<LocalDate, Sums> sums = reader.monthSums(v.scope(), lagFrom, months.last());
        Map<LocalDate, MonthAmounts> writeOffs = facts.writeOffs(v.c(), v.scope(), months.first(), months.last());
        Map<LocalDate, MonthAmounts> recoveries = facts.recoveries(v.c(), v.scope(), months.first(), months.last());
        Map<LocalDate, List<Transition>> transitions = Portfolio.byMonth(
                reader.transitions(v.scope(), months.first(), months.last()));
        long balanceBefore = facts.writeOffBalance(v.c(), v.scope(), YearMonth.from(months.first()).minusMonths(1).atEndOfMonth());
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate m : months.monthEnds()) {
            if (previous != null && !YearMonth.from(previous).plusMonths(1).equals(YearMonth.from(m))) {
                balanceBefore = facts.writeOffBalance(v.c(), v.scope(), YearMonth.from(m).minusMonths(1).atEndOfMonth());
            }
            MonthAmounts wo = writeOffs.getOrDefault(m, new MonthAmounts(0, 0, 0));
            MonthAmounts rec = recoveries.getOrDefault(m, new MonthAmounts(0, 0, 0));
            long balanceAfter = balanceBefore + wo.principal() - rec.principal();
            // principal repaid this month by loans that were bad (DPD ≥ 91) at its start and not written off in it
            long badRepaid = 0;
            for (Transition t : transitions.getOrDefault(m, List.of())) {
                if (t.fromBucket() >= Bucket.M4.code() && t.toColumn() != Column.WRITTEN_OFF.code()) {
                    badRepaid += Math.max(0, t.balPrev() - t.balCur());
                }
            }
            LocalDate origin = YearMonth.from(m).minusMonths(lag).atEndOfMonth();
            Optional<Long> receivable = v.closed().contains(origin)
                    ? Optional.of(sums.getOrDefault(origin, Sums.NONE).get("balance")) : Optional.empty();
            Map<String, Object> row = month(m);
            row.put("writtenOffLoans", wo.count());
            row.put("writtenOffPrincipal", yuan(wo.principal()));
            row.put("writtenOffInterest", yuan(wo.other()));
            row.put("writeOffRate", rate(receivable.flatMap(r -> WriteOffs.rate(yuan(wo.principal()), yuan(r)))));
            row.put("recoveredFromWrittenOff", yuan(rec.principal()));
            row.put("recoveredFromBad", yuan(badRepaid));
            row.put("recovery", yuan(rec.principal() + badRepaid));
            row.put("writeOffBalance", yuan(balanceAfter));
            row.put("reversal", WriteOffs.reversal(yuan(balanceBefore), yuan(wo.principal()), yuan(balanceAfter)));
            row.put("netCreditLoss", WriteOffs.netCreditLoss(yuan(wo.principal()), yuan(rec.principal())));
            Sums s = sums.getOrDefault(m, Sums.NONE);
            row.put("newBadDebt", yuan(s.get("bal_new_bad")));
            rows.add(row);
            balanceBefore = balanceAfter;
            previous = m;
        }
        return answer(v, "losses", Map.of(
                "writeOffRate", "WO%: principal written off (核销) in the month / total balance at the month end " + lag
                        + " months earlier, when the written-off loans' delinquency started (loanwatch.analytics.write-off-lag-months)",
                "recovery", "回收: principal received on written-off loans plus principal repaid by loans bad (DPD ≥ 91) at the month's start",
                "writeOffBalance", "呆账余额: principal written off so far less what was recovered of it",
                "reversal", "Re (回冲) = last month-end write-off balance + this month's write-offs − this month-end write-off balance",
                "netCreditLoss", "NCL = principal written off − principal recovered from written-off loans, in the month",
                "newBadDebt", "新增坏账: outstanding principal of loans at DPD ≥ 91 at the month end and not at the one before"),
                Map.of(), rows);
    }

    /** Cumulative WO% per cohort, with whether the cohort has matured (its observation window is over). */
    public Answer cohortLosses(View v, LocalDate asOf) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CohortLoss c : facts.cohortLosses(v.c(), v.scope())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cohort", YearMonth.from(c.cohort()).toString());
            row.put("loans", c.loans());
            row.put("disbursed", yuan(c.disbursed()));
            row.put("writtenOff", yuan(c.writtenOff()));
            row.put("cumulativeWriteOffRate", rate(WriteOffs.rate(yuan(c.writtenOff()), yuan(c.disbursed()))));
            row.put("matured", c.lastDue() != null && !c.lastDue().isAfter(asOf));
            rows.add(row);
        }
        return answer(v, "cohort-losses", Map.of(
                "cumulativeWriteOffRate", "累计WO%: principal of the cohort written off so far / its disbursed principal; "
                        + "compare only matured cohorts (every loan past its last due date at " + asOf + ")"), Map.of(), rows);
    }

    /**
     * ECL by stage at a month end: EAD = outstanding principal × the product's EAD factor, LGD per
     * product, PD from the book's own pooled bucket transitions (no scoring model publishes PDs yet).
     */
    public Answer ecl(View v, LocalDate monthEnd) throws SQLException {
        // the PD chain: the whole book's last 12 months of roll rates (a segment's own are often too thin)
        Scope wholeBook = reader.resolve(Segment.WHOLE_BOOK);
        LocalDate poolFrom = YearMonth.from(monthEnd).minusMonths(PD_POOL_MONTHS - 1).atEndOfMonth();
        Optional<BookPd> chain = BookPd.of(Portfolio.monthly(reader.transitions(wholeBook, poolFrom, monthEnd)));
        Map<EclStage, long[]> loansAndBalance = new EnumMap<>(EclStage.class);
        Map<EclStage, BigDecimal[]> eadAndEcl = new EnumMap<>(EclStage.class);
        for (EclStage st : EclStage.values()) {
            loansAndBalance.put(st, new long[2]);
            eadAndEcl.put(st, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        boolean complete = chain.isPresent();
        for (EclGroup g : reader.eclGroups(v.scope(), monthEnd)) {
            // significant increase in credit risk: a restructuring (forbearance); DPD > 30 makes it anyway
            EclStage stage = EclStage.of(g.dpd(), g.restructured());
            long[] lb = loansAndBalance.get(stage);
            lb[0] += g.loans();
            lb[1] += g.outstanding();
            BigDecimal ead = yuan(g.outstanding()).multiply(config.eadFactor().getOrDefault(g.product(), config.defaultEadFactor()));
            BigDecimal[] ee = eadAndEcl.get(stage);
            ee[0] = ee[0].add(ead);
            if (chain.isPresent()) {
                Bucket bucket = Bucket.ofCode(g.bucket());
                BigDecimal pd12 = chain.get().pd(bucket, Math.min(12, g.monthsLeft()));
                BigDecimal pdLife = chain.get().pd(bucket, g.monthsLeft());
                BigDecimal lgd = config.lgd().getOrDefault(g.product(), config.defaultLgd());
                ee[1] = ee[1].add(ExpectedCreditLoss.of(stage, pd12, pdLife.max(pd12), lgd, ead));
            }
        }
        Sums s = reader.monthSums(v.scope(), monthEnd, monthEnd).getOrDefault(monthEnd, Sums.NONE);
        long npl = Portfolio.nplBalance(s);
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (EclStage st : EclStage.values()) {
            BigDecimal ecl = eadAndEcl.get(st)[1].setScale(2, RoundingMode.HALF_UP);
            total = total.add(ecl);
            Map<String, Object> row = month(monthEnd);
            row.put("stage", st.name());
            row.put("loans", loansAndBalance.get(st)[0]);
            row.put("balance", yuan(loansAndBalance.get(st)[1]));
            row.put("ead", eadAndEcl.get(st)[0].setScale(2, RoundingMode.HALF_UP));
            row.put("ecl", complete ? ecl : dev.loanwatch.alert.model.Figures.NOT_AVAILABLE);
            row.put("coverage", complete ? rate(Ratio.of(ecl, yuan(loansAndBalance.get(st)[1]))) : rate(Optional.empty()));
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", YearMonth.from(monthEnd).toString());
        summary.put("pdSource", complete ? "BOOK_TRANSITIONS" : "NONE");
        summary.put("ecl", complete ? total : dev.loanwatch.alert.model.Figures.NOT_AVAILABLE);
        summary.put("provisionRatio", complete ? rate(Ratio.of(total, yuan(s.get("balance")))) : rate(Optional.empty()));
        summary.put("provisionCoverage", complete ? rate(Ratio.of(total, yuan(npl))) : rate(Optional.empty()));
        return answer(v, "ecl", Map.of(
                "pd", complete ? "PD from the whole book's pooled month-to-month roll rates of the " + PD_POOL_MONTHS
                        + " months to " + YearMonth.from(monthEnd) + " (Markov chain, M4+ = default): no scoring model yet"
                        : "n/a: the book's roll rates do not cover every bucket C … M3 yet, so no PD can be derived",
                "stage", "stage 1: DPD ≤ 30 and not restructured, 12-month PD; stage 2: DPD 31–90 or restructured "
                        + "(significant increase in credit risk), lifetime PD; stage 3: DPD > 90, lifetime PD (= 1)",
                "ead", "outstanding principal × loanwatch.analytics.ead-factor of the product (default "
                        + config.defaultEadFactor() + ")",
                "lgd", "loanwatch.analytics.lgd of the product (default " + config.defaultLgd() + ")",
                "provisions", "provisions = the ECL; provisionRatio (拨贷比) = ECL / balance, provisionCoverage (拨备覆盖率) = ECL / NPL balance"),
                summary, rows);
    }

    /** The regulator's five-tier migration rates between two month ends (DOMAIN.md §4). */
    public Answer migration(View v, LocalDate start, LocalDate end) throws SQLException {
        List<Movement> movements = new ArrayList<>();
        Map<FiveTierGrade, long[]> opening = new EnumMap<>(FiveTierGrade.class);
        for (GradeMove m : reader.gradeMoves(v.scope(), start, end)) {
            FiveTierGrade from = FiveTierGrade.ofCode(m.startGrade());
            // one movement per (start, end) pair: its start balance is the retained part Σ min(start, end),
            // which is exactly what FiveTierMigration's denominator takes of each loan
            movements.add(new Movement(from, yuan(m.retained()),
                    Optional.ofNullable(m.endGrade()).map(FiveTierGrade::ofCode), yuan(m.endBalance())));
            long[] o = opening.computeIfAbsent(from, x -> new long[1]);
            o[0] += m.loans();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FiveTierGrade g : FiveTierGrade.values()) {
            if (g == FiveTierGrade.LOSS) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("grade", Portfolio.gradeName(g));
            row.put("openingLoans", opening.getOrDefault(g, new long[1])[0]);
            row.put("migrationRate", rate(FiveTierMigration.rate(g, movements)));
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", YearMonth.from(start).toString());
        summary.put("to", YearMonth.from(end).toString());
        summary.put("normalLoansMigrationRate", rate(FiveTierMigration.normalLoansRate(movements)));
        return answer(v, "migration", Map.of(
                "period", "from the month end " + YearMonth.from(start) + " to the month end " + YearMonth.from(end),
                "rate", "贷款迁徙率: balance at the end of loans graded G at the start and worse at the end / "
                        + "(their balance at the start − its decrease during the period)",
                "normalLoans", "正常贷款迁徙率: normal and special-mention loans at the start that are NPL at the end"),
                summary, rows);
    }

    /** FPD / SPD / TPD / QPD with parameter {@code days}, and malicious delinquency, as of a date. */
    public Answer early(View v, LocalDate asOf, int days, int following) throws SQLException {
        EarlyCounts counts = facts.early(v.c(), v.scope(), asOf, days, following);
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] names = {"FPD", "SPD", "TPD", "QPD"};
        for (int k = 0; k < 4; k++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", names[k] + days);
            row.put("installment", k + 1);
            row.put("loansCounted", counts.counted()[k]);
            row.put("loansBad", counts.bad()[k]);
            row.put("rate", rate(Ratio.of(counts.bad()[k], counts.counted()[k])));
            rows.add(row);
        }
        Map<String, Object> malicious = new LinkedHashMap<>();
        malicious.put("metric", "MALICIOUS");
        malicious.put("installment", following + 1);
        malicious.put("loansCounted", counts.judged());
        malicious.put("loansBad", counts.malicious());
        malicious.put("rate", rate(Ratio.of(counts.malicious(), counts.judged())));
        rows.add(malicious);
        return answer(v, "early-delinquency", Map.of(
                "asOf", asOf.toString(),
                "fpd", "FPDd … QPDd (首逾 … 首四逾): loans whose k-th installment went more than " + days
                        + " days overdue (the earlier ones not) / loans whose k-th installment is more than " + days + " days past due",
                "malicious", "恶意延滞: first installment and the " + following + " after it all due and never paid in full / loans "
                        + "whose first " + (following + 1) + " installments are due"), Map.of("asOf", asOf.toString(), "days", days), rows);
    }
}
