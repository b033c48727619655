package dev.loanwatch.simulator.behaviour;

import dev.loanwatch.domain.Allocation;
import dev.loanwatch.domain.AllocationLine;
import dev.loanwatch.domain.DelinquencyStatus;
import dev.loanwatch.domain.FiveTierClassification;
import dev.loanwatch.domain.FiveTierPolicy;
import dev.loanwatch.domain.Installment;
import dev.loanwatch.domain.InstallmentBalance;
import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.domain.PaymentAllocation;
import dev.loanwatch.domain.Schedule;
import dev.loanwatch.simulator.book.BookGenerator;
import dev.loanwatch.simulator.book.SimLoan;
import dev.loanwatch.simulator.scenario.Scenario;
import dev.loanwatch.simulator.scenario.Shock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One loan's life, installment by installment, in date order. At each due date the borrower,
 * if still paying, draws one outcome from its hazard h (logistic in its own risk, the product,
 * the macro/industry/province factors and any scenario shock): stops paying for good (h),
 * misses and cures after some days (16h), pays part now and the rest within weeks (3h), pays
 * everything off early (the product's prepayment rate) or pays on time. Payments are allocated
 * and month-end statuses computed with the domain core itself, so the snapshots mean what the
 * system would say. Calibration targets (DOMAIN/issue): C→M1 2–5 % a month, M1→M2 20–40 %,
 * M3→M4 60–90 %.
 */
public final class LoanPath {
    static final double LATE = 16.0;
    static final double PARTIAL = 3.0;
    /** Share of shock-missed installments that turn into a default rather than a late payment. */
    static final double SHOCK_DEFAULT_SHARE = 0.3;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record Result(SimLoan loan, List<SimPayment> payments, List<LoanSnapshot> snapshots, List<Truth> truth,
                         LocalDate defaultDate, boolean settled) {
    }

    private final SimLoan loan;
    private final SplittableRandom random;
    private final LocalDate horizonEnd;
    private final List<InstallmentBalance> balances = new ArrayList<>();
    private final List<SimPayment> payments = new ArrayList<>();
    private final List<LoanSnapshot> snapshots = new ArrayList<>();
    private final double[] defaultProbability;
    private BigDecimal outstanding;
    private int firstUnsettled;
    private LocalDate nextMonthEnd;
    private LocalDate lastEvent;
    private LocalDate defaultDate;
    private boolean settled;

    private LoanPath(SimLoan loan, long seed, YearMonth start, int months) {
        this.loan = loan;
        this.random = BookGenerator.stream(seed, 4, loan.index());
        this.horizonEnd = start.plusMonths(months - 1L).atEndOfMonth();
        List<Installment> schedule = Schedule.generate(loan.terms());
        for (Installment i : schedule) {
            balances.add(InstallmentBalance.unpaid(i));
        }
        this.defaultProbability = new double[schedule.size()];
        this.outstanding = loan.terms().principal();
        this.nextMonthEnd = YearMonth.from(loan.terms().disbursementDate()).atEndOfMonth();
        this.lastEvent = loan.terms().disbursementDate();
    }

    public static Result simulate(SimLoan loan, long seed, YearMonth start, int months, RiskFactors factors, Scenario scenario,
                                  CollectionEffect collections) {
        LoanPath p = new LoanPath(loan, seed, start, months);
        p.run(factors, scenario, collections);
        return new Result(loan, p.payments, p.snapshots, p.truth(), p.defaultDate, p.settled);
    }

    private void run(RiskFactors factors, Scenario scenario, CollectionEffect collections) {
        String section = loan.borrower().industryClass() == null ? null : loan.borrower().industryClass().substring(0, 1);
        String province = loan.borrower().regionCode().substring(0, 2);
        LocalDate truthEnd = horizonEnd.plusMonths(12);
        double[] hazard = new double[balances.size()];
        double[] miss = new double[balances.size()];
        for (int n = 0; n < balances.size(); n++) {
            LocalDate due = balances.get(n).dueDate();
            if (due.isAfter(truthEnd)) {
                break;
            }
            double logit = loan.product().baseLogit + loan.borrower().risk() + factors.shift(YearMonth.from(due), section, province);
            double h = 1 / (1 + Math.exp(-logit));
            double keep = 1;
            for (Shock s : scenario.shocks()) {
                if (s.active(due) && s.covers(loan.borrower().industryClass(), loan.borrower().regionCode(),
                        loan.borrower().size(), loan.product().code)) {
                    h *= s.hazardMultiplier();
                    keep *= 1 - s.missProbability();
                }
            }
            hazard[n] = Math.min(0.5, h);
            miss[n] = 1 - keep;
            defaultProbability[n] = hazard[n] + (1 - hazard[n]) * miss[n] * SHOCK_DEFAULT_SHARE;
        }

        LocalDate cure = null;
        for (int n = 0; n < balances.size() && !settled; n++) {
            LocalDate due = balances.get(n).dueDate();
            if (due.isAfter(horizonEnd)) {
                break;
            }
            if (cure != null && cure.isBefore(due)) {
                payArrears(cure);
                cure = null;
            }
            if (defaultDate != null) {
                continue;
            }
            double h = hazard[n];
            if (cure != null) {
                // still behind: this installment joins the arrears; the borrower may give up meanwhile
                if (random.nextDouble() < h) {
                    defaultDate = due;
                    cure = null;
                }
                continue;
            }
            double u = random.nextDouble();
            boolean shockMiss = random.nextDouble() < miss[n];
            if (u < h || (shockMiss && random.nextDouble() < SHOCK_DEFAULT_SHARE)) {
                defaultDate = due;
            } else if (shockMiss || u < h * (1 + LATE)) {
                cure = due.plusDays(Math.max(1, collections.cureDays(loan, due, cureDays())));
            } else if (u < h * (1 + LATE + PARTIAL)) {
                BigDecimal part = balances.get(n).unpaid().multiply(BigDecimal.valueOf(30 + random.nextInt(51)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                if (part.signum() > 0) {
                    pay(due, part);
                }
                cure = due.plusDays(5 + random.nextInt(21));
            } else if (u < h * (1 + LATE + PARTIAL) + loan.product().prepayMonthly) {
                pay(due, unpaid(balances.size()));
            } else {
                int early = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(3);
                LocalDate valueDate = due.minusDays(early);
                if (!valueDate.isAfter(lastEvent)) {
                    valueDate = due;
                }
                pay(valueDate, dueUpTo(due));
            }
        }
        if (cure != null && defaultDate == null && !settled && !cure.isAfter(horizonEnd)) {
            payArrears(cure);
        }
        advance(horizonEnd.plusDays(1));
    }

    /** Cure delay after a missed installment: most within a month, a few close to 90 days. */
    private int cureDays() {
        double u = random.nextDouble();
        if (u < 0.45) {
            return 1 + random.nextInt(10);
        }
        if (u < 0.75) {
            return 11 + random.nextInt(20);
        }
        if (u < 0.95) {
            return 31 + random.nextInt(30);
        }
        return 61 + random.nextInt(25);
    }

    private void payArrears(LocalDate date) {
        BigDecimal amount = dueUpTo(date);
        if (amount.signum() > 0) {
            pay(date, amount);
        }
    }

    /** Everything unpaid on installments due on or before {@code date}. */
    private BigDecimal dueUpTo(LocalDate date) {
        BigDecimal sum = ZERO;
        for (int i = firstUnsettled; i < balances.size() && !balances.get(i).dueDate().isAfter(date); i++) {
            sum = sum.add(balances.get(i).unpaid());
        }
        return sum;
    }

    private BigDecimal unpaid(int upTo) {
        BigDecimal sum = ZERO;
        for (int i = firstUnsettled; i < upTo; i++) {
            sum = sum.add(balances.get(i).unpaid());
        }
        return sum;
    }

    private void pay(LocalDate date, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return;
        }
        advance(date);
        // only the installments the amount can reach: allocation is oldest first, so the result is the same
        int end = firstUnsettled;
        BigDecimal covered = ZERO;
        while (end < balances.size() && covered.compareTo(amount) < 0) {
            covered = covered.add(balances.get(end).unpaid());
            end++;
        }
        Allocation a = PaymentAllocation.allocate(balances.subList(firstUnsettled, end), amount);
        for (AllocationLine line : a.lines()) {
            int i = line.installment() - 1;
            balances.set(i, balances.get(i).plus(line));
            outstanding = outstanding.subtract(line.principal());
        }
        while (firstUnsettled < balances.size() && balances.get(firstUnsettled).isSettled()) {
            firstUnsettled++;
        }
        payments.add(new SimPayment(loan.id() + "-P" + String.format("%03d", payments.size() + 1), loan.id(), date, amount));
        lastEvent = date;
        if (firstUnsettled == balances.size()) {
            settled = true;
        }
    }

    /** Takes the month-end snapshots strictly before {@code date} (a payment on a month end counts for it). */
    private void advance(LocalDate date) {
        while (nextMonthEnd.isBefore(date) && !nextMonthEnd.isAfter(horizonEnd)) {
            if (settled) {
                return;
            }
            snapshot(nextMonthEnd);
            nextMonthEnd = YearMonth.from(nextMonthEnd).plusMonths(1).atEndOfMonth();
        }
    }

    private void snapshot(LocalDate monthEnd) {
        List<InstallmentBalance> owedByThen = new ArrayList<>();
        for (int i = firstUnsettled; i < balances.size() && !balances.get(i).dueDate().isAfter(monthEnd); i++) {
            owedByThen.add(balances.get(i));
        }
        DelinquencyStatus s = DelinquencyStatus.of(monthEnd, owedByThen);
        var grade = FiveTierClassification.classify(FiveTierPolicy.COMMERCIAL_BANK_2023, s.dpd(), false, null, null);
        snapshots.add(new LoanSnapshot(loan.id(), monthEnd, loan.terms().disbursementDate(), loan.terms().principal(),
                outstanding, s.overduePrincipal(), s.dpd(), s.bucket(), grade, loan.borrower().labels()));
    }

    /** True 12-month PD and realised outcome at each month end where the loan was not yet M3+ (DPD ≤ 90). */
    private List<Truth> truth() {
        List<Truth> out = new ArrayList<>(snapshots.size());
        for (LoanSnapshot s : snapshots) {
            if (s.dpd() > 90) {
                continue;
            }
            LocalDate me = s.snapshotDate();
            LocalDate windowEnd = me.plusMonths(12);
            double pd;
            if (defaultDate != null && !defaultDate.isAfter(me)) {
                pd = 1.0;
            } else {
                // a default must start by window end − 91 days to be M3+ (DPD > 90) inside the window
                LocalDate lastStart = windowEnd.minusDays(91);
                double survive = 1;
                for (int n = 0; n < balances.size(); n++) {
                    LocalDate due = balances.get(n).dueDate();
                    if (due.isAfter(me) && !due.isAfter(lastStart)) {
                        survive *= 1 - defaultProbability[n];
                    }
                }
                pd = 1 - survive;
            }
            boolean realised = defaultDate != null && defaultDate.plusDays(91).isAfter(me)
                    && !defaultDate.plusDays(91).isAfter(windowEnd);
            out.add(new Truth(loan.id(), me, pd, realised, windowEnd.isAfter(horizonEnd)));
        }
        return out;
    }
}
