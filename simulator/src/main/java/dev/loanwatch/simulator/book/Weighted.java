package dev.loanwatch.simulator.book;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Draws items in proportion to their weights (cumulative table, binary search). */
public final class Weighted<T> {
    private final List<T> items;
    private final double[] cumulative;

    public Weighted(List<T> items, ToDoubleFunction<T> weight) {
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += weight.applyAsDouble(items.get(i));
            cumulative[i] = sum;
        }
    }

    public T draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items.get(lo);
    }
}
