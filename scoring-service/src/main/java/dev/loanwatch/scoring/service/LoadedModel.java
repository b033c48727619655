package dev.loanwatch.scoring.service;

import ai.onnxruntime.OrtException;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.model.OnnxScorer;
import dev.loanwatch.scoring.mapping.ModelCard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A model version ready to score: its ONNX Runtime session and its card. Counted leases let a swap
 * close the session of the version it replaces only once its last request has finished, so a model
 * change under load fails no request.
 */
public final class LoadedModel {
    private static final Logger LOG = Logger.getLogger(LoadedModel.class);

    private final long id;
    private final ModelCard card;
    private final OnnxScorer scorer;
    /** The card's characteristics as reason codes read them, once. */
    private final List<ReasonCodes.Characteristic> points;
    /** Leases held, plus one for being current; -1 once closed. */
    private final AtomicInteger holds = new AtomicInteger(1);

    LoadedModel(long id, ModelCard card, OnnxScorer scorer) {
        this.id = id;
        this.card = card;
        this.scorer = scorer;
        this.points = card.characteristics().stream().map(ModelCard.Characteristic::points).toList();
    }

    public List<ReasonCodes.Characteristic> points() {
        return points;
    }

    private volatile Counter rows;

    /** The counter of rows this version scored ({@code loanwatch_scoring_rows_total}), looked up once. */
    Counter rows(MeterRegistry meters) {
        Counter c = rows;
        if (c == null) {
            c = meters.counter("loanwatch_scoring_rows", "model", card.name(), "version", card.version());
            rows = c;
        }
        return c;
    }

    public long id() {
        return id;
    }

    public ModelCard card() {
        return card;
    }

    public OnnxScorer scorer() {
        return scorer;
    }

    /** Takes a lease unless the model was already closed. */
    boolean lease() {
        while (true) {
            int h = holds.get();
            if (h <= 0) {
                return false;
            }
            if (holds.compareAndSet(h, h + 1)) {
                return true;
            }
        }
    }

    /** Gives a lease back (or, for the holder that made it current, retires it); the last one closes the session. */
    void release() {
        if (holds.decrementAndGet() == 0) {
            holds.set(-1);
            try {
                scorer.close();
            } catch (OrtException e) {
                LOG.warnf("closing the session of model %s %s: %s", card.name(), card.version(), e.getMessage());
            }
        }
    }
}
