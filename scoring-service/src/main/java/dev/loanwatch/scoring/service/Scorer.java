package dev.loanwatch.scoring.service;

import ai.onnxruntime.OrtException;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.scoring.mapping.ModelCard;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final ActiveModel active;
    private final Grades grades;
    private final int reasons;
    private final MeterRegistry meters;

    public Scorer(ActiveModel active, Grades grades, @ConfigProperty(name = "loanwatch.scoring.reasons") int reasons,
                  MeterRegistry meters) {
        this.active = active;
        this.grades = grades;
        this.reasons = reasons;
        this.meters = meters;
    }

    /** One row: numbers and categories by name, and the names of inputs whose value is missing. */
    public record Row(String reference, Map<String, Double> numeric, Map<String, String> categorical, Set<String> missing) {
    }

    public record Score(String reference, double pd, double points, String grade, String model, String version,
                        List<ReasonCodes.Reason> reasons) {
    }

    public Score score(Row row) {
        return score(List.of(row)).get(0);
    }

    /** Rows scored as one batch by one model version; a bad row rejects the batch (naming the row's fields). */
    public List<Score> score(List<Row> rows) {
        try (ActiveModel.Lease lease = active.lease()) {
            LoadedModel m = lease.model();
            ModelCard card = m.card();
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
            meters.counter("loanwatch_scoring_rows", "model", card.name(), "version", card.version()).increment(rows.size());
            List<Score> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                double points = card.scaling().scoreOfLogit(logitAndPd[0][i]);
                out.add(new Score(rows.get(i).reference(), pd[i], points, grades.of(points), card.name(), card.version(),
                        reasons(card, rows.get(i))));
            }
            return out;
        }
    }

    /** Checks a row against the card without scoring it: the errors a score would answer with. */
    public static List<FieldError> check(ModelCard card, Row row) {
        List<FieldError> errors = new ArrayList<>();
        row.numeric().forEach((name, value) -> {
            if (!card.numeric().contains(name)) {
                errors.add(new FieldError("numeric." + name, "not an input of model " + card.name() + " " + card.version()
                        + (card.categorical().contains(name) ? " as a number: it is categorical" : "")));
            } else if (value == null || !Double.isFinite(value)) {
                errors.add(new FieldError("numeric." + name, "must be a finite number (list a value that is not known in missing)"));
            }
        });
        row.categorical().forEach((name, value) -> {
            if (!card.categorical().contains(name)) {
                errors.add(new FieldError("categorical." + name, "not an input of model " + card.name() + " " + card.version()
                        + (card.numeric().contains(name) ? " as a category: it is numeric" : "")));
            }
        });
        for (String name : row.missing()) {
            if (!card.numeric().contains(name) && !card.categorical().contains(name)) {
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

    private static float[] numeric(ModelCard card, Row row) {
        List<FieldError> errors = check(card, row);
        if (!errors.isEmpty()) {
            throw new RejectedException(Rejection.invalid(errors));
        }
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

    private List<ReasonCodes.Reason> reasons(ModelCard card, Row row) {
        if (card.characteristics().isEmpty()) {
            return List.of();
        }
        int[] bins = new int[card.characteristics().size()];
        List<ReasonCodes.Characteristic> points = new ArrayList<>();
        for (int j = 0; j < bins.length; j++) {
            ModelCard.Characteristic c = card.characteristics().get(j);
            bins[j] = c.binOf(row.numeric().get(c.name()), row.categorical().get(c.name()));
            points.add(c.points());
        }
        return ReasonCodes.of(points, bins, reasons);
    }
}
