package dev.loanwatch.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted vs observed default rate per band of predicted PD (DOMAIN.md §6, calibration).
 *
 * <p>Loans in ascending PD are cut into {@code bands} bands of equal count: a band closes as soon as
 * it reaches the next multiple of n / bands loans. Loans with the same PD are never split between
 * bands (otherwise their input order would decide the observed rates), so with ties the bands can
 * differ in size and there can be fewer than asked — as many as there are distinct PDs at the
 * most. Bands are numbered 1 (lowest PD) upwards.
 *
 * <p>Expected calibration error ECE = Σ_k (loans_k / n) × |meanPd_k − observedRate_k|.
 */
public final class CalibrationBands {

    private CalibrationBands() {
    }

    /** One band: its PD range, loans, mean predicted PD and observed bad rate. */
    public record Band(int band, double minPd, double maxPd, int loans, double meanPd, double observedRate) {
    }

    public static List<Band> of(double[] pd, int[] labels, int bands) {
        Labels.checkPd(pd, labels);
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be at least 1, got " + bands);
        }
        ValueCounts counts = ValueCounts.of(pd, labels, v -> true);
        long n = pd.length;
        List<Band> result = new ArrayList<>();
        int first = 0; // first distinct PD of the open band
        long loans = 0;
        long bads = 0;
        double pdSum = 0;
        long seen = 0;
        long boundary = 1; // the open band closes once seen ≥ boundary × n / bands
        for (int i = 0; i < counts.size(); i++) {
            loans += counts.rows(i);
            bads += counts.bad()[i];
            pdSum += counts.values()[i] * counts.rows(i);
            seen += counts.rows(i);
            if (seen * bands >= boundary * n) {
                result.add(new Band(result.size() + 1, counts.values()[first], counts.values()[i], (int) loans,
                        pdSum / loans, (double) bads / loans));
                while (seen * bands >= boundary * n) {
                    boundary++;
                }
                first = i + 1;
                loans = 0;
                bads = 0;
                pdSum = 0;
            }
        }
        return List.copyOf(result);
    }

    public static double expectedCalibrationError(List<Band> bands) {
        long n = bands.stream().mapToLong(Band::loans).sum();
        if (n == 0) {
            throw new IllegalArgumentException("no loans in the bands");
        }
        double ece = 0;
        for (Band b : bands) {
            ece += (double) b.loans() / n * Math.abs(b.meanPd() - b.observedRate());
        }
        return ece;
    }
}
