package dev.loanwatch.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scorecard's reason codes (DOMAIN.md §6): the characteristics whose points fall furthest below
 * their maximum, each with its best bin — the what-if that would remove the reason — and the points
 * that bin would add. One implementation for the trainer (its report and tests) and the scoring
 * service (every answer).
 *
 * <p>Edges: a characteristic already in its best bin gives no reason; of two bins with the same
 * points the first is the best; ties between characteristics keep the card's order; fewer reasons
 * than {@code top} when fewer characteristics are below their best.
 */
public final class ReasonCodes {
    private ReasonCodes() {
    }

    /** One characteristic of a card: its bins' labels and points, in bin order. */
    public record Characteristic(String name, List<String> bins, double[] points) {
        public Characteristic {
            bins = List.copyOf(bins);
            points = points.clone();
            if (bins.size() != points.length || points.length == 0) {
                throw new IllegalArgumentException(name + ": " + bins.size() + " bins and " + points.length + " points");
            }
        }
    }

    /** A reason: the characteristic, its bin and points, the bin that removes the reason and the points it would add. */
    public record Reason(String feature, String bin, double points, String whatIfBin, double pointsBelowBest) {
    }

    /**
     * @param card the characteristics, in the card's order
     * @param bins the bin of each characteristic for one row
     * @param top  at most this many reasons, the largest gap first
     */
    public static List<Reason> of(List<Characteristic> card, int[] bins, int top) {
        if (bins.length != card.size()) {
            throw new IllegalArgumentException(bins.length + " bins for " + card.size() + " characteristics");
        }
        List<Reason> out = new ArrayList<>();
        for (int j = 0; j < card.size(); j++) {
            Characteristic c = card.get(j);
            int best = 0;
            for (int b = 1; b < c.points().length; b++) {
                if (c.points()[b] > c.points()[best]) {
                    best = b;
                }
            }
            double gap = c.points()[best] - c.points()[bins[j]];
            if (gap > 0) {
                out.add(new Reason(c.name(), c.bins().get(bins[j]), c.points()[bins[j]], c.bins().get(best), gap));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::pointsBelowBest).reversed());
        return List.copyOf(out.subList(0, Math.min(Math.max(top, 0), out.size())));
    }
}
