package dev.loanwatch.simulator.behaviour;

import dev.loanwatch.simulator.book.BookGenerator;
import dev.loanwatch.simulator.scenario.Scenario;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The systematic part of every loan's hazard, month by month: the scenario's macro path plus
 * slowly wandering industry (GB/T 4754 section) and province factors (AR(1) processes), so that
 * segments differ from month to month the way real books do. Drawn once from the seed.
 */
public final class RiskFactors {
    private static final String SECTIONS = "ABCDEFGHIJKLMNOPQRST";
    private final YearMonth start;
    private final double[] macro;
    private final Map<String, double[]> industry = new HashMap<>();
    private final Map<String, double[]> province = new HashMap<>();

    public RiskFactors(long seed, YearMonth start, int months, Scenario scenario) {
        this.start = start;
        // months after the horizon are needed for the true 12-month PD of the last snapshots
        int n = months + 13;
        macro = new double[n];
        for (int t = 0; t < n; t++) {
            macro[t] = scenario.macroShift(start.plusMonths(t));
        }
        SplittableRandom r = BookGenerator.stream(seed, 3, 0);
        for (char s : SECTIONS.toCharArray()) {
            industry.put(String.valueOf(s), ar1(r, n, 0.85, 0.07));
        }
        for (int p = 11; p <= 82; p++) {
            province.put(String.valueOf(p), ar1(r, n, 0.85, 0.05));
        }
    }

    private static double[] ar1(SplittableRandom r, int n, double phi, double sigma) {
        double[] out = new double[n];
        double x = 0;
        for (int t = 0; t < n; t++) {
            x = phi * x + sigma * BookGenerator.gaussian(r);
            out[t] = x;
        }
        return out;
    }

    /** Log-odds shift for a loan of the given section (null for individuals) and province in a month. */
    public double shift(YearMonth month, String section, String provinceCode) {
        int t = (int) Math.max(0, Math.min(macro.length - 1, start.until(month, java.time.temporal.ChronoUnit.MONTHS)));
        double s = macro[t];
        if (section != null) {
            s += industry.get(section)[t];
        }
        double[] p = province.get(provinceCode);
        return p == null ? s : s + p[t];
    }
}
