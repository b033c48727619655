package dev.loanwatch.industry;

import dev.loanwatch.industry.IndustryInference.Outcome;
import dev.loanwatch.simulator.book.BookGenerator;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Labelled texts and the figures measured on them: the held-out set, the dev set written for
 * tuning, and the simulator's own texts. Only aggregates leave this class for the held-out set.
 */
final class Evaluation {

    /** section, division and class are empty for a text that names no industry ({@code none}). */
    record Sample(String id, String section, String division, String clazz, String text) {
        boolean none() {
            return division.isEmpty();
        }
    }

    private Evaluation() {
    }

    static List<Sample> heldOut() {
        return BusinessScopeHeldOutTest.ROWS.stream()
                .map(r -> new Sample(r.id(), r.section(), r.division(), r.clazz(), r.text())).toList();
    }

    /** business-scope-dev.csv: texts written for tuning (same columns as the held-out set). */
    static List<Sample> dev() {
        try (InputStream in = Evaluation.class.getResourceAsStream("business-scope-dev.csv")) {
            List<List<String>> records = BusinessScopeHeldOutTest.parse(
                    new String(Objects.requireNonNull(in, "business-scope-dev.csv").readAllBytes(), StandardCharsets.UTF_8));
            return records.subList(1, records.size()).stream()
                    .map(r -> new Sample(r.get(0), r.get(1), r.get(2), r.get(3), r.get(5))).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The business scopes of the enterprises of a simulated book, composed by the simulator's own
     * generator, labelled with their division (the simulator draws the class independently of the
     * text, so class figures mean nothing here and the class is left out).
     */
    static List<Sample> simulator(int borrowers, long seed) {
        BookGenerator generator = new BookGenerator(ReferenceData.load(), seed, "DEV", YearMonth.of(2025, 1), 12);
        List<Sample> out = new ArrayList<>();
        for (SimBorrower b : generator.borrowers(borrowers)) {
            if (b.enterprise()) {
                String code = b.industryClass();
                out.add(new Sample(b.id(), code.substring(0, 1), code.substring(1, 3), "", b.businessScope()));
            }
        }
        return out;
    }

    /** Aggregate figures; shares in [0, 1]. */
    record Figures(int labelled, double section, double division, double top3, int withClass, double clazz,
                   double classPrecision, int withoutClass, double classNamedWithout, int none, double abstained, double logLoss, double calibrationError,
                   double confidentShare, double confidentAccuracy, double microsPerText) {

        String format(String what) {
            String classes = withClass == 0 ? "" : String.format(Locale.ROOT,
                    " class %.1f %% of %d with a class (named classes right %.1f %%), a class named for %.1f %% of %d without;",
                    100 * clazz, withClass, 100 * classPrecision, 100 * classNamedWithout, withoutClass);
            String none = this.none == 0 ? "" : String.format(Locale.ROOT, " %d 'none' texts: %.1f %% NO_EVIDENCE or REVIEW;",
                    this.none, 100 * abstained);
            return String.format(Locale.ROOT, "%s: %d labelled texts: section %.1f %%, division %.1f %%, top-3 division %.1f %%;%s"
                            + " CONFIDENT %.1f %% of texts, right %.1f %%; log loss %.3f, calibration error %.3f;%s %.0f µs per text",
                    what, labelled, 100 * section, 100 * division, 100 * top3, classes, 100 * confidentShare, 100 * confidentAccuracy,
                    logLoss, calibrationError, none, microsPerText);
        }
    }

    static Figures measure(IndustryClassifier classifier, List<Sample> samples) {
        int labelled = 0;
        int section = 0;
        int division = 0;
        int top3 = 0;
        int withClass = 0;
        int clazz = 0;
        int named = 0;
        int namedRight = 0;
        int withoutClass = 0;
        int namedWithout = 0;
        int none = 0;
        int abstained = 0;
        int confident = 0;
        int confidentRight = 0;
        double logLoss = 0;
        int bins = 10;
        double[] binConfidence = new double[bins];
        double[] binRight = new double[bins];
        for (Sample s : samples) {
            IndustryInference r = classifier.classify(s.text());
            if (s.none()) {
                none++;
                abstained += r.outcome() == Outcome.CONFIDENT ? 0 : 1;
                continue;
            }
            labelled++;
            IndustryCandidate best = r.best().orElse(null);
            boolean right = best != null && best.division().equals(s.division());
            section += best != null && best.section().equals(s.section()) ? 1 : 0;
            division += right ? 1 : 0;
            for (int k = 0; k < Math.min(3, r.candidates().size()); k++) {
                if (r.candidates().get(k).division().equals(s.division())) {
                    top3++;
                }
            }
            if (!s.clazz().isEmpty()) {
                withClass++;
                clazz += best != null && s.clazz().equals(best.industryClass()) ? 1 : 0;
                if (best != null && best.industryClass() != null) {
                    named++;
                    namedRight += s.clazz().equals(best.industryClass()) ? 1 : 0;
                }
            }
            if (s.clazz().isEmpty() && right) {
                withoutClass++;
                namedWithout += best.industryClass() != null ? 1 : 0;
            }
            if (r.outcome() == Outcome.CONFIDENT) {
                confident++;
                confidentRight += right ? 1 : 0;
            }
            logLoss -= Math.log(Math.max(1e-4, r.divisionConfidence(s.division())));
            double c = best == null ? 0 : best.confidence();
            int bin = Math.min(bins - 1, (int) (c * bins));
            binConfidence[bin] += c;
            binRight[bin] += right ? 1 : 0;
        }
        double micros = meanMicros(classifier, samples);
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            ece += Math.abs(binConfidence[b] - binRight[b]);
        }
        return new Figures(labelled, share(section, labelled), share(division, labelled), share(top3, labelled), withClass,
                share(clazz, withClass), share(namedRight, named), withoutClass, share(namedWithout, withoutClass), none, share(abstained, none),
                logLoss / Math.max(1, labelled), ece / Math.max(1, labelled), share(confident, labelled),
                share(confidentRight, confident), micros);
    }

    /** Mean time of a call over the texts: the best of ten rounds, after the accuracy pass warmed the JIT up. */
    private static double meanMicros(IndustryClassifier classifier, List<Sample> samples) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            for (Sample s : samples) {
                classifier.classify(s.text());
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / Math.max(1, samples.size()));
        }
        return best;
    }

    /** Fails when a figure falls below its bound. */
    static void assertAtLeast(Figures f, Bounds b) {
        check("section accuracy", f.section(), b.section());
        check("division accuracy", f.division(), b.division());
        check("top-3 division accuracy", f.top3(), b.top3());
        check("class accuracy", f.clazz(), b.clazz());
        check("abstention on 'none' texts", f.abstained(), b.abstained());
    }

    private static void check(String what, double measured, double bound) {
        if (!Double.isNaN(bound)) {
            org.junit.jupiter.api.Assertions.assertTrue(measured >= bound,
                    String.format(Locale.ROOT, "%s %.1f %% fell below %.1f %%", what, 100 * measured, 100 * bound));
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
