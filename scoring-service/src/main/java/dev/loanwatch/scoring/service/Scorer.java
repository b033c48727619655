package dev.loanwatch.scoring.service;

import ai.onnxruntime.OrtException;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.scoring.mapping.ModelCard;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores rows of raw features with the active model: the PD from ONNX Runtime, the points on the
 * card's scale (DOMAIN.md §6, the domain core's {@code ScorecardScaling}), the grade, and for a
 * scorecard its reason codes (the domain core's {@link ReasonCodes} over the card's bins). Every input
 * of the card must be given — a value, or its name in {@code missing} — and nothing else; a number
 * must be finite.
 */
@ApplicationScoped
public class Scorer {
    private final ServingModels models;
    private final Grades grades;
    private final int reasons;
    private final MeterRegistry meters;
    private final ShadowComparison comparison;
    private final Monitoring monitoring;
    /** The challenger scores after the answer, on a thread of its own; under load it falls behind, not the answers. */
    private final ThreadPoolExecutor shadowWork = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "shadow-scoring");
                t.setDaemon(true);
                return t;
            }, (task, pool) -> ((ShadowTask) task).dropped());

    public Scorer(ServingModels models, Grades grades, @ConfigProperty(name = "loanwatch.scoring.reasons") int reasons,
                  MeterRegistry meters, ShadowComparison comparison, Monitoring monitoring) {
        this.models = models;
        this.grades = grades;
        this.reasons = reasons;
        this.meters = meters;
        this.comparison = comparison;
        this.monitoring = monitoring;
    }

    /** One row: numbers and categories by name, and the names of inputs whose value is missing. */
    public record Row(String reference, Map<String, Double> numeric, Map<String, String> categorical, Set<String> missing) {
    }

    public record Score(String reference, double pd, double points, String grade, String model, String version,
                        List<ReasonCodes.Reason> reasons) {
    }

    /** One row, scored by the champion (the challenger in shadow compares it); a bad row is refused naming its fields. */
    public Score score(Row row) {
        Outcome o = scoreEach(List.of(row)).get(0);
        if (o.error() != null) {
            throw o.error();
        }
        return o.score();
    }

    /** One row's outcome in a bulk call: its score, or why it was refused. */
    public record Outcome(Score score, RejectedException error) {
    }

    /**
     * Rows scored as one batch (one ONNX Runtime run), each row on its own: a bad row gets its error and
     * the others their scores, in order — what a stream of rows needs.
     */
    public List<Outcome> scoreEach(List<Row> rows) {
        Optional<ModelSlot.Lease> shadow = models.shadow().lease();
        try (ModelSlot.Lease lease = models.leaseChampion()) {
            ModelCard card = lease.model().card();
            Set<String> shadowInputs = shadow.map(s -> inputs(s.model().card())).orElse(Set.of());
            Outcome[] out = new Outcome[rows.size()];
            List<Row> good = new ArrayList<>(rows.size());
            List<Integer> at = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                List<FieldError> errors = check(card, rows.get(i), shadowInputs);
                if (errors.isEmpty()) {
                    good.add(rows.get(i));
                    at.add(i);
                } else {
                    out[i] = new Outcome(null, new RejectedException(Rejection.invalid(errors)));
                }
            }
            List<Score> scores = scored(lease.model(), good, true);
            for (int k = 0; k < scores.size(); k++) {
                out[at.get(k)] = new Outcome(scores.get(k), null);
            }
            if (shadow.isPresent() && !good.isEmpty()) {
                shadowWork.execute(new ShadowTask(shadow.get(), good, scores));
                shadow = Optional.empty();
            }
            return List.of(out);
        } finally {
            shadow.ifPresent(ModelSlot.Lease::close);
        }
    }

    /** The rows scored by one model (each row checked against its card before); the champion's rows are monitored. */
    private List<Score> scored(LoadedModel m, List<Row> rows, boolean champion) {
        ModelCard card = m.card();
        if (rows.isEmpty()) {
            return List.of();
        }
        float[][] numeric = new float[rows.size()][];
        String[][] categorical = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            numeric[i] = numeric(card, rows.get(i));
            categorical[i] = categorical(card, rows.get(i));
        }
        double[][] logitAndPd;
        try {
            logitAndPd = m.scorer().logitAndPd(card.numeric().isEmpty() ? null : numeric,
                    card.categorical().isEmpty() ? null : categorical);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a checked input: " + e.getMessage(), e);
        }
        double[] pd = logitAndPd[1];
        m.rows(meters).increment(rows.size());
        List<Score> out = new ArrayList<>(rows.size());
        int[][] bins = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            double points = card.scaling().scoreOfLogit(logitAndPd[0][i]);
            bins[i] = bins(card, rows.get(i));
            out.add(new Score(rows.get(i).reference(), pd[i], points, grades.of(points), card.name(), card.version(),
                    reasons(m, bins[i])));
        }
        if (champion) {
            monitoring.record(card, pd, bins);
        }
        return out;
    }

    /** The challenger's scoring of rows the champion answered: compared, then the lease given back. */
    private final class ShadowTask implements Runnable {
        private final ModelSlot.Lease lease;
        private final List<Row> rows;
        private final List<Score> champion;

        ShadowTask(ModelSlot.Lease lease, List<Row> rows, List<Score> champion) {
            this.lease = lease;
            this.rows = rows;
            this.champion = champion;
        }

        @Override
        public void run() {
            try (lease) {
                ModelCard card = lease.model().card();
                List<Integer> scorable = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (complete(card, rows.get(i))) {
                        scorable.add(i);
                    } else {
                        comparison.notCompared();
                    }
                }
                List<Score> challenger = scored(lease.model(), scorable.stream().map(rows::get).toList(), false);
                for (int k = 0; k < challenger.size(); k++) {
                    Score c = champion.get(scorable.get(k));
                    comparison.scored(c.grade(), c.points(), challenger.get(k).grade(), challenger.get(k).points());
                }
            } catch (RuntimeException e) {
                rows.forEach(r -> comparison.notCompared());
            }
        }

        void dropped() {
            lease.close();
            rows.forEach(r -> comparison.notCompared());
        }
    }

    private static Set<String> inputs(ModelCard card) {
        Set<String> all = new HashSet<>(card.numeric());
        all.addAll(card.categorical());
        return all;
    }

    /**
     * Checks a row against the card without scoring it: the errors a score would answer with. Names in
     * {@code alsoAllowed} (the challenger's inputs) are not unknown.
     */
    public static List<FieldError> check(ModelCard card, Row row, Set<String> alsoAllowed) {
        List<FieldError> errors = new ArrayList<>();
        row.numeric().forEach((name, value) -> {
            if (!card.numeric().contains(name) && !(alsoAllowed.contains(name) && !card.categorical().contains(name))) {
                errors.add(new FieldError("numeric." + name, "not an input of model " + card.name() + " " + card.version()
                        + (card.categorical().contains(name) ? " as a number: it is categorical" : "")));
            } else if (value == null || !Double.isFinite(value)) {
                errors.add(new FieldError("numeric." + name, "must be a finite number (list a value that is not known in missing)"));
            }
        });
        row.categorical().forEach((name, value) -> {
            if (!card.categorical().contains(name) && !(alsoAllowed.contains(name) && !card.numeric().contains(name))) {
                errors.add(new FieldError("categorical." + name, "not an input of model " + card.name() + " " + card.version()
                        + (card.numeric().contains(name) ? " as a category: it is numeric" : "")));
            }
        });
        for (String name : row.missing()) {
            if (!card.numeric().contains(name) && !card.categorical().contains(name) && !alsoAllowed.contains(name)) {
                errors.add(new FieldError("missing." + name, "not an input of model " + card.name() + " " + card.version()));
            } else if (row.numeric().containsKey(name) || row.categorical().containsKey(name)) {
                errors.add(new FieldError("missing." + name, "given a value too"));
            }
        }
        for (String name : card.numeric()) {
            if (!row.numeric().containsKey(name) && !row.missing().contains(name)) {
                errors.add(new FieldError("numeric." + name, "required: give a value, or list it in missing"));
            }
        }
        for (String name : card.categorical()) {
            if (!row.categorical().containsKey(name) && !row.missing().contains(name)) {
                errors.add(new FieldError("categorical." + name, "required: give a value, or list it in missing"));
            }
        }
        return errors;
    }

    /** True when the row gives every input of the card, each as its kind (what else it gives does not matter). */
    static boolean complete(ModelCard card, Row row) {
        return card.numeric().stream().allMatch(n -> row.numeric().containsKey(n) || row.missing().contains(n))
                && card.categorical().stream().allMatch(c -> row.categorical().containsKey(c) || row.missing().contains(c));
    }

    private static float[] numeric(ModelCard card, Row row) {
        float[] out = new float[card.numeric().size()];
        for (int j = 0; j < out.length; j++) {
            Double v = row.numeric().get(card.numeric().get(j));
            out[j] = v == null ? Float.NaN : v.floatValue();
        }
        return out;
    }

    private static String[] categorical(ModelCard card, Row row) {
        String[] out = new String[card.categorical().size()];
        for (int j = 0; j < out.length; j++) {
            String v = row.categorical().get(card.categorical().get(j));
            out[j] = v == null || v.isEmpty() ? null : v;
        }
        return out;
    }

    /** Each characteristic's bin for a scorecard's row; null for other kinds. */
    private static int[] bins(ModelCard card, Row row) {
        if (card.characteristics().isEmpty()) {
            return null;
        }
        int[] bins = new int[card.characteristics().size()];
        for (int j = 0; j < bins.length; j++) {
            ModelCard.Characteristic c = card.characteristics().get(j);
            bins[j] = c.binOf(row.numeric().get(c.name()), row.categorical().get(c.name()));
        }
        return bins;
    }

    private List<ReasonCodes.Reason> reasons(LoadedModel m, int[] bins) {
        return bins == null ? List.of() : ReasonCodes.of(m.points(), bins, reasons);
    }
}
