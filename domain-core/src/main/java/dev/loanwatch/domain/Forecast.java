package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue's forecasting methods (预测方法, DOMAIN.md §4) for a metric's monthly series, and
 * the back-tested error to show beside each forecast.
 * <ul>
 *   <li><b>moving average</b> of the last {@code window} values;</li>
 *   <li><b>linear regression</b>: least squares of value on month index 0 … n−1, extended to n;</li>
 *   <li><b>back-tested error</b>: the mean absolute error of the method's one-step-ahead forecasts
 *       over the series, each made from the values before it (at least {@code minHistory} of them).</li>
 * </ul>
 * Results at {@link Ratio#SCALE} decimals, HALF_UP; a series too short for the method gives empty.
 */
public final class Forecast {
    private static final MathContext CALC = MathContext.DECIMAL128;

    private Forecast() {
    }

    public static Optional<BigDecimal> movingAverage(List<BigDecimal> series, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        if (series.size() < window) {
            return Optional.empty();
        }
        BigDecimal sum = series.subList(series.size() - window, series.size()).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(window), Ratio.SCALE, Ratio.ROUNDING));
    }

    /** Needs two values; with a flat series the forecast is that value. */
    public static Optional<BigDecimal> linear(List<BigDecimal> series) {
        int n = series.size();
        if (n < 2) {
            return Optional.empty();
        }
        // x = 0 … n−1: mean x = (n−1)/2; slope = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²
        BigDecimal meanX = BigDecimal.valueOf(n - 1).divide(BigDecimal.valueOf(2), CALC);
        BigDecimal meanY = series.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(n), CALC);
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        for (int x = 0; x < n; x++) {
            BigDecimal dx = BigDecimal.valueOf(x).subtract(meanX);
            sxy = sxy.add(dx.multiply(series.get(x).subtract(meanY)));
            sxx = sxx.add(dx.multiply(dx));
        }
        BigDecimal slope = sxy.divide(sxx, CALC);
        BigDecimal next = meanY.add(slope.multiply(BigDecimal.valueOf(n).subtract(meanX)));
        return Optional.of(next.setScale(Ratio.SCALE, Ratio.ROUNDING));
    }

    public static Optional<BigDecimal> backtestedError(List<BigDecimal> series, Function<List<BigDecimal>, Optional<BigDecimal>> method,
                                                       int minHistory) {
        BigDecimal total = BigDecimal.ZERO;
        int forecasts = 0;
        for (int t = Math.max(1, minHistory); t < series.size(); t++) {
            Optional<BigDecimal> f = method.apply(series.subList(0, t));
            if (f.isPresent()) {
                total = total.add(f.get().subtract(series.get(t)).abs());
                forecasts++;
            }
        }
        return forecasts == 0 ? Optional.empty()
                : Optional.of(total.divide(BigDecimal.valueOf(forecasts), Ratio.SCALE, Ratio.ROUNDING));
    }
}
