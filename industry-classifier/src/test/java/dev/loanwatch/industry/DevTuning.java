package dev.loanwatch.industry;

import dev.loanwatch.industry.Evaluation.Figures;
import dev.loanwatch.industry.Evaluation.Sample;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not a test: the harness the settings were tuned with, on the dev data only (the dev set and the
 * simulator's texts — never the held-out set). Run with the test class path (module README):
 * {@code java -cp … dev.loanwatch.industry.DevTuning [failures | grid name=v1,v2 … | calibrate | stats | time | show text… | explain text…]}.
 */
final class DevTuning {

    private DevTuning() {
    }

    public static void main(String[] args) {
        List<Sample> dev = Evaluation.dev();
        List<Sample> simulator = Evaluation.simulator(4000, 7);
        IndustryClassifier standard = IndustryClassifier.standard();
        print(standard, dev, simulator);
        if (args.length > 0 && args[0].equals("failures")) {
            failures(standard, dev, simulator);
        }
        if (args.length > 0 && args[0].equals("stats")) {
            NgramModel m = standard.model();
            long[] count = new long[5];
            long[] posts = new long[5];
            for (int id = 0; id < m.vocabulary(); id++) {
                count[m.length(id)]++;
                posts[m.length(id)] += m.postings(id);
            }
            System.out.printf("vocabulary %d, postings %d; by length: n-grams %s, postings %s%n", m.vocabulary(), m.postings(),
                    java.util.Arrays.toString(count), java.util.Arrays.toString(posts));
            long chars = 0;
            for (Sample s : simulator) {
                chars += s.text().length();
            }
            System.out.printf("mean simulator text: %.0f characters%n", (double) chars / simulator.size());
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Runtime rt = Runtime.getRuntime();
            long before = rt.totalMemory() - rt.freeMemory();
            IndustryClassifier other = IndustryClassifier.withSettings(Settings.tuned());
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("a second model takes about %.1f MB of heap (%s)%n", (after - before) / 1e6, other.classify("餐饮服务").outcome());
        }
        if (args.length > 0 && args[0].equals("calibrate")) {
            calibrate(standard, dev, simulator);
        }
        if (args.length > 0 && args[0].equals("time2")) {
            for (int i = 0; i < 3; i++) {
                System.out.println(Evaluation.measure(standard, simulator).microsPerText());
            }
        }
        if (args.length > 0 && args[0].equals("time")) {
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                int n = 0;
                for (int k = 0; k < 10; k++) {
                    for (Sample s : simulator) {
                        standard.classify(s.text());
                        n++;
                    }
                }
                System.out.printf("round %d: %.1f µs per simulator text%n", round, (System.nanoTime() - t0) / 1e3 / n);
            }
        }
        if (args.length > 0 && args[0].equals("grid")) {
            grid(dev, Evaluation.simulator(2000, 11), args);
        }
        if (args.length > 1 && args[0].equals("show")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + " → " + standard.classify(args[i]));
            }
        }
        if (args.length > 1 && args[0].equals("explain")) {
            for (int i = 1; i < args.length; i++) {
                explain(standard, args[i]);
            }
        }
    }

    static void print(IndustryClassifier c, List<Sample> dev, List<Sample> simulator) {
        Figures d = Evaluation.measure(c, dev);
        Figures s = Evaluation.measure(c, simulator);
        System.out.println(d.format("dev"));
        System.out.println(s.format("simulator"));
    }

    static void failures(IndustryClassifier c, List<Sample> dev, List<Sample> simulator) {
        for (Sample s : dev) {
            IndustryInference r = c.classify(s.text());
            String got = r.best().map(b -> b.division() + "/" + b.industryClass() + String.format(" %.2f", b.confidence())
                    + " " + b.evidence()).orElse("-");
            boolean right = s.none() ? r.outcome() != IndustryInference.Outcome.CONFIDENT
                    : r.best().map(b -> b.division().equals(s.division())).orElse(false);
            boolean classRight = s.clazz().isEmpty() || r.best().map(b -> s.clazz().equals(b.industryClass())).orElse(false);
            if (!right || !classRight) {
                System.out.println((right ? "CLASS " : "WRONG ") + s.id() + " " + s.division() + "/" + s.clazz() + " got " + got
                        + " " + r.outcome() + "  " + s.text() + "  | " + second(r));
            }
        }
        Map<String, Integer> wrong = new TreeMap<>();
        for (Sample s : simulator) {
            IndustryInference r = c.classify(s.text());
            if (!r.best().map(b -> b.division().equals(s.division())).orElse(false)) {
                String first = s.text().split("；")[0];
                wrong.merge(s.division() + " " + first + " → " + r.best().map(b -> b.division() + " " + b.evidence()).orElse("-"),
                        1, Integer::sum);
            }
        }
        wrong.forEach((k, v) -> System.out.println("SIM " + v + "× " + k));
    }

    /** grid alpha=0.1,0.3 decay=0.1,0.2 …: every combination, one line each. */
    static void grid(List<Sample> dev, List<Sample> simulator, String[] args) {
        Map<String, double[]> axes = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=");
            axes.put(kv[0], java.util.Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        List<String> names = List.copyOf(axes.keySet());
        int[] at = new int[names.size()];
        Map<String, IndustryClassifier> trained = new java.util.HashMap<>();
        while (true) {
            Settings s = Settings.tuned();
            StringBuilder label = new StringBuilder();
            for (int k = 0; k < names.size(); k++) {
                double v = axes.get(names.get(k))[at[k]];
                set(s, names.get(k), v);
                label.append(names.get(k)).append('=').append(v).append(' ');
            }
            String key = s.alpha + "/" + s.groupWeight + "/" + s.divisionOnClasses + "/" + s.phraseWeight + "/" + s.balancedPrior + "/" + s.maxN;
            IndustryClassifier c = trained.computeIfAbsent(key, x -> IndustryClassifier.withSettings(s)).rescored(s);
            Figures d = Evaluation.measure(c, dev);
            Figures m = Evaluation.measure(c, simulator);
            System.out.printf("%s| dev %.1f %.1f %.1f over %.1f ll %.3f | sim %.1f %.1f ll %.3f | mean %.1f%n", label, 100 * d.division(), 100 * d.top3(),
                    100 * d.clazz(), 100 * d.classNamedWithout(), d.logLoss(), 100 * m.division(), 100 * m.top3(), m.logLoss(), 50 * (d.division() + m.division()));
            int k = names.size() - 1;
            while (k >= 0 && ++at[k] == axes.get(names.get(k)).length) {
                at[k--] = 0;
            }
            if (k < 0) {
                return;
            }
        }
    }

    private static void set(Settings s, String name, double v) {
        switch (name) {
            case "alpha" -> s.alpha = v;
            case "group" -> s.groupWeight = v;
            case "divOnClasses" -> s.divisionOnClasses = v;
            case "phrase" -> s.phraseWeight = v;
            case "balanced" -> s.balancedPrior = v > 0;
            case "maxN" -> s.maxN = (int) v;
            case "q1" -> s.queryWeight[1] = v;
            case "q3" -> s.queryWeight[3] = v;
            case "q4" -> s.queryWeight[4] = v;
            case "spec" -> s.specificity = v;
            case "bySection" -> s.specificityBySection = v > 0;
            case "cover" -> s.minCoverage = v;
            case "items" -> s.scoredItems = (int) v;
            case "decay" -> s.decay = v;
            case "itemT" -> s.itemTemperature = v;
            case "max" -> s.poolByMax = v > 0;
            case "floor" -> s.floor = v;
            case "T" -> s.temperature = v;
            case "share" -> s.classShare = v;
            case "classT" -> s.classTemperature = v;
            case "df1" -> s.maxDivisions[1] = (int) v;
            case "df2" -> s.maxDivisions[2] = (int) v;
            case "df3" -> s.maxDivisions[3] = (int) v;
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** Log loss and calibration error by temperature; then, at the chosen one, CONFIDENT's precision by threshold. */
    static void calibrate(IndustryClassifier standard, List<Sample> dev, List<Sample> simulator) {
        for (double t : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7}) {
            Settings s = standard.model().settings.copy();
            s.temperature = t;
            IndustryClassifier c = standard.rescored(s);
            Figures d = Evaluation.measure(c, dev);
            Figures m = Evaluation.measure(c, simulator);
            System.out.printf("T=%.1f dev ll %.3f ece %.3f | sim ll %.3f ece %.3f | mean ll %.3f%n", t, d.logLoss(), d.calibrationError(),
                    m.logLoss(), m.calibrationError(), (d.logLoss() + m.logLoss()) / 2);
        }
        for (double threshold = 0.3; threshold < 0.99; threshold += 0.05) {
            StringBuilder line = new StringBuilder(String.format("threshold %.2f:", threshold));
            for (List<Sample> set : List.of(dev, simulator)) {
                int confident = 0;
                int right = 0;
                int labelled = 0;
                for (Sample x : set) {
                    if (x.none()) {
                        continue;
                    }
                    labelled++;
                    IndustryCandidate b = standard.classify(x.text()).best().orElse(null);
                    if (b != null && b.confidence() >= threshold) {
                        confident++;
                        right += b.division().equals(x.division()) ? 1 : 0;
                    }
                }
                line.append(String.format(" CONFIDENT %.1f %% of texts, right %.1f %% |", 100.0 * confident / labelled, 100.0 * right / confident));
            }
            System.out.println(line);
        }
    }

    static void explain(IndustryClassifier c, String text) {
        NgramModel m = c.model();
        System.out.println("== " + text + " → " + c.classify(text));
        for (ScopeText.Item item : ScopeText.items(text)) {
            int cap = item.text().length() * m.settings.maxN;
            int[] id = new int[cap];
            int[] len = new int[cap];
            int[] start = new int[cap];
            int[] n = {0};
            m.grams(item.text(), (key, l, at) -> {
                int g = m.id(key);
                if (g >= 0) {
                    id[n[0]] = g;
                    len[n[0]] = l;
                    start[n[0]++] = at;
                }
            });
            StringBuilder grams = new StringBuilder();
            for (int h = 0; h < n[0]; h++) {
                grams.append(item.text(), start[h], start[h] + len[h]).append(m.informative(id[h]) ? "*" : "")
                        .append(String.format("%.2f ", m.weight(id[h])));
            }
            double[] score = new double[m.labels];
            m.score(id, len, n[0], score);
            Integer[] order = new Integer[m.labels];
            for (int l = 0; l < m.labels; l++) {
                order[l] = l;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
            System.out.println("  item [" + item.text() + "] grams: " + grams);
            for (int k = 0; k < 6; k++) {
                TrainingSet.Label l = m.training.labels.get(order[k]);
                System.out.printf("    %s %s %.2f%n", l.division(), l.industryClass(), score[order[k]]);
            }
        }
    }

    private static String second(IndustryInference r) {
        return r.candidates().size() > 1 ? r.candidates().get(1).division() + String.format(" %.2f", r.candidates().get(1).confidence())
                : "";
    }
}
