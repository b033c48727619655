package dev.loanwatch.scoring.service;

import dev.loanwatch.domain.PopulationStability;
import dev.loanwatch.scoring.mapping.ModelCard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The champion's live scores against its training rows (DOMAIN.md §6): the PSI of the PDs over the
 * card's training PD bands, and for a scorecard the CSI of each characteristic over its bins (the
 * card's training counts per bin), since the champion began serving — the domain core's
 * {@link PopulationStability}. PSI above 0.25 is a shift: the report says drift and the service logs it
 * once. As Prometheus gauges too: {@code loanwatch_scoring_psi}, {@code loanwatch_scoring_csi{feature}}.
 * A GBDT's card has no training distribution per feature, so it gets the PSI only.
 */
@ApplicationScoped
public class Monitoring {
    private static final Logger LOG = Logger.getLogger(Monitoring.class);
    /** DOMAIN.md §6: above this the population has shifted. */
    static final double SHIFT = 0.25;

    public record Report(String model, long rows, double psi, String reading, boolean drift, double[] trainingShares,
                         double[] liveShares, Map<String, Double> csi) {
    }

    private final MeterRegistry meters;
    private ModelCard card;
    private long rows;
    private long[] pdRows = new long[0];
    private long[][] binRows = new long[0][];
    private boolean driftLogged;

    public Monitoring(MeterRegistry meters) {
        this.meters = meters;
        meters.gauge("loanwatch_scoring_psi", this, m -> m.report().psi());
    }

    /** The champion's rows: their PDs and, for a scorecard, each characteristic's bin. */
    public synchronized void record(ModelCard scored, double[] pd, int[][] bins) {
        if (card != scored) {
            start(scored);
        }
        for (int i = 0; i < pd.length; i++) {
            int band = 0;
            while (band < card.trainingPdCuts().length && pd[i] >= card.trainingPdCuts()[band]) {
                band++;
            }
            if (band < pdRows.length) {
                pdRows[band]++;
            }
            if (bins[i] != null) {
                for (int j = 0; j < bins[i].length; j++) {
                    binRows[j][bins[i][j]]++;
                }
            }
        }
        rows += pd.length;
        if (!driftLogged) {
            double psi = psi();
            if (psi > SHIFT) {
                driftLogged = true;
                LOG.warnf("model %s %s: the live PDs have shifted from the training rows' (PSI %.3f over %d rows)", card.name(),
                        card.version(), psi, rows);
            }
        }
    }

    /** The PSI of the live PDs against the training rows' over the card's bands; NaN before any row or without bands. */
    private double psi() {
        return rows == 0 || pdRows.length == 0 ? Double.NaN : PopulationStability.psi(shares(card.trainingPdRows()), shares(pdRows));
    }

    public synchronized Report report() {
        if (card == null) {
            return new Report(null, 0, Double.NaN, "no scores yet", false, new double[0], new double[0], Map.of());
        }
        double[] training = shares(card.trainingPdRows());
        double[] live = shares(pdRows);
        double psi = psi();
        Map<String, Double> csi = new LinkedHashMap<>();
        for (int j = 0; j < card.characteristics().size(); j++) {
            ModelCard.Characteristic c = card.characteristics().get(j);
            long[] trained = new long[binRows[j].length];
            for (int b = 0; b < trained.length; b++) {
                trained[b] = c.numericBins() != null ? c.numericBins().good()[b] + c.numericBins().bad()[b]
                        : c.categoricalBins().good()[b] + c.categoricalBins().bad()[b];
            }
            csi.put(c.name(), rows == 0 ? Double.NaN : PopulationStability.psi(shares(trained), shares(binRows[j])));
        }
        return new Report(card.name() + " " + card.version(), rows, psi,
                Double.isNaN(psi) ? "no scores yet" : PopulationStability.reading(psi), psi > SHIFT, training, live, csi);
    }

    private void start(ModelCard next) {
        card = next;
        rows = 0;
        driftLogged = false;
        pdRows = new long[next.trainingPdRows().length];
        binRows = new long[next.characteristics().size()][];
        for (int j = 0; j < binRows.length; j++) {
            binRows[j] = new long[next.characteristics().get(j).points().points().length];
            String feature = next.characteristics().get(j).name();
            meters.gauge("loanwatch_scoring_csi", Tags.of("feature", feature), this,
                    m -> m.report().csi().getOrDefault(feature, Double.NaN));
        }
    }

    private static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return out;
    }
}
