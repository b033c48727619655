package dev.loanwatch.scoring.service;

import dev.loanwatch.domain.PopulationStability;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The champion against the challenger in shadow, on the same rows since the shadow was set: how many
 * rows both scored, how often they gave the same grade, the grade pairs, and the PSI of the
 * challenger's points against the champion's over fixed points bands (DOMAIN.md §6: < 0.1 stable,
 * 0.1–0.25 watch, > 0.25 shift; the domain core's {@link PopulationStability}). Rows not compared — an
 * input of the challenger's card missing from the row, or its queue full under load — are counted apart. Also as Prometheus
 * metrics: {@code loanwatch_scoring_shadow_rows_total}, {@code loanwatch_scoring_shadow_agreement},
 * {@code loanwatch_scoring_shadow_psi}.
 */
@ApplicationScoped
public class ShadowComparison {
    /** Points band edges: the grades' floors and the scale's usual range in steps of 50. */
    static final double[] BANDS = {400, 450, 500, 520, 550, 580, 600, 640, 650, 700, 750, 800};

    /** What was compared, for one champion and one shadow version. */
    public record Report(String champion, String shadow, long rows, long notCompared, double agreement, double psi,
                         String psiReading, Map<String, Long> gradePairs, double[] bands, long[] championBands,
                         long[] shadowBands) {
    }

    private String champion;
    private String shadow;
    private long rows;
    private long notCompared;
    private long agreed;
    private final long[] championBands = new long[BANDS.length + 1];
    private final long[] shadowBands = new long[BANDS.length + 1];
    private final Map<String, Long> pairs = new TreeMap<>();

    private final MeterRegistry meters;

    public ShadowComparison(MeterRegistry meters) {
        this.meters = meters;
        meters.gauge("loanwatch_scoring_shadow_agreement", this, c -> c.report().agreement());
        meters.gauge("loanwatch_scoring_shadow_psi", this, c -> c.report().psi());
    }

    /** Starts over for a new pair of versions (a shadow set, a champion changed). */
    public synchronized void restart(String championVersion, String shadowVersion) {
        champion = championVersion;
        shadow = shadowVersion;
        rows = 0;
        notCompared = 0;
        agreed = 0;
        java.util.Arrays.fill(championBands, 0);
        java.util.Arrays.fill(shadowBands, 0);
        pairs.clear();
    }

    public synchronized void scored(String championGrade, double championPoints, String shadowGrade, double shadowPoints) {
        rows++;
        if (championGrade.equals(shadowGrade)) {
            agreed++;
        }
        pairs.merge(championGrade + "→" + shadowGrade, 1L, Long::sum);
        championBands[band(championPoints)]++;
        shadowBands[band(shadowPoints)]++;
        meters.counter("loanwatch_scoring_shadow_rows", "outcome", "scored").increment();
    }

    public synchronized void notCompared() {
        notCompared++;
        meters.counter("loanwatch_scoring_shadow_rows", "outcome", "not_compared").increment();
    }

    public synchronized Report report() {
        double psi = rows == 0 ? Double.NaN : PopulationStability.psi(shares(championBands), shares(shadowBands));
        return new Report(champion, shadow, rows, notCompared, rows == 0 ? Double.NaN : (double) agreed / rows, psi,
                rows == 0 ? "no rows yet" : PopulationStability.reading(psi), new LinkedHashMap<>(pairs), BANDS.clone(),
                championBands.clone(), shadowBands.clone());
    }

    private static int band(double points) {
        int b = 0;
        while (b < BANDS.length && points >= BANDS[b]) {
            b++;
        }
        return b;
    }

    private double[] shares(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / rows;
        }
        return out;
    }
}
