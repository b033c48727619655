package dev.loanwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.RegionCode;
import dev.loanwatch.domain.RepaymentMethod;
import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.domain.ApprovalFunnel;
import dev.loanwatch.simulator.book.Product;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;
import dev.loanwatch.simulator.output.BatchFiles;
import dev.loanwatch.simulator.output.FunnelTruth;
import dev.loanwatch.simulator.reference.ReferenceData;
import dev.loanwatch.simulator.reference.Region;
import dev.loanwatch.simulator.report.CalibrationReport;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
    static Simulation book;
    static CalibrationReport.Figures report;

    @BeforeAll
    static void simulate() {
        book = Simulation.run(Simulation.Config.of(12_000, 36, "baseline", 11));
        report = CalibrationReport.of(book);
    }

    @Test
    void sameSeedSameBytes(@TempDir Path dir) throws Exception {
        Simulation a = Simulation.run(Simulation.Config.of(800, 18, "epidemic", 3));
        Simulation b = Simulation.run(Simulation.Config.of(800, 18, "epidemic", 3));
        BatchFiles.write(a, dir.resolve("a"));
        BatchFiles.write(b, dir.resolve("b"));
        for (String f : List.of("borrowers.ndjson", "loans.ndjson", "payments.csv", "applications.ndjson", "truth.csv",
                "borrowers-truth.csv", "funnel-truth.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        Simulation other = Simulation.run(Simulation.Config.of(800, 18, "epidemic", 4));
        BatchFiles.write(other, dir.resolve("c"));
        assertNotEquals(Files.readString(dir.resolve("a/loans.ndjson")).replace("S3-", ""),
                Files.readString(dir.resolve("c/loans.ndjson")).replace("S4-", ""));
    }

    @Test
    void everyLoanHasItsApprovedApplicationReceivedBeforeIt() {
        Map<String, List<SimApplication>> byLoan = book.applications().stream().filter(a -> a.loan() != null)
                .collect(Collectors.groupingBy(a -> a.loan().id()));
        assertEquals(book.loans().size(), byLoan.size());
        for (SimLoan l : book.loans()) {
            List<SimApplication> apps = byLoan.get(l.id());
            assertEquals(1, apps.size(), l.id());
            SimApplication a = apps.get(0);
            LocalDate disbursed = l.terms().disbursementDate();
            assertEquals(SimApplication.Decision.APPROVED, a.decision());
            assertEquals(l.borrower(), a.borrower());
            assertTrue(!a.appliedOn().isAfter(a.decidedOn()) && !a.decidedOn().isAfter(disbursed), a.toString());
            assertTrue(a.appliedOn().isAfter(disbursed.minusDays(11)) || a.appliedOn().equals(book.config().start().atDay(1)), a.toString());
            assertTrue(a.amount().compareTo(l.terms().principal()) >= 0);
        }
    }

    @Test
    void theFunnelIsPlausibleAndEachRecordIsOneTheServiceAccepts() {
        FunnelTruth.Row all = FunnelTruth.total(book.applications());
        ApprovalFunnel f = all.funnel();
        assertBetween(f.approvalRateOfDecided(), 0.5, 0.7, "approval rate of decided");
        assertBetween(f.disbursementRate(), 0.9, 0.98, "disbursement rate");
        assertBetween(f.machineApprovalRate(), 0.4, 0.8, "machine approval rate");
        assertBetween(f.manualApprovalRate(), 0.5, 0.95, "manual approval rate");
        assertBetween(f.ruleHitRate(), 0.25, 0.55, "rule hit rate");
        assertBetween(f.modelRejectRate(), 0.15, 0.45, "model reject rate");
        assertBetween(f.deviationRate(), 0.003, 0.03, "deviation rate");
        assertTrue(all.cancelled() > 0 && all.pending() > 0 && all.pending() < 0.01 * all.applications(), all.toString());
        assertEquals(Set.of("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08"), all.rejectReasons().keySet());
        assertEquals(all.rejected(), all.rejectReasons().values().stream().mapToLong(Long::longValue).sum());
        LocalDate lastMonth = book.config().end().withDayOfMonth(1);
        for (SimApplication a : book.applications()) {
            boolean pending = a.decision() == SimApplication.Decision.PENDING;
            assertEquals(pending, a.decidedOn() == null, a.toString());
            assertTrue(!pending || !a.appliedOn().isBefore(lastMonth), "pending only at the end: " + a);
            assertEquals(a.decision() == SimApplication.Decision.REJECTED, a.rejectReason() != null, a.toString());
            assertTrue(!a.deviation() || a.decision() == SimApplication.Decision.APPROVED && a.route() == SimApplication.Route.MANUAL);
            assertTrue(!a.decided() || a.route() != null, a.toString());
            assertTrue(a.borrower() != null && (a.newApplicant() || book.borrowers().contains(a.borrower())));
        }
        // the cohorts add up to the whole
        List<FunnelTruth.Row> months = FunnelTruth.of(book.applications());
        assertEquals(all.applications(), months.stream().mapToLong(FunnelTruth.Row::applications).sum());
        assertEquals(all.disbursed(), months.stream().mapToLong(FunnelTruth.Row::disbursed).sum());
        assertEquals(book.loans().size(), all.disbursed());
    }

    @Test
    void theRecordsOfAnApplicationComeInDateOrderTheLinkAfterItsLoan(@TempDir Path dir) throws Exception {
        Simulation small = Simulation.run(Simulation.Config.of(600, 12, "baseline", 9));
        BatchFiles.write(small, dir);
        List<String> lines = Files.readAllLines(dir.resolve("applications.ndjson"));
        assertEquals(small.applicationRecords().size(), lines.size());
        Map<String, String> last = new java.util.HashMap<>();
        for (String line : lines) {
            JsonNode n = new ObjectMapper().readTree(line);
            String before = last.put(n.get("id").asText(), n.get("decision").asText());
            // received (PENDING), then decided, then linked: never back to PENDING
            assertTrue(before == null || !"PENDING".equals(n.get("decision").asText()), line);
            assertTrue(!n.has("loanId") || "APPROVED".equals(n.get("decision").asText()), line);
        }
        assertEquals(FunnelTruth.of(small.applications()), FunnelTruth.read(dir.resolve(FunnelTruth.FILE)), "the file reads back");
        long linked = lines.stream().filter(l -> l.contains("\"loanId\"")).count();
        assertEquals(small.loans().size(), linked);
    }

    static void assertBetween(java.util.Optional<BigDecimal> rate, double low, double high, String what) {
        double v = rate.orElseThrow().doubleValue();
        assertTrue(v >= low && v <= high, what + " " + v + " not within " + low + ".." + high);
    }

    @Test
    void everyGeneratedCodeIsValid() {
        Set<String> regions = ReferenceData.load().regions().stream().map(Region::code).collect(Collectors.toSet());
        for (SimBorrower b : book.borrowers()) {
            assertTrue(RegionCode.isValid(b.regionCode()) && regions.contains(b.regionCode()), b.regionCode());
            if (b.enterprise()) {
                assertTrue(UnifiedSocialCreditCode.isValid(b.identityNumber()), b.identityNumber());
                assertTrue(IndustryCode.isValid(b.industryClass()), b.industryClass());
                if (b.reportedIndustryCode() != null) {
                    assertTrue(IndustryCode.isValid(b.reportedIndustryCode()), b.reportedIndustryCode());
                }
                assertTrue(b.businessScope().length() > 10);
            } else {
                assertTrue(ResidentIdNumber.isValid(b.identityNumber()), b.identityNumber());
            }
        }
    }

    @Test
    void distributionsWithinTheirRanges() {
        double enterprises = book.borrowers().stream().filter(SimBorrower::enterprise).count() / (double) book.borrowers().size();
        assertTrue(enterprises > 0.42 && enterprises < 0.48, "enterprise share " + enterprises);
        double perBorrower = book.loans().size() / (double) book.borrowers().size();
        assertTrue(perBorrower > 1.1 && perBorrower < 1.3, "loans per borrower " + perBorrower);
        long missing = book.borrowers().stream().filter(b -> b.enterprise() && b.reportedIndustryCode() == null).count();
        long wrong = book.borrowers().stream().filter(b -> b.enterprise() && b.reportedIndustryCode() != null
                && !b.industryClass().startsWith(b.reportedIndustryCode())).count();
        assertTrue(missing > 0.08 * enterprises * book.borrowers().size() && wrong > 0.03 * enterprises * book.borrowers().size());
        for (SimLoan l : book.loans()) {
            BigDecimal p = l.terms().principal();
            BigDecimal rate = l.terms().annualRate();
            assertTrue(p.signum() > 0 && p.scale() == 2);
            assertTrue(rate.compareTo(new BigDecimal("0.36")) <= 0 && rate.signum() > 0);
            assertTrue(!l.terms().disbursementDate().isBefore(book.config().start().atDay(1))
                    && !l.terms().disbursementDate().isAfter(book.config().end()));
            switch (l.product()) {
                case SME -> {
                    assertTrue(l.borrower().enterprise() && l.terms().dueDay() == 20);
                    assertTrue(Set.of(12, 24, 36).contains(l.terms().termMonths()));
                    assertTrue(rate.doubleValue() >= 0.03 && rate.doubleValue() <= 0.12);
                }
                case CONSUMER -> {
                    assertTrue(!l.borrower().enterprise() && l.terms().method() == RepaymentMethod.EQUAL_INSTALLMENT);
                    assertTrue(rate.doubleValue() >= 0.06 && rate.doubleValue() <= 0.24 && p.doubleValue() >= 1000);
                }
                case MORTGAGE -> assertTrue(l.terms().termMonths() >= 120 && p.doubleValue() >= 100_000 && rate.doubleValue() <= 0.06);
            }
        }
        // vintages of many ages: loans disbursed in most months
        long months = book.loans().stream().map(l -> java.time.YearMonth.from(l.terms().disbursementDate())).distinct().count();
        assertTrue(months >= 30, "disbursement months " + months);
    }

    /** The targets for a book that looks real. */
    @Test
    void flowRatesLookLikeARealBook() {
        double c = report.flowRates().get(Bucket.C)[0];
        double m1 = report.flowRates().get(Bucket.M1)[0];
        double m3 = report.flowRates().get(Bucket.M3)[0];
        assertTrue(c >= 0.015 && c <= 0.05, "C→M1 " + c);
        assertTrue(m1 >= 0.20 && m1 <= 0.45, "M1→M2 " + m1);
        assertTrue(m3 >= 0.60 && m3 <= 0.90, "M3→M4 " + m3);
    }

    @Test
    void defaultRatesDifferByIndustryAndSizeAndMatchTheTruePd() {
        var bySection = report.defaultBySection();
        assertTrue(bySection.get("H").meanTruePd() > 1.3 * bySection.get("D").meanTruePd(), bySection.toString());
        var bySize = report.defaultBySize();
        assertTrue(bySize.get("MICRO").meanTruePd() > bySize.get("MEDIUM").meanTruePd());
        var product = report.defaultByProduct().get(Product.SME.code);
        // the simulator's own truth is calibrated: observed within ±35 % of the mean true PD on thousands of loan-months
        assertTrue(Math.abs(product.observed() - product.meanTruePd()) < 0.35 * product.meanTruePd(), product.toString());
        assertTrue(product.observed() > 0.01 && product.observed() < 0.08, product.toString());
    }

    @Test
    void epidemicHitsCateringAndTravel() {
        Simulation baseline = Simulation.run(Simulation.Config.of(12_000, 36, "baseline", 11));
        Simulation epidemic = Simulation.run(Simulation.Config.of(12_000, 36, "epidemic", 11));
        var shock = epidemic.config().scenario().shocks().get(0);
        var hit = CalibrationReport.shockEffectFor(epidemic, shock);
        var calm = CalibrationReport.shockEffectFor(baseline, shock);
        assertTrue(hit.loans() > 200, "segment size " + hit.loans());
        assertTrue(hit.monthlyDefaultInWindow() >= 2 * calm.monthlyDefaultInWindow(),
                "epidemic " + hit.monthlyDefaultInWindow() + " vs baseline " + calm.monthlyDefaultInWindow());
    }

    @Test
    void regionalShockShowsWithin48Hours() {
        Simulation shocked = Simulation.run(Simulation.Config.of(12_000, 36, "regional-shock", 11));
        CalibrationReport.ShockEffect e = CalibrationReport.of(shocked).shocks().get(0);
        assertTrue(e.loans() > 100, "segment size " + e.loans());
        assertTrue(e.overdueTwoDaysAfter() > e.overdueDayBefore() + 0.10,
                "DPD≥1 share " + e.overdueDayBefore() + " → " + e.overdueTwoDaysAfter());
        assertTrue(e.monthlyDefaultInWindow() > 2 * e.monthlyDefaultBefore());
    }

    @Test
    void realEstateDownturnHitsRealEstate() {
        Simulation down = Simulation.run(Simulation.Config.of(12_000, 36, "real-estate-downturn", 11));
        var shock = down.config().scenario().shocks().get(0);
        var hit = CalibrationReport.shockEffectFor(down, shock);
        var calm = CalibrationReport.shockEffectFor(book, shock);
        assertTrue(hit.monthlyDefaultInWindow() >= 2 * calm.monthlyDefaultInWindow(),
                hit.monthlyDefaultInWindow() + " vs " + calm.monthlyDefaultInWindow());
    }

    /** The collections hook: a desk that halves every cure delay makes fewer loans roll from M1 to M2. */
    @Test
    void collectionEffectHookChangesBehaviour() {
        var config = Simulation.Config.of(6_000, 24, "baseline", 13);
        double without = CalibrationReport.of(Simulation.run(config)).flowRates().get(Bucket.M1)[0];
        double with = CalibrationReport.of(Simulation.run(config, (loan, due, days) -> days / 2)).flowRates().get(Bucket.M1)[0];
        assertTrue(with < without, "M1→M2 " + without + " → " + with);
    }

    @Test
    void reportPrintsEverySection() {
        for (String title : List.of("== Book", "== Month ends", "== Flow rates", "== Roll-rate matrix", "== Vintage M3+",
                "== 12-month default rate")) {
            assertTrue(report.text().contains(title), title);
        }
        assertEquals(book.config().months(), report.overdueRate().size());
    }
}
