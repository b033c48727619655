package dev.loanwatch.domain;

/**
 * Population stability index (DOMAIN.md §6, monitoring): how far the distribution of a score (or,
 * as CSI, of one feature) has moved from the one the model was built on.
 * PSI = Σ_i (a_i − e_i) × ln(a_i / e_i) over the bands, e_i the expected (development) share and
 * a_i the actual (current) share. Every term is ≥ 0, and PSI is 0 when nothing moved.
 *
 * <p>The bands are fixed on the expected sample with {@link #quantileCuts} and both samples are
 * counted into them with {@link #shares}; missing values (NaN) have a band of their own, so a
 * feature that starts arriving empty shows up as a shift.
 *
 * <p>A band empty on either side would make its term infinite, which says nothing about how big the
 * shift is. So shares below {@link #FLOOR} = 10⁻⁴ are raised to it: one in ten thousand is below
 * what the samples PSI is run on can resolve, so the floor only ever touches bands that are (as
 * good as) empty, and an emptied band of share e still costs about (e − 10⁻⁴) × ln(e / 10⁻⁴) —
 * 0.69 for e = 10 % — which reads as a shift, as it should.
 */
public final class PopulationStability {

    /** The smallest share a band is taken to have. */
    public static final double FLOOR = 1e-4;

    private PopulationStability() {
    }

    public static double psi(double[] expectedShares, double[] actualShares) {
        if (expectedShares.length != actualShares.length) {
            throw new IllegalArgumentException("expected and actual shares differ in bands: "
                    + expectedShares.length + " vs " + actualShares.length);
        }
        double psi = 0;
        for (int i = 0; i < expectedShares.length; i++) {
            if (!(expectedShares[i] >= 0) || !(actualShares[i] >= 0)) {
                throw new IllegalArgumentException("share of band " + i + " is not a share: expected "
                        + expectedShares[i] + ", actual " + actualShares[i]);
            }
            double e = Math.max(expectedShares[i], FLOOR);
            double a = Math.max(actualShares[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /**
     * The share of the values in each band of {@code cutPoints} (strictly ascending): band 0 is
     * (−∞, cut_0), band k is [cut_{k−1}, cut_k), band m is [cut_{m−1}, +∞) for m cuts, and band
     * m + 1 holds the NaN values — always there, 0 when there are none. So m + 2 shares, summing to
     * 1. Needs at least one value.
     */
    public static double[] shares(double[] values, double[] cutPoints) {
        Cuts.check(cutPoints);
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to share out");
        }
        long[] counts = new long[cutPoints.length + 2];
        for (double v : values) {
            counts[Double.isNaN(v) ? cutPoints.length + 1 : Cuts.band(cutPoints, v)]++;
        }
        double[] shares = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            shares[k] = (double) counts[k] / values.length;
        }
        return shares;
    }

    /**
     * Equal-frequency cut points of the non-NaN values for {@code bands} bands: the value at
     * position ⌊k·N / bands⌋ of the N sorted values opens band k (k = 1 … bands − 1). Ties can make
     * cuts coincide; each is kept once, and one equal to the smallest value is dropped (it would
     * open an empty first band). So at most bands − 1 distinct cuts, none for a single distinct
     * value or no non-NaN values.
     */
    public static double[] quantileCuts(double[] values, int bands) {
        return Cuts.equalFrequency(ValueCounts.unlabelled(values), bands);
    }

    /** "stable" below 0.1, "watch" from 0.1 to 0.25, "shift" above 0.25 (DOMAIN.md §6). */
    public static String reading(double psi) {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("a PSI is not negative or NaN, got " + psi);
        }
        return psi < 0.1 ? "stable" : psi <= 0.25 ? "watch" : "shift";
    }
}
