package dev.loanwatch.industry;

import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.IndustryTaxonomy.Entry;
import dev.loanwatch.domain.IndustryTaxonomy.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model learns from: the GB/T 4754-2017 names of every class, group and division, and the
 * training phrases of {@code training/phrases-*.csv} (the files named in {@code training/index.txt}).
 *
 * <p>Labels are the 1,381 classes plus one label per division that stands for "this division, class
 * not said" (trained by the division's name and by phrases whose class is empty). They are ordered
 * division by division — its classes, then its division label — so a division's labels are a
 * contiguous range.
 */
final class TrainingSet {

    static final String PHRASES_HEADER = "division,class,phrase";

    /** {@code industryClass} is null for a division label. */
    record Label(String section, String division, String industryClass) {
    }

    record Example(int label, String text, double weight) {
    }

    /** How much each kind of example counts; the name of a class counts 1. */
    record Weights(double group, double divisionOnClasses, double phrase) {
    }

    final List<Label> labels;
    /** divisionStart[d] .. divisionStart[d + 1] are the labels of the d-th division (taxonomy order). */
    final int[] divisionStart;
    final List<String> divisions;
    final List<Example> examples = new ArrayList<>();
    private final Map<String, Integer> labelOfClass = new HashMap<>();
    private final Map<String, Integer> labelOfDivision = new HashMap<>();
    private final Map<String, Integer> divisionIndex = new HashMap<>();

    private TrainingSet() {
        List<Label> ls = new ArrayList<>();
        List<Entry> ds = IndustryTaxonomy.all(Level.DIVISION);
        divisionStart = new int[ds.size() + 1];
        List<String> divs = new ArrayList<>();
        for (int d = 0; d < ds.size(); d++) {
            Entry division = ds.get(d);
            divisionStart[d] = ls.size();
            divs.add(division.code());
            divisionIndex.put(division.code(), d);
            for (Entry group : IndustryTaxonomy.children(division)) {
                for (Entry c : IndustryTaxonomy.children(group)) {
                    labelOfClass.put(c.code(), ls.size());
                    ls.add(new Label(division.parent(), division.code(), c.code()));
                }
            }
            labelOfDivision.put(division.code(), ls.size());
            ls.add(new Label(division.parent(), division.code(), null));
        }
        divisionStart[ds.size()] = ls.size();
        labels = List.copyOf(ls);
        divisions = List.copyOf(divs);
    }

    /** The taxonomy's names and every phrase file listed in {@code training/index.txt}. */
    static TrainingSet standard(Weights weights) {
        TrainingSet set = new TrainingSet();
        set.addTaxonomy(weights);
        for (String file : ScopeText.Resources.lines("training/index.txt")) {
            set.addPhrases("training/" + file, ScopeText.Resources.all("training/" + file), weights.phrase());
        }
        return set;
    }

    int divisionOf(int label) {
        return divisionIndex.get(labels.get(label).division());
    }

    private void addTaxonomy(Weights weights) {
        for (Entry division : IndustryTaxonomy.all(Level.DIVISION)) {
            int divisionLabel = labelOfDivision.get(division.code());
            add(divisionLabel, division.nameZh(), 1);
            for (Entry group : IndustryTaxonomy.children(division)) {
                for (Entry c : IndustryTaxonomy.children(group)) {
                    int label = labelOfClass.get(c.code());
                    add(label, c.nameZh(), 1);
                    add(label, group.nameZh(), weights.group());
                    add(label, division.nameZh(), weights.divisionOnClasses());
                }
            }
        }
    }

    /** Rows {@code division,class,phrase}; the phrase is the rest of the line and may be quoted. */
    void addPhrases(String name, List<String> lines, double weight) {
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(PHRASES_HEADER)) {
            throw new IllegalStateException(name + ": expected the header " + PHRASES_HEADER);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", 3);
            String where = name + " line " + (i + 1) + ": ";
            if (f.length != 3) {
                throw new IllegalStateException(where + "expected division,class,phrase in '" + line + "'");
            }
            String division = f[0].strip();
            String clazz = f[1].strip();
            String phrase = unquote(f[2].strip());
            Integer label = clazz.isEmpty() ? labelOfDivision.get(division) : labelOfClass.get(clazz);
            if (label == null || !labels.get(label).division().equals(division)) {
                throw new IllegalStateException(where + "no class " + clazz + " in division " + division);
            }
            if (phrase.isEmpty()) {
                throw new IllegalStateException(where + "empty phrase");
            }
            add(label, phrase, weight);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    private void add(int label, String text, double weight) {
        if (weight > 0) {
            examples.add(new Example(label, ScopeText.clean(text), weight));
        }
    }
}
