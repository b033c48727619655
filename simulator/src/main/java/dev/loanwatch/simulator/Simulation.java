package dev.loanwatch.simulator;

import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.simulator.behaviour.CollectionEffect;
import dev.loanwatch.simulator.behaviour.LoanPath;
import dev.loanwatch.simulator.behaviour.RiskFactors;
import dev.loanwatch.simulator.behaviour.SimPayment;
import dev.loanwatch.simulator.behaviour.Truth;
import dev.loanwatch.simulator.book.ApplicationGenerator;
import dev.loanwatch.simulator.book.BookGenerator;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;
import dev.loanwatch.simulator.reference.ReferenceData;
import dev.loanwatch.simulator.scenario.Scenario;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated loan book: borrowers, loans, payments, the month-end snapshots the domain core
 * computes for them, the applications (进件) behind the loans and those that led to none, with the
 * applicants who are not borrowers of the book, and the ground truth. Deterministic for a seed
 * (same seed, same book, same bytes), whatever the number of threads.
 */
public record Simulation(Config config, List<SimBorrower> borrowers, List<SimLoan> loans, List<LoanPath.Result> paths,
                         List<SimApplication> applications, List<SimBorrower> applicants) {

    /** What to simulate. {@code idPrefix} keeps ids of different runs apart in one system. */
    public record Config(int borrowers, int months, YearMonth start, long seed, Scenario scenario, String idPrefix) {
        public Config {
            if (borrowers < 1 || months < 1) {
                throw new IllegalArgumentException("borrowers and months must be positive");
            }
        }

        public static Config of(int borrowers, int months, String scenario, long seed) {
            return new Config(borrowers, months, YearMonth.of(2023, 1), seed, Scenario.load(scenario), "S" + seed);
        }

        public LocalDate end() {
            return start.plusMonths(months - 1L).atEndOfMonth();
        }
    }

    public static Simulation run(Config config) {
        return run(config, CollectionEffect.NONE);
    }

    /** With a model of what collections do to late borrowers (see {@link CollectionEffect}). */
    public static Simulation run(Config config, CollectionEffect collections) {
        ReferenceData reference = ReferenceData.load();
        BookGenerator generator = new BookGenerator(reference, config.seed(), config.idPrefix(), config.start(), config.months());
        List<SimBorrower> borrowers = generator.borrowers(config.borrowers());
        List<SimLoan> loans = generator.loans(borrowers);
        RiskFactors factors = new RiskFactors(config.seed(), config.start(), config.months(), config.scenario());
        List<LoanPath.Result> paths = loans.parallelStream()
                .map(l -> LoanPath.simulate(l, config.seed(), config.start(), config.months(), factors, config.scenario(), collections))
                .toList();
        ApplicationGenerator.Result applications = new ApplicationGenerator(generator, config.seed(), config.idPrefix(),
                config.start(), config.months()).applications(borrowers, loans);
        return new Simulation(config, borrowers, loans, paths, applications.applications(), applications.applicants());
    }

    /** Every borrower the lender's files carry: the book's and the applicants who never had a loan. */
    public List<SimBorrower> allBorrowers() {
        List<SimBorrower> all = new ArrayList<>(borrowers);
        all.addAll(applicants);
        return all;
    }

    /** Every application record a lender sends (received, decided, linked to its loan), in date order. */
    public List<SimApplication.Revision> applicationRecords() {
        List<SimApplication.Revision> all = new ArrayList<>();
        for (SimApplication a : applications) {
            all.addAll(a.revisions());
        }
        // on a day, the records that link a loan come after the others (the loan is loaded between them)
        all.sort(Comparator.comparing(SimApplication.Revision::on).thenComparing(SimApplication.Revision::linked)
                .thenComparing(r -> r.application().index()));
        return all;
    }

    /** Every payment, in value-date order (then loan, then payment id): the order a lender would send them. */
    public List<SimPayment> paymentsInDateOrder() {
        List<SimPayment> all = new ArrayList<>();
        for (LoanPath.Result r : paths) {
            all.addAll(r.payments());
        }
        all.sort(Comparator.comparing(SimPayment::valueDate).thenComparing(SimPayment::loanId).thenComparing(SimPayment::id));
        return all;
    }

    /** Month end → the snapshots of every loan on book then. */
    public Map<LocalDate, List<LoanSnapshot>> snapshotsByMonthEnd() {
        Map<LocalDate, List<LoanSnapshot>> out = new TreeMap<>();
        for (LoanPath.Result r : paths) {
            for (LoanSnapshot s : r.snapshots()) {
                out.computeIfAbsent(s.snapshotDate(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    public List<Truth> truth() {
        List<Truth> out = new ArrayList<>();
        for (LoanPath.Result r : paths) {
            out.addAll(r.truth());
        }
        return out;
    }
}
