package dev.loanwatch.simulator.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.simulator.output.BorrowersTruth;
import dev.loanwatch.simulator.output.BorrowersTruth.Status;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What tagging-service made of a simulated book, held to the simulator's truth
 * ({@code borrowers-truth.csv}): how many borrowers carry labels, the industry mix, where the
 * industries come from, and — the point — how well the business-scope inference recovers the
 * industry where the lender's file has no code (MISSING) or a wrong one (WRONG). A pure function of
 * the truth rows and the labels fetched; {@link dev.loanwatch.simulator.drive.TaggingClient} fetches.
 *
 * <p>The inference is read from the labels as tagging publishes them: the classifier's best
 * division is {@code industry.inferredDivision} (set whether or not the label uses it — a valid
 * wrong code stays the label, GIVEN, and is only flagged SUSPECT); its section follows from that
 * division; a class counts only where the label itself was INFERRED down to a class. The
 * simulator writes a division's phrases and draws the class apart from them, so on its books the
 * class is right by chance at best: the division is the figure to watch.
 */
public final class TagReport {
    /** How many sections and divisions the mix lists. */
    static final int TOP = 10;
    static final List<String> SOURCES = List.of("GIVEN", "INFERRED", "OVERRIDE", "NONE");
    static final List<String> GIVEN_CODE_STATUSES = List.of("ABSENT", "VALID", "INVALID", "SUSPECT");

    private TagReport() {
    }

    /**
     * The part of a borrower's labels ({@code GET /borrowers/{id}/tags}) the report reads; codes as
     * tagging spells them (section "C", division "13", class "1311"), null where absent.
     */
    public record Tags(String section, String division, String industryClass, String source, String givenCodeStatus,
                       boolean needsReview, String inferredDivision) {

        public static Tags of(JsonNode json) {
            JsonNode i = json.path("industry");
            return new Tags(text(i.path("section")), text(i.path("division")), text(i.path("industryClass")),
                    text(i.path("source").path("kind")), text(i.path("givenCodeStatus")), i.path("needsReview").asBoolean(),
                    text(i.path("inferredDivision")));
        }

        private static String text(JsonNode n) {
            return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
        }
    }

    /**
     * The inference on one kind of reported code: of {@code borrowers} in the truth, {@code tagged}
     * carry labels, {@code inferred} of those an inferred division; section and division right are
     * counted over the tagged ones (no inference counts as wrong); class right over
     * {@code classInferred}, those labelled INFERRED down to a class.
     */
    public record Accuracy(int borrowers, int tagged, int inferred, int sectionRight, int divisionRight,
                           int classInferred, int classRight) {
    }

    /**
     * The report. {@code bySection}/{@code byDivision}: labelled industries of all tagged borrowers,
     * most first; {@code bySource}: the industry source of tagged enterprises. On WRONG codes also:
     * how many were flagged SUSPECT, how many were INVALID and of those how many got the true
     * division from the text; on CORRECT codes how many were flagged SUSPECT all the same.
     */
    public record Figures(int borrowers, int tagged, int enterprises, int taggedEnterprises,
                          Map<String, Integer> bySection, Map<String, Integer> byDivision,
                          Map<String, Integer> bySource, Map<String, Integer> byGivenCodeStatus, int needsReview,
                          Accuracy missing, Accuracy wrong, int wrongSuspect, int wrongInvalid, int wrongInvalidDivisionRight,
                          int correctTagged, int correctSuspect) {

        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "tagged: %d of %d borrowers (%d of %d enterprises)%n",
                    tagged, borrowers, taggedEnterprises, enterprises));
            int withSection = bySection.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("%n== Industry mix: top %d sections of %d labelled borrowers%n", TOP, withSection));
            appendTop(out, bySection, withSection);
            int withDivision = byDivision.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("%n== Industry mix: top %d divisions of %d labelled borrowers%n", TOP, withDivision));
            appendTop(out, byDivision, withDivision);
            out.append(String.format("%n== Where the enterprises' industry comes from%n"));
            out.append("  source: ").append(counts(bySource)).append('\n');
            out.append("  lender's code: ").append(counts(byGivenCodeStatus)).append('\n');
            out.append(String.format("  needs review: %d borrowers%n", needsReview));
            out.append(String.format("%n== Inference on the book's MISSING codes (%d enterprises, %d tagged)%n",
                    missing.borrowers(), missing.tagged()));
            appendAccuracy(out, missing);
            out.append(String.format("%n== Inference on the book's WRONG codes (%d enterprises, %d tagged)%n",
                    wrong.borrowers(), wrong.tagged()));
            out.append("  flagged SUSPECT      ").append(share(wrongSuspect, wrong.tagged())).append('\n');
            out.append("  INVALID, text right  ").append(share(wrongInvalidDivisionRight, wrongInvalid))
                    .append("  (an invalid code: the text decides the label)\n");
            appendAccuracy(out, wrong);
            out.append(String.format("%n  CORRECT codes flagged SUSPECT: %s%n", share(correctSuspect, correctTagged)));
            return out.toString();
        }
    }

    /** The report from the truth rows and the labels by borrower id (a borrower without labels is absent). */
    public static Figures of(List<BorrowersTruth.Row> truth, Map<String, Tags> tags) {
        Map<String, Integer> bySection = new TreeMap<>();
        Map<String, Integer> byDivision = new TreeMap<>();
        Map<String, Integer> bySource = zeros(SOURCES);
        Map<String, Integer> byGiven = zeros(GIVEN_CODE_STATUSES);
        Counter missing = new Counter();
        Counter wrong = new Counter();
        int tagged = 0;
        int enterprises = 0;
        int taggedEnterprises = 0;
        int needsReview = 0;
        int wrongSuspect = 0;
        int wrongInvalid = 0;
        int wrongInvalidRight = 0;
        int correctTagged = 0;
        int correctSuspect = 0;
        for (BorrowersTruth.Row row : truth) {
            boolean enterprise = row.status() != Status.NONE;
            enterprises += enterprise ? 1 : 0;
            if (row.status() == Status.MISSING) {
                missing.borrowers++;
            } else if (row.status() == Status.WRONG) {
                wrong.borrowers++;
            }
            Tags t = tags.get(row.borrowerId());
            if (t == null) {
                continue;
            }
            tagged++;
            needsReview += t.needsReview() ? 1 : 0;
            if (t.section() != null) {
                bySection.merge(t.section(), 1, Integer::sum);
            }
            if (t.division() != null) {
                byDivision.merge(t.division(), 1, Integer::sum);
            }
            if (!enterprise) {
                continue;
            }
            taggedEnterprises++;
            bySource.merge(String.valueOf(t.source()), 1, Integer::sum);
            byGiven.merge(String.valueOf(t.givenCodeStatus()), 1, Integer::sum);
            switch (row.status()) {
                case MISSING -> missing.add(row, t);
                case WRONG -> {
                    wrong.add(row, t);
                    wrongSuspect += "SUSPECT".equals(t.givenCodeStatus()) ? 1 : 0;
                    if ("INVALID".equals(t.givenCodeStatus())) {
                        wrongInvalid++;
                        wrongInvalidRight += IndustryCode.division(row.trueIndustryClass()).orElseThrow().equals(t.division()) ? 1 : 0;
                    }
                }
                case CORRECT -> {
                    correctTagged++;
                    correctSuspect += "SUSPECT".equals(t.givenCodeStatus()) ? 1 : 0;
                }
                case NONE -> throw new IllegalStateException("unreachable");
            }
        }
        return new Figures(truth.size(), tagged, enterprises, taggedEnterprises, mostFirst(bySection), mostFirst(byDivision),
                bySource, byGiven, needsReview, missing.accuracy(), wrong.accuracy(), wrongSuspect, wrongInvalid,
                wrongInvalidRight, correctTagged, correctSuspect);
    }

    private static final class Counter {
        int borrowers;
        int tagged;
        int inferred;
        int sectionRight;
        int divisionRight;
        int classInferred;
        int classRight;

        void add(BorrowersTruth.Row row, Tags t) {
            tagged++;
            String truth = row.trueIndustryClass();
            if (t.inferredDivision() != null) {
                inferred++;
                sectionRight += IndustryCode.section(t.inferredDivision()) == IndustryCode.section(truth) ? 1 : 0;
                divisionRight += IndustryCode.division(truth).orElseThrow().equals(t.inferredDivision()) ? 1 : 0;
            }
            if ("INFERRED".equals(t.source()) && t.industryClass() != null) {
                classInferred++;
                classRight += IndustryCode.industryClass(truth).orElseThrow().equals(t.industryClass()) ? 1 : 0;
            }
        }

        Accuracy accuracy() {
            return new Accuracy(borrowers, tagged, inferred, sectionRight, divisionRight, classInferred, classRight);
        }
    }

    private static void appendAccuracy(StringBuilder out, Accuracy a) {
        out.append("  division inferred    ").append(share(a.inferred(), a.tagged())).append('\n');
        out.append("  section right        ").append(share(a.sectionRight(), a.tagged())).append('\n');
        out.append("  division right       ").append(share(a.divisionRight(), a.tagged())).append('\n');
        out.append("  class right          ").append(share(a.classRight(), a.classInferred()))
                .append("  (of those labelled INFERRED down to a class; the simulator draws the class apart from the text)\n");
    }

    private static void appendTop(StringBuilder out, Map<String, Integer> counts, int total) {
        // the name last: CJK characters are two columns wide, so padding them would not align
        counts.entrySet().stream().limit(TOP).forEach(e -> out.append(String.format(Locale.ROOT, "  %-3s %6d  %5.1f %%  %s%n",
                IndustryCode.normalised(e.getKey()), e.getValue(), 100.0 * e.getValue() / total,
                IndustryTaxonomy.find(e.getKey()).map(IndustryTaxonomy.Entry::nameZh).orElse("?"))));
    }

    static String share(int part, int whole) {
        return whole == 0 ? String.format("%d of 0", part)
                : String.format(Locale.ROOT, "%d of %d (%.1f %%)", part, whole, 100.0 * part / whole);
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    private static Map<String, Integer> zeros(List<String> keys) {
        Map<String, Integer> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0));
        return m;
    }

    /** Most first, then by code. */
    private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
