package dev.loanwatch.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Weight of evidence and information value of a feature's bins (DOMAIN.md §6):
 * WOE_i = ln(%good_i / %bad_i) with %good_i = good_i / Σ good and %bad_i = bad_i / Σ bad, and
 * IV = Σ_i (%good_i − %bad_i) × WOE_i. WOE is positive where goods are over-represented; every IV
 * term is ≥ 0.
 *
 * <p>Empty cells: a bin with goods but no bads (or the reverse) would have an infinite WOE. When any
 * bin has a zero good or bad count, 0.5 is added to the good and the bad count of every bin that has
 * rows (Laplace-style smoothing), the totals taken over the smoothed counts; otherwise the counts
 * are used as they are. A bin with no rows at all (a missing bin that saw no missing values) says
 * nothing: WOE 0 (neutral, scores like the average) and IV 0, and it takes no part in the totals.
 * A bin keeps its raw counts; only WOE and IV are smoothed.
 */
public record WoeTable(List<Bin> bins, double iv) {

    public WoeTable {
        bins = List.copyOf(bins);
    }

    /** One bin's raw counts, its WOE and its term of the IV. */
    public record Bin(long good, long bad, double woe, double iv) {
    }

    public static WoeTable of(long[] good, long[] bad) {
        if (good.length != bad.length) {
            throw new IllegalArgumentException("good and bad counts differ in bins: " + good.length + " vs " + bad.length);
        }
        boolean emptyCell = false;
        for (int i = 0; i < good.length; i++) {
            if (good[i] < 0 || bad[i] < 0) {
                throw new IllegalArgumentException("bin " + i + " has a negative count: good " + good[i] + ", bad " + bad[i]);
            }
            emptyCell |= good[i] + bad[i] > 0 && (good[i] == 0 || bad[i] == 0);
        }
        double smoothing = emptyCell ? 0.5 : 0;
        double goods = 0;
        double bads = 0;
        for (int i = 0; i < good.length; i++) {
            if (good[i] + bad[i] > 0) {
                goods += good[i] + smoothing;
                bads += bad[i] + smoothing;
            }
        }
        List<Bin> bins = new ArrayList<>();
        double iv = 0;
        for (int i = 0; i < good.length; i++) {
            if (good[i] + bad[i] == 0) {
                bins.add(new Bin(0, 0, 0, 0));
            } else {
                double pctGood = (good[i] + smoothing) / goods;
                double pctBad = (bad[i] + smoothing) / bads;
                double woe = Math.log(pctGood / pctBad);
                double term = (pctGood - pctBad) * woe;
                bins.add(new Bin(good[i], bad[i], woe, term));
                iv += term;
            }
        }
        return new WoeTable(bins, iv);
    }
}
