package dev.loanwatch.trainer.scorecard;

import dev.loanwatch.domain.Binning;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.domain.ScorecardScaling;
import dev.loanwatch.domain.WoeTable;
import dev.loanwatch.trainer.data.Column;
import dev.loanwatch.trainer.data.Dataset;
import dev.loanwatch.trainer.onnx.CategoricalInput;
import dev.loanwatch.trainer.onnx.TreeEnsemble;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable model (评分卡): each feature binned (domain core's {@link Binning}), each bin's WOE,
 * features chosen by IV and a correlation filter, a logistic regression on the WOE columns, and points
 * per bin (DOMAIN.md §6: base 600 at odds 50:1, PDO 20 by default). PD = sigmoid(β0 + Σ βj·WOEj(bin)).
 *
 * @param features the features that made it into the model, with their bins, WOE, coefficient and points
 * @param dropped  every feature left out and why (low IV, correlated with a stronger one, wrong sign)
 * @param intercept β0
 * @param scaling  how log-odds become points
 */
public record Scorecard(List<Feature> features, Map<String, String> dropped, double intercept, ScorecardScaling scaling) {

    /** One feature of the card: its bins (numeric or categorical), WOE and points per bin, β and IV. */
    public record Feature(String name, Binning.NumericBins numericBins, Binning.CategoricalBins categoricalBins,
                          double coefficient, double[] points) {

        public boolean numeric() {
            return numericBins != null;
        }

        public WoeTable woe() {
            return numeric() ? numericBins.woe() : categoricalBins.woe();
        }

        public double iv() {
            return woe().iv();
        }

        public int bins() {
            return points.length;
        }

        public String label(int bin) {
            return numeric() ? numericBins.label(bin) : categoricalBins.label(bin);
        }

        double woeOf(int bin) {
            return woe().bins().get(bin).woe();
        }
    }

    /** The choices an analyst makes: binning, selection thresholds, scaling, manual bins. */
    public record Options(Binning.Options binning, double minIv, double maxCorrelation, double ridge,
                          ScorecardScaling scaling, ManualBins manual) {
        /**
         * Defaults: bins of at least 2 % of the rows (the domain core's 5 % would merge the few
         * delinquent loans — the strongest signal of a book — into the current ones), IV ≥ 0.02, WOE
         * correlation ≤ 0.7, a ridge of 1e-3 (negligible next to the Hessian of thousands of rows,
         * enough to keep collinear WOE columns — customer type and product, say — solvable).
         */
        public static Options defaults() {
            return new Options(Binning.Options.defaults().withMinBinShare(0.02), 0.02, 0.7, 1e-3, ScorecardScaling.standard(),
                    ManualBins.NONE);
        }

        public Options withManual(ManualBins m) {
            return new Options(binning, minIv, maxCorrelation, ridge, scaling, m);
        }
    }

    /** Trains on the rows {@code train} of the dataset. */
    public static Scorecard train(Dataset d, int[] train, Options o) {
        int[] y = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            y[i] = d.target()[train[i]];
        }
        Map<String, String> dropped = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Column c : d.columns()) {
            Candidate candidate = bin(c, train, y, o);
            if (candidate.iv() < o.minIv()) {
                dropped.put(c.name(), String.format("IV %.4f below %.4f", candidate.iv(), o.minIv()));
            } else {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::iv).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            Candidate twin = chosen.stream().filter(k -> Math.abs(correlation(k.woe, c.woe)) > o.maxCorrelation()).findFirst().orElse(null);
            if (twin != null) {
                dropped.put(c.name, String.format("WOE correlation %.3f with %s (higher IV)", correlation(twin.woe, c.woe), twin.name));
            } else {
                chosen.add(c);
            }
        }
        // WOE grows with the share of goods, so every β must be negative; a positive one is collinearity, not risk
        LogisticRegression fit;
        while (true) {
            fit = LogisticRegression.fit(chosen.stream().map(c -> c.woe).toArray(double[][]::new), y, o.ridge());
            int wrong = -1;
            for (int j = 0; j < chosen.size(); j++) {
                if (fit.coefficients()[j] >= 0 && (wrong < 0 || chosen.get(j).iv() < chosen.get(wrong).iv())) {
                    wrong = j;
                }
            }
            if (wrong < 0 || chosen.size() == 1) {
                break;
            }
            dropped.put(chosen.get(wrong).name, String.format("coefficient %.4f has the wrong sign with the others in", fit.coefficients()[wrong]));
            chosen.remove(wrong);
        }
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < chosen.size(); j++) {
            Candidate c = chosen.get(j);
            WoeTable woe = c.numeric != null ? c.numeric.woe() : c.categorical.woe();
            double[] points = new double[woe.bins().size()];
            for (int b = 0; b < points.length; b++) {
                points[b] = o.scaling().points(fit.coefficients()[j], woe.bins().get(b).woe(), fit.intercept(), chosen.size());
            }
            features.add(new Feature(c.name, c.numeric, c.categorical, fit.coefficients()[j], points));
        }
        return new Scorecard(features, dropped, fit.intercept(), o.scaling());
    }

    /** A feature binned on the training rows, with its WOE column over them. */
    private record Candidate(String name, Binning.NumericBins numeric, Binning.CategoricalBins categorical, double[] woe) {
        double iv() {
            return numeric != null ? numeric.woe().iv() : categorical.woe().iv();
        }
    }

    private static Candidate bin(Column c, int[] train, int[] y, Options o) {
        if (c instanceof Column.Numeric n) {
            double[] v = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                v[i] = asFloat(n.values()[train[i]]);
            }
            Binning.NumericBins found = o.manual().cuts(n.name())
                    .map(m -> Binning.NumericBins.withCuts(v, y, m.cuts(), m.specialValues()))
                    .orElseGet(() -> Binning.numeric(v, y, o.binning()));
            Binning.NumericBins snapped = Binning.NumericBins.withCuts(v, y, floats(found.cuts(), true), floats(found.specialValues(), false));
            Binning.NumericBins bins = new Binning.NumericBins(snapped.cuts(), snapped.specialValues(), snapped.good(), snapped.bad(),
                    snapped.woe(), found.trendUsed());
            double[] woe = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                woe[i] = bins.woe().bins().get(bins.binOf(v[i])).woe();
            }
            return new Candidate(n.name(), bins, null, woe);
        }
        Column.Categorical cat = (Column.Categorical) c;
        String[] v = new String[train.length];
        for (int i = 0; i < train.length; i++) {
            v[i] = cat.values()[train[i]];
        }
        Binning.CategoricalBins bins = o.manual().groups(cat.name())
                .map(groups -> Binning.CategoricalBins.withGroups(v, y, groups))
                .orElseGet(() -> Binning.categorical(v, y, o.binning()));
        double[] woe = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            woe[i] = bins.woe().bins().get(bins.binOf(v[i])).woe();
        }
        return new Candidate(cat.name(), null, bins, woe);
    }

    /**
     * The card reads numbers as float32, as its ONNX file does (ONNX Runtime compares float inputs with
     * float thresholds): a value is rounded to float before it is binned, here and in {@link #bins}.
     */
    static double asFloat(double v) {
        return (float) v;
    }

    /**
     * Cut points (and special values) as float32 values, so that "x &lt; cut" and "x == value" mean the
     * same for float inputs in Java and in ONNX Runtime: a cut that float rounds down is moved up to the
     * next float (no float lies between a cut and the float above it).
     */
    static double[] floats(double[] values, boolean cuts) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            float f = (float) values[i];
            out[i] = cuts && f < values[i] ? Math.nextUp(f) : f;
        }
        return java.util.Arrays.stream(out).distinct().toArray();
    }

    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** The bin of each feature for one row. */
    public int[] bins(Dataset d, int row) {
        int[] out = new int[features.size()];
        for (int j = 0; j < features.size(); j++) {
            Feature f = features.get(j);
            Column c = d.column(f.name());
            out[j] = f.numeric() ? f.numericBins().binOf(asFloat(((Column.Numeric) c).values()[row]))
                    : f.categoricalBins().binOf(((Column.Categorical) c).values()[row]);
        }
        return out;
    }

    /** PD of the rows: sigmoid(β0 + Σ βj·WOEj) (each feature's column and β·WOE per bin looked up once). */
    public double[] pd(Dataset d, int[] rows) {
        double[] logit = new double[rows.length];
        java.util.Arrays.fill(logit, intercept);
        for (Feature f : features) {
            double[] contribution = new double[f.bins()];
            for (int b = 0; b < contribution.length; b++) {
                contribution[b] = f.coefficient() * f.woeOf(b);
            }
            Column c = d.column(f.name());
            for (int i = 0; i < rows.length; i++) {
                int bin = f.numeric() ? f.numericBins().binOf(asFloat(((Column.Numeric) c).values()[rows[i]]))
                        : f.categoricalBins().binOf(((Column.Categorical) c).values()[rows[i]]);
                logit[i] += contribution[bin];
            }
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = 1 / (1 + Math.exp(-logit[i]));
        }
        return out;
    }

    /** Points of one row: the sum of its bins' points (= scaling.score(pd) up to rounding). */
    public double score(int[] bins) {
        double s = 0;
        for (int j = 0; j < features.size(); j++) {
            s += features.get(j).points()[bins[j]];
        }
        return s;
    }

    /** Reason codes (the domain core's {@link ReasonCodes}): at most {@code top}, the largest gap below the best bin first. */
    public List<ReasonCodes.Reason> reasons(int[] bins, int top) {
        return ReasonCodes.of(characteristics(), bins, top);
    }

    /** The card's characteristics as reason codes read them: bin labels and points. */
    public List<ReasonCodes.Characteristic> characteristics() {
        List<ReasonCodes.Characteristic> out = new ArrayList<>();
        for (Feature f : features) {
            List<String> labels = new ArrayList<>();
            for (int b = 0; b < f.bins(); b++) {
                labels.add(f.label(b));
            }
            out.add(new ReasonCodes.Characteristic(f.name(), labels, f.points()));
        }
        return out;
    }

    /**
     * The card as a tree ensemble over raw features (one tree per feature, its leaves the bins'
     * β·WOE), so the ONNX file needs no separate binning step. Inputs: numeric features in card
     * order, then categorical ones, each category coded as its bin (unseen → the missing bin).
     */
    public Exported export() {
        List<String> numeric = new ArrayList<>();
        List<CategoricalInput> categorical = new ArrayList<>();
        for (Feature f : features) {
            if (f.numeric()) {
                numeric.add(f.name());
            }
        }
        for (Feature f : features) {
            if (!f.numeric()) {
                Map<String, Float> codes = new LinkedHashMap<>();
                List<List<String>> groups = f.categoricalBins().groups();
                for (int b = 0; b < groups.size(); b++) {
                    for (String v : groups.get(b)) {
                        codes.put(v, (float) b);
                    }
                }
                categorical.add(new CategoricalInput(f.name(), codes, (float) (f.bins() - 1)));
            }
        }
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        int index = 0;
        for (Feature f : features) {
            if (f.numeric()) {
                trees.add(BinTrees.numeric(index++, f.numericBins(), f.coefficient()));
            }
        }
        for (Feature f : features) {
            if (!f.numeric()) {
                trees.add(BinTrees.categorical(index++, f.bins(), i -> f.coefficient() * f.woeOf(i)));
            }
        }
        return new Exported(new TreeEnsemble(intercept, trees, numeric.size() + categorical.size()), numeric, categorical);
    }

    /** What the ONNX file is written from. */
    public record Exported(TreeEnsemble ensemble, List<String> numeric, List<CategoricalInput> categorical) {
    }
}
