package dev.loanwatch.simulator.output;

import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.behaviour.SimPayment;
import dev.loanwatch.simulator.behaviour.Truth;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulation as files in ingestion's batch format — {@code borrowers.ndjson} (the book's
 * borrowers, then the applicants who never had a loan), {@code loans.ndjson}, {@code payments.csv}
 * (value-date order), {@code applications.ndjson} (every revision of every application in date order;
 * import it after the loans, whose ids its last revisions name) — and the ground truth apart, in
 * {@code truth.csv} (per loan and month), {@code borrowers-truth.csv} (per borrower: reported versus
 * true industry) and {@code funnel-truth.csv} (the approval funnel per month), which the system
 * itself never reads.
 */
public final class BatchFiles {
    private BatchFiles() {
    }

    public static void write(Simulation sim, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = writer(dir.resolve("borrowers.ndjson"))) {
            for (SimBorrower b : sim.allBorrowers()) {
                w.write(Records.json(Records.borrower(b)));
                w.write('\n');
            }
        }
        try (Writer w = writer(dir.resolve("loans.ndjson"))) {
            for (SimLoan l : sim.loans()) {
                w.write(Records.json(Records.loan(l)));
                w.write('\n');
            }
        }
        try (Writer w = writer(dir.resolve("payments.csv"))) {
            w.write(Records.PAYMENT_HEADER);
            w.write('\n');
            for (SimPayment p : sim.paymentsInDateOrder()) {
                w.write(Records.paymentCsv(p));
                w.write('\n');
            }
        }
        try (Writer w = writer(dir.resolve("applications.ndjson"))) {
            for (SimApplication.Revision r : sim.applicationRecords()) {
                w.write(Records.json(Records.application(r)));
                w.write('\n');
            }
        }
        writeTruth(sim, dir.resolve("truth.csv"));
        BorrowersTruth.write(sim.allBorrowers(), dir.resolve(BorrowersTruth.FILE));
        FunnelTruth.write(FunnelTruth.of(sim.applications()), dir.resolve(FunnelTruth.FILE));
    }

    private static void writeTruth(Simulation sim, Path file) throws IOException {
        Map<String, SimLoan> loans = new HashMap<>();
        for (SimLoan l : sim.loans()) {
            loans.put(l.id(), l);
        }
        List<Truth> truth = sim.truth();
        try (Writer w = writer(file)) {
            w.write("loanId,monthEnd,truePd12m,defaulted12m,censored,product,trueIndustryClass,size,regionCode\n");
            for (Truth t : truth) {
                SimLoan l = loans.get(t.loanId());
                w.write(String.format(Locale.ROOT, "%s,%s,%.6f,%d,%d,%s,%s,%s,%s\n", t.loanId(), t.monthEnd(), t.truePd(),
                        t.defaulted() ? 1 : 0, t.censored() ? 1 : 0, l.product().code,
                        l.borrower().industryClass() == null ? "" : l.borrower().industryClass(), l.borrower().size(),
                        l.borrower().regionCode()));
            }
        }
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }
}
