package dev.loanwatch.industry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over character n-grams (1 to {@link Settings#maxN} characters, within runs of
 * letters and digits), stored as an inverted index: n-gram → (label, boost).
 *
 * <p>With Lidstone smoothing α, log P(g | l) = log((n_gl + α) / (N_l + αV)). Splitting off the part
 * every label has, the log-likelihood of a text is Σ_g q_g·base_l + Σ_{g seen with l} q_g·boost_gl,
 * where base_l = log(α / (N_l + αV)) and boost_gl = log((n_gl + α) / α): only the labels an n-gram was
 * seen with need touching, which is what makes a call cheap. q_g weighs a query n-gram by its length
 * (longer n-grams say more). Unknown n-grams are skipped.
 *
 * <p>An n-gram is <em>informative</em> when it was seen in few divisions (at most
 * {@link Settings#maxDivisions} for its length) and is not on {@code uninformative.txt}; only
 * informative n-grams make evidence or make an item count as saying something.
 */
final class NgramModel {

    final TrainingSet training;
    final Settings settings;
    final int labels;
    final int divisions;
    /** label → division index. */
    final int[] divisionOfLabel;
    final double[] base;
    final double[] prior;
    private final LongIntMap ids;
    private final int[] postingStart;
    private final int[] postingLabel;
    private final float[] postingBoost;
    /** In how many divisions the n-gram was seen; on the stop list (uninformative.txt); its length. */
    private final short[] divisionCount;
    /** In how many sections the n-gram was seen. */
    private final byte[] sectionCount;
    private final int sections;
    /** Each n-gram's weight in a query (settings-dependent). */
    private final float[] queryWeight;
    private final boolean[] stopped;
    private final byte[] gramLength;
    /** The division the n-gram boosts most, that boost, and the best boost of any other division. */
    private final int[] topDivision;
    private final float[] topBoost;
    private final float[] otherBoost;

    NgramModel(TrainingSet training, Settings settings) {
        this.training = training;
        this.settings = settings;
        this.labels = training.labels.size();
        this.divisions = training.divisions.size();
        this.divisionOfLabel = new int[labels];
        for (int d = 0; d < divisions; d++) {
            for (int l = training.divisionStart[d]; l < training.divisionStart[d + 1]; l++) {
                divisionOfLabel[l] = d;
            }
        }
        Map<Long, Map<Integer, Double>> counts = new HashMap<>();
        double[] total = new double[labels];
        for (TrainingSet.Example e : training.examples) {
            grams(e.text(), (key, length, start) -> {
                counts.computeIfAbsent(key, k -> new HashMap<>()).merge(e.label(), e.weight(), Double::sum);
                total[e.label()] += e.weight();
            });
        }
        int vocabulary = counts.size();
        double alpha = settings.alpha;
        base = new double[labels];
        prior = new double[labels];
        for (int l = 0; l < labels; l++) {
            base[l] = Math.log(alpha / (total[l] + alpha * vocabulary));
            int d = divisionOfLabel[l];
            int inDivision = training.divisionStart[d + 1] - training.divisionStart[d];
            prior[l] = settings.balancedPrior ? -Math.log(divisions) - Math.log(inDivision) : -Math.log(labels);
        }
        Set<String> stop = new HashSet<>(ScopeText.Resources.lines("uninformative.txt"));
        ids = new LongIntMap(vocabulary);
        postingStart = new int[vocabulary + 1];
        int postings = counts.values().stream().mapToInt(Map::size).sum();
        postingLabel = new int[postings];
        postingBoost = new float[postings];
        divisionCount = new short[vocabulary];
        sectionCount = new byte[vocabulary];
        sections = (int) training.labels.stream().map(TrainingSet.Label::section).distinct().count();
        stopped = new boolean[vocabulary];
        gramLength = new byte[vocabulary];
        topDivision = new int[vocabulary];
        topBoost = new float[vocabulary];
        otherBoost = new float[vocabulary];
        int id = 0;
        int p = 0;
        for (Map.Entry<Long, Map<Integer, Double>> g : counts.entrySet()) {
            ids.put(g.getKey(), id);
            postingStart[id] = p;
            int[] ls = g.getValue().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] byDivision = new double[divisions];
            Set<Integer> seenIn = new HashSet<>();
            Set<String> sectionsSeen = new HashSet<>();
            for (int l : ls) {
                float boost = (float) Math.log((g.getValue().get(l) + alpha) / alpha);
                postingLabel[p] = l;
                postingBoost[p++] = boost;
                int d = divisionOfLabel[l];
                byDivision[d] = Math.max(byDivision[d], boost);
                seenIn.add(d);
                sectionsSeen.add(training.labels.get(l).section());
            }
            int top = 0;
            for (int d = 1; d < divisions; d++) {
                if (byDivision[d] > byDivision[top]) {
                    top = d;
                }
            }
            double other = 0;
            for (int d = 0; d < divisions; d++) {
                if (d != top) {
                    other = Math.max(other, byDivision[d]);
                }
            }
            topDivision[id] = top;
            topBoost[id] = (float) byDivision[top];
            otherBoost[id] = (float) other;
            divisionCount[id] = (short) seenIn.size();
            sectionCount[id] = (byte) sectionsSeen.size();
            stopped[id] = stop.contains(string(g.getKey()));
            gramLength[id] = (byte) length(g.getKey());
            id++;
        }
        postingStart[vocabulary] = p;
        queryWeight = queryWeights();
    }

    /** The same trained index read with other scoring settings (the training settings of {@code scoring} are ignored). */
    NgramModel(NgramModel trained, Settings scoring) {
        this.training = trained.training;
        this.settings = scoring;
        this.labels = trained.labels;
        this.divisions = trained.divisions;
        this.divisionOfLabel = trained.divisionOfLabel;
        this.base = trained.base;
        this.prior = trained.prior;
        this.ids = trained.ids;
        this.postingStart = trained.postingStart;
        this.postingLabel = trained.postingLabel;
        this.postingBoost = trained.postingBoost;
        this.divisionCount = trained.divisionCount;
        this.sectionCount = trained.sectionCount;
        this.sections = trained.sections;
        this.stopped = trained.stopped;
        this.gramLength = trained.gramLength;
        this.topDivision = trained.topDivision;
        this.topBoost = trained.topBoost;
        this.otherBoost = trained.otherBoost;
        this.queryWeight = queryWeights();
    }

    /** Number of distinct n-grams. */
    int vocabulary() {
        return postingStart.length - 1;
    }

    int postings() {
        return postingLabel.length;
    }

    /** How many labels an n-gram was seen with. */
    int postings(int id) {
        return postingStart[id + 1] - postingStart[id];
    }

    int length(int id) {
        return gramLength[id];
    }

    /** Receives the n-grams of a text: key, length, start. */
    @FunctionalInterface
    interface GramSink {
        void accept(long key, int length, int start);
    }

    /** Every n-gram of 1 to maxN characters inside the runs of letters and digits of {@code text}. */
    void grams(String text, GramSink sink) {
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || !ScopeText.isContent(text.charAt(i))) {
                for (int s = runStart; s < i; s++) {
                    long key = 0;
                    for (int k = 0; k < settings.maxN && s + k < i; k++) {
                        key |= ((long) text.charAt(s + k)) << (16 * k);
                        sink.accept(key, k + 1, s);
                    }
                }
                runStart = i + 1;
            }
        }
    }

    /** The id of an n-gram, or -1 when the model never saw it. */
    int id(long key) {
        return ids.get(key);
    }

    /**
     * Log-likelihood plus log-prior of every label for the given hits, into {@code score}.
     */
    void score(int[] id, int[] length, int hits, double[] score) {
        double q = 0;
        for (int h = 0; h < hits; h++) {
            q += weight(id[h]);
        }
        for (int l = 0; l < labels; l++) {
            score[l] = prior[l] + q * base[l];
        }
        for (int h = 0; h < hits; h++) {
            double w = weight(id[h]);
            int g = id[h];
            for (int p = postingStart[g]; p < postingStart[g + 1]; p++) {
                score[postingLabel[p]] += w * postingBoost[p];
            }
        }
    }

    /**
     * The weight of a query n-gram: by its length, and by how few divisions it was seen in
     * (log(D / divisions) / log D, raised to {@link Settings#specificity}), so that words every trade
     * uses (服务, 销售) weigh less than the words of one trade. Computed once per n-gram.
     */
    double weight(int id) {
        return queryWeight[id];
    }

    private float[] queryWeights() {
        float[] w = new float[divisionCount.length];
        for (int id = 0; id < w.length; id++) {
            double v = settings.queryWeight[gramLength[id]];
            if (settings.specificity > 0) {
                double specific = settings.specificityBySection ? Math.log((double) sections / sectionCount[id]) / Math.log(sections)
                        : Math.log((double) divisions / divisionCount[id]) / Math.log(divisions);
                v *= Math.pow(specific + 0.05, settings.specificity);
            }
            w[id] = (float) v;
        }
        return w;
    }

    /** On the list of words that never count as evidence (uninformative.txt). */
    boolean stopped(int id) {
        return stopped[id];
    }

    boolean informative(int id) {
        return !stopped[id] && divisionCount[id] <= settings.maxDivisions[gramLength[id]];
    }

    /** Whether the n-gram was seen in a training text of the label. */
    boolean seenWith(int id, int label) {
        return Arrays.binarySearch(postingLabel, postingStart[id], postingStart[id + 1], label) >= 0;
    }

    /** How much more the n-gram boosts {@code label} than any label outside the label's division; ≤ 0 when it does not favour it. */
    double margin(int id, int label) {
        int from = postingStart[id];
        int to = postingStart[id + 1];
        int at = Arrays.binarySearch(postingLabel, from, to, label);
        if (at < 0) {
            return 0;
        }
        double other = topDivision[id] == divisionOfLabel[label] ? otherBoost[id] : topBoost[id];
        return postingBoost[at] - other;
    }

    private static int length(long key) {
        int n = 0;
        while (key != 0) {
            n++;
            key >>>= 16;
        }
        return n;
    }

    private static String string(long key) {
        StringBuilder sb = new StringBuilder();
        while (key != 0) {
            sb.append((char) (key & 0xFFFF));
            key >>>= 16;
        }
        return sb.toString();
    }

    /** Open addressing, long keys (never 0) to int values; read-only after construction. */
    private static final class LongIntMap {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        LongIntMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            mask = capacity - 1;
        }

        void put(long key, int value) {
            int i = slot(key);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        int get(long key) {
            for (int i = slot(key); keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
