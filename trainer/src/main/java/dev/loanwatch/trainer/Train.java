package dev.loanwatch.trainer;

import dev.loanwatch.domain.Binning;
import dev.loanwatch.trainer.data.CsvDataset;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.trainer.data.Label;
import dev.loanwatch.trainer.gbdt.Gbdt;
import dev.loanwatch.trainer.data.SimulatedBook;
import dev.loanwatch.trainer.report.Artifacts;
import dev.loanwatch.trainer.scorecard.ManualBins;
import dev.loanwatch.trainer.scorecard.Scorecard;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The trainer's command line: a training base (a simulated book's files or any CSV with a binary
 * target), both models, their ONNX files, model cards and the report, with progress on every step.
 */
public final class Train {
    static final String USAGE = String.join("\n",
            "usage: java -jar trainer/target/trainer.jar (--book DIR | --csv FILE --target COLUMN) --out DIR [options]",
            "  --book DIR          a simulator output directory: observation points (loan × month end), label M3+ within 12 months",
            "  --csv FILE          any CSV with a header; --target names the 1/0 column",
            "  --period COLUMN     (CSV) sortable period column: the latest periods are the out-of-time test",
            "  --group COLUMN      (CSV) rows with the same value (a loan, a customer) are never split between train and test or folds",
            "  --horizon N         (CSV) the target looks N periods ahead: rows less than N periods before the test do not train",
            "  --ignore A,B        (CSV) columns that are not features (ids)",
            "  --out DIR           where the ONNX files, model cards and report.html go",
            "  --name NAME         model name (default: loanwatch-pd)       --version V   (default 1)",
            "  --folds K           stratified folds for cross-validation (default 5)",
            "  --test-share X      share of rows in the test (default 0.2)",
            "  --max-bins N        scorecard bins per feature (default 6)   --min-bin-share X (default 0.02)",
            "  --trend T           auto | ascending | descending | none (default auto): monotonic bad rate over the bins",
            "  --min-iv X          features below this IV are left out (default 0.02)",
            "  --bins FILE         manual bins (JSON): {\"feature\": {\"cuts\": [..], \"special\": [..]} or {\"groups\": [[..], ..]}}",
            "  --gbdt-depth N      tree depth (default 6)   --gbdt-rounds N  at most (default 1000)  --gbdt-eta X  (default 0.1)",
            "  --export-csv FILE   also write the training base as a CSV (features, period, bad): the same rows for another tool");

    private Train() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("expected --option value pairs, got " + args[i]);
            }
            a.put(args[i].substring(2), args[++i]);
        }
        if (!a.containsKey("out") || a.containsKey("book") == a.containsKey("csv") || a.containsKey("csv") && !a.containsKey("target")) {
            usage("give --out and either --book or --csv with --target");
        }
        Training.Progress progress = what -> System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + what);
        try {
            long t = System.nanoTime();
            Dataset d;
            String target;
            if (a.containsKey("book")) {
                Label label = Label.defaults();
                d = SimulatedBook.read(Path.of(a.get("book")), label);
                target = "bad = DPD > " + label.dpdOver() + " at a month end within " + label.months() + " months after the observation";
            } else {
                Set<String> ignore = a.containsKey("ignore") ? Arrays.stream(a.get("ignore").split(",")).map(String::trim).collect(Collectors.toSet()) : Set.of();
                d = CsvDataset.read(Path.of(a.get("csv")), new CsvDataset.Spec(a.get("target"), a.get("period"), a.get("group"),
                        a.containsKey("horizon") ? Integer.parseInt(a.get("horizon")) : 0, ignore));
                target = "column " + a.get("target") + " = 1";
            }
            progress.step(String.format("read %,d rows, %d features (%.1f s)", d.rows(), d.columns().size(), (System.nanoTime() - t) / 1e9));
            if (a.containsKey("export-csv")) {
                dev.loanwatch.trainer.data.CsvExport.write(d, Path.of(a.get("export-csv")));
                progress.step("wrote the training base to " + a.get("export-csv") + " (features, period, bad)");
            }
            Training.Options o = options(a);
            Training.Result r = Training.run(d, o, progress);
            Artifacts.Written w = Artifacts.write(r, Path.of(a.get("out")), a.getOrDefault("name", "loanwatch-pd"), a.getOrDefault("version", "1"), target);
            progress.step(String.format("ONNX parity on %,d test rows: scorecard max |Δ| %.2e, GBDT %.2e (≤ %.0e)", r.splits().test().length,
                    w.scorecardParity(), w.gbdtParity(), Artifacts.PARITY));
            progress.step("wrote " + w.scorecardOnnx() + ", " + w.gbdtOnnx() + ", " + w.scorecardCard() + ", " + w.gbdtCard() + ", " + w.report());
        } catch (CsvDataset.CsvProblem | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static Training.Options options(Map<String, String> a) throws java.io.IOException {
        Training.Options o = Training.Options.defaults();
        Scorecard.Options s = o.scorecard();
        Binning.Options b = s.binning();
        if (a.containsKey("max-bins")) {
            b = b.withMaxBins(Integer.parseInt(a.get("max-bins")));
        }
        if (a.containsKey("min-bin-share")) {
            b = b.withMinBinShare(Double.parseDouble(a.get("min-bin-share")));
        }
        if (a.containsKey("trend")) {
            b = b.withTrend(Binning.Trend.valueOf(a.get("trend").toUpperCase(Locale.ROOT)));
        }
        s = new Scorecard.Options(b, a.containsKey("min-iv") ? Double.parseDouble(a.get("min-iv")) : s.minIv(), s.maxCorrelation(),
                s.ridge(), s.scaling(), a.containsKey("bins") ? ManualBins.read(Path.of(a.get("bins"))) : ManualBins.NONE);
        Gbdt.Options g = o.gbdt();
        g = new Gbdt.Options(a.containsKey("gbdt-rounds") ? Integer.parseInt(a.get("gbdt-rounds")) : g.maxRounds(), g.earlyStopping(),
                a.containsKey("gbdt-depth") ? Integer.parseInt(a.get("gbdt-depth")) : g.depth(),
                a.containsKey("gbdt-eta") ? Double.parseDouble(a.get("gbdt-eta")) : g.eta(), g.subsample(), g.columns(),
                g.minChildWeight(), g.lambda(), g.threads(), g.seed());
        o = new Training.Options(a.containsKey("test-share") ? Double.parseDouble(a.get("test-share")) : o.testShare(),
                a.containsKey("folds") ? Integer.parseInt(a.get("folds")) : o.folds(), o.seed(), s, g);
        return o;
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println(USAGE);
        System.exit(2);
    }
}
