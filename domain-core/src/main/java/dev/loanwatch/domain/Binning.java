package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * WOE binning of one feature for the scorecard (DOMAIN.md §6): the feature's rows are put into a
 * few bins whose bad rates differ as much as possible, each bin then scored by its WOE.
 *
 * <p><b>Numeric</b> ({@link #numeric}): NaN is missing; a value equal to one of the options' special
 * values (a code such as −1 for "no bureau record") goes to that value's own bin; the other, regular,
 * values are first cut into {@code initialBins} equal-frequency bins (distinct cut points, see
 * {@link PopulationStability#quantileCuts}), then adjacent bins are merged by {@link ChiMerge} — the
 * pair with the smallest chi-square first — until (a) there are at most {@code maxBins} regular
 * bins, (b) each holds at least {@code minBinShare} of the regular rows, and (c) the bad rates rise
 * (ASCENDING) or fall (DESCENDING) strictly from bin to bin; AUTO tries both and keeps the one with
 * the higher IV (ASCENDING on a tie), NONE leaves (c) out. Regular bins are [cut_{k−1}, cut_k), the
 * first from −∞ and the last to +∞. The rows are sorted once (O(n log n)); the merging works on the
 * initial bins' counts, not on rows.
 *
 * <p><b>Categorical</b> ({@link #categorical}): null is missing; the categories are sorted by bad
 * rate (then by name) and merged the same way under (a) and (b) — as share of the non-missing rows
 * — and (c) ascending, which after the sort only merges neighbours with equal bad rates.
 *
 * <p>The bins' counts always list the regular bins (or groups) first, then the special values in
 * the options' order, then the missing bin last, which always exists, possibly empty (WOE 0). A
 * categorical feature's missing bin also takes categories not seen when binning.
 */
public final class Binning {

    private Binning() {
    }

    /** The direction of the bad rate as the value grows. */
    public enum Trend { AUTO, ASCENDING, DESCENDING, NONE }

    /**
     * Binning options: defaults 6 bins at most, 5 % of the regular rows at least per bin, 20 initial
     * bins, AUTO trend, no special values (numeric only).
     */
    public record Options(int maxBins, double minBinShare, int initialBins, Trend trend, double[] specialValues) {

        public Options {
            if (maxBins < 1 || initialBins < 1) {
                throw new IllegalArgumentException("maxBins and initialBins must be at least 1, got " + maxBins + " and " + initialBins);
            }
            if (!(minBinShare >= 0 && minBinShare <= 1)) {
                throw new IllegalArgumentException("minBinShare must be in [0, 1], got " + minBinShare);
            }
            Objects.requireNonNull(trend, "trend");
            specialValues = checkedSpecials(specialValues);
        }

        public static Options defaults() {
            return new Options(6, 0.05, 20, Trend.AUTO, new double[0]);
        }

        public Options withMaxBins(int maxBins) {
            return new Options(maxBins, minBinShare, initialBins, trend, specialValues);
        }

        public Options withMinBinShare(double minBinShare) {
            return new Options(maxBins, minBinShare, initialBins, trend, specialValues);
        }

        public Options withInitialBins(int initialBins) {
            return new Options(maxBins, minBinShare, initialBins, trend, specialValues);
        }

        public Options withTrend(Trend trend) {
            return new Options(maxBins, minBinShare, initialBins, trend, specialValues);
        }

        public Options withSpecialValues(double... specialValues) {
            return new Options(maxBins, minBinShare, initialBins, trend, specialValues);
        }
    }

    /**
     * A numeric feature's bins: {@code cuts.length + 1} regular bins, one per special value, then
     * missing. {@code trendUsed} is the direction the bad rates were made to follow (NONE for manual
     * cuts).
     */
    public record NumericBins(double[] cuts, double[] specialValues, long[] good, long[] bad, WoeTable woe, Trend trendUsed) {

        public NumericBins {
            int bins = cuts.length + specialValues.length + 2;
            if (good.length != bins || bad.length != bins || woe.bins().size() != bins) {
                throw new IllegalArgumentException("expected " + bins + " bins of counts and WOE");
            }
        }

        /** The bins of an analyst's own cuts (strictly ascending) and special values: counted, not merged. */
        public static NumericBins withCuts(double[] values, int[] labels, double[] cuts, double[] specialValues) {
            Labels.check("values", values.length, labels);
            Cuts.check(cuts);
            double[] ownCuts = cuts.clone();
            double[] specials = checkedSpecials(specialValues);
            long[] good = new long[cuts.length + specials.length + 2];
            long[] bad = new long[good.length];
            for (int i = 0; i < values.length; i++) {
                (labels[i] == 1 ? bad : good)[bin(ownCuts, specials, values[i])]++;
            }
            return new NumericBins(ownCuts, specials, good, bad, WoeTable.of(good, bad), Trend.NONE);
        }

        public int binOf(double value) {
            return bin(cuts, specialValues, value);
        }

        /** "[-inf, 3.5)", "[3.5, 10)", "[10, +inf)", "= -1", "missing". */
        public String label(int bin) {
            Objects.checkIndex(bin, good.length);
            if (bin <= cuts.length) {
                return "[" + (bin == 0 ? "-inf" : number(cuts[bin - 1])) + ", " + (bin == cuts.length ? "+inf" : number(cuts[bin])) + ")";
            }
            return bin == good.length - 1 ? "missing" : "= " + number(specialValues[bin - cuts.length - 1]);
        }
    }

    /** A categorical feature's bins: one per group, then missing (with unseen categories). */
    public record CategoricalBins(List<List<String>> groups, long[] good, long[] bad, WoeTable woe) {

        public CategoricalBins {
            groups = groups.stream().map(List::copyOf).toList();
            if (good.length != groups.size() + 1 || bad.length != good.length || woe.bins().size() != good.length) {
                throw new IllegalArgumentException("expected " + (groups.size() + 1) + " bins of counts and WOE");
            }
        }

        /** The bins of an analyst's own groups (each category in one group at most): counted, not merged. */
        public static CategoricalBins withGroups(String[] values, int[] labels, List<List<String>> groups) {
            Labels.check("values", values.length, labels);
            Map<String, Integer> binOf = new HashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                for (String category : groups.get(g)) {
                    if (binOf.put(Objects.requireNonNull(category, "category"), g) != null) {
                        throw new IllegalArgumentException("category " + category + " is in more than one group");
                    }
                }
            }
            long[] good = new long[groups.size() + 1];
            long[] bad = new long[good.length];
            for (int i = 0; i < values.length; i++) {
                int bin = values[i] == null ? groups.size() : binOf.getOrDefault(values[i], groups.size());
                (labels[i] == 1 ? bad : good)[bin]++;
            }
            return new CategoricalBins(groups, good, bad, WoeTable.of(good, bad));
        }

        /** The group holding the category; the missing bin for null or a category no group has. */
        public int binOf(String value) {
            if (value != null) {
                for (int g = 0; g < groups.size(); g++) {
                    if (groups.get(g).contains(value)) {
                        return g;
                    }
                }
            }
            return groups.size();
        }

        /** The group's categories joined by ", ", or "missing". */
        public String label(int bin) {
            Objects.checkIndex(bin, good.length);
            return bin == groups.size() ? "missing" : String.join(", ", groups.get(bin));
        }
    }

    /**
     * The bins merging starts from: a bin of its own for every value that holds at least one initial
     * bin's share of the rows (a mass point), and equal-frequency cuts of the other rows among
     * themselves. Equal frequency over all rows would fold the rest into the mass point's quantiles —
     * with 96 % of loans at DPD 0 and 20 initial bins, the 4 % that are delinquent, the strongest
     * signal of a book, would share one initial bin, and DPD 5 (a late payment that cures) could never
     * be told from DPD 80 (a loan that stopped paying); merging then decides which of the tail's bins
     * are large enough to keep ({@code minBinShare}).
     */
    static double[] initialCuts(ValueCounts regular, int bins) {
        long n = 0;
        for (int i = 0; i < regular.size(); i++) {
            n += regular.rows(i);
        }
        java.util.TreeSet<Double> all = new java.util.TreeSet<>();
        int others = 0;
        double[] values = new double[regular.size()];
        long[] good = new long[regular.size()];
        long[] bad = new long[regular.size()];
        for (int i = 0; i < regular.size(); i++) {
            if (regular.rows(i) * bins >= n) {
                if (i > 0) {
                    all.add(regular.values()[i]); // the mass point opens its bin
                }
                if (i + 1 < regular.size()) {
                    all.add(regular.values()[i + 1]); // and the next value the one after it
                }
            } else {
                values[others] = regular.values()[i];
                good[others] = regular.good()[i];
                bad[others] = regular.bad()[i];
                others++;
            }
        }
        ValueCounts rest = new ValueCounts(Arrays.copyOf(values, others), Arrays.copyOf(good, others), Arrays.copyOf(bad, others));
        for (double c : Cuts.equalFrequency(rest, bins)) {
            all.add(c);
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The bins of a numeric feature (NaN = missing), merged as the class comment says. */
    public static NumericBins numeric(double[] values, int[] labels, Options o) {
        Labels.check("values", values.length, labels);
        double[] specials = o.specialValues();
        long[] otherGood = new long[specials.length + 1]; // the special values' bins, then missing
        long[] otherBad = new long[otherGood.length];
        for (int i = 0; i < values.length; i++) {
            int other = Double.isNaN(values[i]) ? specials.length : indexOf(specials, values[i]);
            if (other >= 0) {
                (labels[i] == 1 ? otherBad : otherGood)[other]++;
            }
        }
        ValueCounts regular = ValueCounts.of(values, labels, v -> !Double.isNaN(v) && indexOf(specials, v) < 0);
        double[] initialCuts = initialCuts(regular, o.initialBins());
        long[] good = new long[initialCuts.length + 1];
        long[] bad = new long[good.length];
        for (int i = 0; i < regular.size(); i++) {
            int bin = Cuts.band(initialCuts, regular.values()[i]);
            good[bin] += regular.good()[i];
            bad[bin] += regular.bad()[i];
        }
        Initial initial = new Initial(initialCuts, good, bad, specials, otherGood, otherBad);
        if (o.trend() != Trend.AUTO) {
            return initial.merged(o, o.trend());
        }
        NumericBins ascending = initial.merged(o, Trend.ASCENDING);
        NumericBins descending = initial.merged(o, Trend.DESCENDING);
        return descending.woe().iv() > ascending.woe().iv() ? descending : ascending;
    }

    /** The groups of a categorical feature (null = missing), in ascending bad rate; special values do not apply. */
    public static CategoricalBins categorical(String[] values, int[] labels, Options o) {
        Labels.check("values", values.length, labels);
        Map<String, long[]> counts = new HashMap<>(); // category → {good, bad}
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                counts.computeIfAbsent(values[i], c -> new long[2])[labels[i]]++;
            }
        }
        List<String> categories = new ArrayList<>(counts.keySet());
        // by bad rate bad/(good + bad), compared exactly as bad_x·n_y vs bad_y·n_x, then by name
        Comparator<String> byBadRate = (x, y) -> Long.compare(counts.get(x)[1] * rows(counts.get(y)), counts.get(y)[1] * rows(counts.get(x)));
        categories.sort(byBadRate.thenComparing(Comparator.naturalOrder()));
        long[] good = categories.stream().mapToLong(c -> counts.get(c)[0]).toArray();
        long[] bad = categories.stream().mapToLong(c -> counts.get(c)[1]).toArray();
        ChiMerge m = ChiMerge.merge(good, bad, o.maxBins(), o.minBinShare(), Trend.ASCENDING);
        List<List<String>> groups = new ArrayList<>();
        for (int j = 0; j < m.bins(); j++) {
            groups.add(categories.subList(m.first(j), j + 1 < m.bins() ? m.first(j + 1) : categories.size()));
        }
        return CategoricalBins.withGroups(values, labels, groups);
    }

    private static long rows(long[] goodBad) {
        return goodBad[0] + goodBad[1];
    }

    /** A numeric feature's initial regular bins, and the counts of its special-value and missing bins. */
    private record Initial(double[] cuts, long[] good, long[] bad, double[] specials, long[] otherGood, long[] otherBad) {

        NumericBins merged(Options o, Trend trend) {
            ChiMerge m = ChiMerge.merge(good, bad, o.maxBins(), o.minBinShare(), trend);
            double[] mergedCuts = new double[m.bins() - 1];
            long[] mergedGood = new long[m.bins() + otherGood.length];
            long[] mergedBad = new long[mergedGood.length];
            for (int j = 0; j < m.bins(); j++) {
                if (j > 0) {
                    mergedCuts[j - 1] = cuts[m.first(j) - 1];
                }
                mergedGood[j] = m.good(j);
                mergedBad[j] = m.bad(j);
            }
            System.arraycopy(otherGood, 0, mergedGood, m.bins(), otherGood.length);
            System.arraycopy(otherBad, 0, mergedBad, m.bins(), otherBad.length);
            return new NumericBins(mergedCuts, specials.clone(), mergedGood, mergedBad, WoeTable.of(mergedGood, mergedBad), trend);
        }
    }

    private static int bin(double[] cuts, double[] specials, double value) {
        if (Double.isNaN(value)) {
            return cuts.length + specials.length + 1;
        }
        int special = indexOf(specials, value);
        return special >= 0 ? cuts.length + 1 + special : Cuts.band(cuts, value);
    }

    private static int indexOf(double[] specials, double value) {
        for (int s = 0; s < specials.length; s++) {
            if (specials[s] == value) {
                return s;
            }
        }
        return -1;
    }

    /** A copy of the special values: none NaN, none twice. */
    private static double[] checkedSpecials(double[] specials) {
        Set<Double> seen = new HashSet<>();
        for (double s : specials) {
            if (Double.isNaN(s) || !seen.add(s == 0 ? 0.0 : s)) {
                throw new IllegalArgumentException("special values must be distinct and not NaN, got " + s + " in " + Arrays.toString(specials));
            }
        }
        return specials.clone();
    }

    private static String number(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
