package dev.loanwatch.simulator.cli;

import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.drive.AnalyticsClient;
import dev.loanwatch.simulator.drive.IngestionDriver;
import dev.loanwatch.simulator.drive.TaggingClient;
import dev.loanwatch.simulator.output.BatchFiles;
import dev.loanwatch.simulator.output.BorrowersTruth;
import dev.loanwatch.simulator.report.AnalyticsReport;
import dev.loanwatch.simulator.report.CalibrationReport;
import dev.loanwatch.simulator.report.TagReport;
import dev.loanwatch.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * {@code simulate --borrowers 20000 --months 36 --scenario epidemic --seed 7 [--out DIR] [--drive URL]}
 * — generates a book, writes it as ingestion batch files (+ ground truth) and/or drives a running
 * system with it, and prints the calibration report.
 *
 * <p>{@code simulate --tag-report URL --out DIR [--await SECONDS]} — simulates nothing: reads the
 * {@code borrowers-truth.csv} of a book written to DIR, fetches every borrower's labels from the
 * tagging-service at URL (after waiting, up to SECONDS, until it has labelled them all) and prints
 * how its industries compare with the truth (also written to DIR/tag-report.txt).
 *
 * <p>{@code --analytics-report URL} (with the book's options, after {@code --drive} or alone for a
 * book loaded before — the same options and seed give the same book): prints alert-service's own
 * report of the book and checks it figure by figure against the truth (exit 1 on a difference).
 */
public final class Simulate {
    private Simulate() {
    }

    public static void main(String[] args) throws Exception {
        int borrowers = 20_000;
        int months = 36;
        String scenario = "baseline";
        long seed = 7;
        YearMonth start = YearMonth.of(2023, 1);
        Path out = null;
        String drive = null;
        String prefix = null;
        String tagReport = null;
        String analyticsReport = null;
        int awaitSeconds = 0;
        IngestionDriver.Closes closes = IngestionDriver.Closes.DAILY;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--borrowers" -> borrowers = Integer.parseInt(args[++i]);
                case "--months" -> months = Integer.parseInt(args[++i]);
                case "--scenario" -> scenario = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--start" -> start = YearMonth.parse(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--drive" -> drive = args[++i];
                case "--id-prefix" -> prefix = args[++i];
                case "--tag-report" -> tagReport = args[++i];
                case "--analytics-report" -> analyticsReport = args[++i];
                case "--await" -> awaitSeconds = Integer.parseInt(args[++i]);
                case "--closes" -> closes = IngestionDriver.Closes.valueOf(args[++i].toUpperCase(Locale.ROOT).replace('-', '_'));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (tagReport != null) {
            if (out == null) {
                System.err.println("--tag-report needs --out DIR, the folder with the book's " + BorrowersTruth.FILE);
                System.exit(2);
            }
            tagReport(tagReport, out, Duration.ofSeconds(awaitSeconds));
            return;
        }
        long t0 = System.nanoTime();
        Simulation.Config config = new Simulation.Config(borrowers, months, start, seed, Scenario.load(scenario),
                prefix != null ? prefix : "S" + seed);
        Simulation sim = Simulation.run(config);
        long generated = System.nanoTime();
        System.err.printf("generated %d borrowers, %d loans over %d months in %.1f s%n", sim.borrowers().size(),
                sim.loans().size(), months, (generated - t0) / 1e9);
        CalibrationReport.Figures report = CalibrationReport.of(sim);
        if (out != null) {
            BatchFiles.write(sim, out);
            Files.writeString(out.resolve("report.txt"), report.text(), StandardCharsets.UTF_8);
            System.err.printf("wrote %s (borrowers.ndjson, loans.ndjson, payments.csv, applications.ndjson, truth.csv, borrowers-truth.csv, funnel-truth.csv, report.txt)%n", out);
        }
        if (drive != null) {
            System.err.println("driving " + drive + " day by day (" + closes.name().toLowerCase(Locale.ROOT) + " closes)");
            new IngestionDriver(drive, System.err).drive(sim, closes);
        }
        if (analyticsReport != null) {
            // the system's report, not the simulator's (which stays in report.txt with --out)
            AnalyticsClient api = new AnalyticsClient(analyticsReport, System.err);
            if (!api.awaitMonths(sim.snapshotsByMonthEnd().size(), Duration.ofSeconds(awaitSeconds))) {
                System.err.println("alert-service did not count every month end within " + awaitSeconds + " s");
                System.exit(1);
            }
            AnalyticsReport system = AnalyticsReport.of(sim, api);
            System.out.print(system.text());
            if (out != null) {
                Files.writeString(out.resolve("analytics-report.txt"), system.text(), StandardCharsets.UTF_8);
            }
            if (!system.mismatches().isEmpty()) {
                System.exit(1);
            }
            return;
        }
        System.out.print(report.text());
    }

    private static void tagReport(String url, Path dir, Duration await) throws Exception {
        List<BorrowersTruth.Row> truth = BorrowersTruth.read(dir.resolve(BorrowersTruth.FILE));
        TaggingClient tagging = new TaggingClient(url, System.err);
        if (!await.isZero()) {
            System.err.printf("waiting up to %d s until %s has labelled the book's %d borrowers%n", await.toSeconds(), url, truth.size());
            tagging.awaitTagged(truth.size(), await);
        }
        long t0 = System.nanoTime();
        var tags = tagging.tags(truth.stream().map(BorrowersTruth.Row::borrowerId).toList(), 6);
        System.err.printf("fetched the labels of %d borrowers in %.1f s%n", tags.size(), (System.nanoTime() - t0) / 1e9);
        String text = "== Tagging (" + url + ") against " + BorrowersTruth.FILE + "\n" + TagReport.of(truth, tags).text();
        Files.writeString(dir.resolve("tag-report.txt"), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    private static void usage() {
        System.err.println("""
                simulate [options]
                  --borrowers N      borrowers (about 1.2 loans each; default 20000)
                  --months M         months simulated (default 36)
                  --start YYYY-MM    first month (default 2023-01; the shipped scenarios are dated for it)
                  --scenario S       baseline | epidemic | real-estate-downturn | regional-shock | path/to/scenario.json
                  --seed N           random seed (default 7): same seed, same book, same bytes
                  --out DIR          write borrowers.ndjson, loans.ndjson, payments.csv, truth.csv,
                                     borrowers-truth.csv, report.txt
                  --drive URL        load the book into a running ingestion-service, day by day, with its daily closes
                  --closes daily|month-ends   with --drive (default daily)
                  --id-prefix P      prefix of every id (default S<seed>)
                  --analytics-report URL   after loading (or alone, for a book loaded before): wait up to --await
                                     seconds until alert-service at URL has every month end, print the system's report
                                     and compare it figure by figure with the truth; exit 1 when a figure differs
                simulate --tag-report URL --out DIR [--await SECONDS]
                  holds a running tagging-service's labels of the book in DIR to its borrowers-truth.csv:
                  industry mix, sources, and the inference on the codes the lender's file misses or gets wrong
                  --await SECONDS    first wait until tagging has labelled every borrower (GET /mix; default 0)
                """);
    }
}
