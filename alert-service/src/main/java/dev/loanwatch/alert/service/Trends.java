package dev.loanwatch.alert.service;

import static dev.loanwatch.alert.model.Figures.rate;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.Forecast;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trend analysis (趋势分析) of any monthly metric of a segment, with the catalogue's forecasting
 * methods (预测方法): moving average and linear regression of the series, each with its back-tested
 * mean absolute error (one-step-ahead forecasts over the series' own past, {@link Forecast}).
 *
 * <p>A metric is a column of a monthly report — asset quality, inflow, losses — or, for the
 * delinquency report, a column and a bucket ({@code flowRateBalance:M2}).
 */
@ApplicationScoped
public class Trends {
    private final Portfolio portfolio;
    private final Losses losses;

    public Trends(Portfolio portfolio, Losses losses) {
        this.portfolio = portfolio;
        this.losses = losses;
    }

    /** The metrics {@link #trend} follows. */
    public List<String> metrics() {
        List<String> out = new ArrayList<>();
        out.addAll(List.of("loans", "balance", "nplBalance", "nplRatio", "overdueRateDpd1", "overdueRateDpd31",
                "overdueRateDpd91", "overduePrincipalRateDpd1", "overduePrincipalRateDpd31", "overduePrincipalRateDpd91",
                "restructuredRatio", "normalShare", "specialMentionShare", "substandardShare", "doubtfulShare", "lossShare"));
        out.addAll(List.of("inflow", "inflowRate", "cured", "cureRate", "recoveredFlowRate", "nearM2Balance", "nearM3Balance",
                "newBadDebt"));
        out.addAll(List.of("writtenOffPrincipal", "writeOffRate", "recovery", "netCreditLoss", "reversal", "writeOffBalance"));
        for (String column : List.of("balance", "coincidental", "coincidentalAtLeast", "lagged", "laggedAtLeast",
                "flowRateBalance", "flowRateCount")) {
            for (Bucket b : Bucket.values()) {
                out.add(column + ":" + b.label());
            }
        }
        return out;
    }

    public Answer trend(View v, Months months, String metric, int window) throws SQLException {
        if (metric == null || !metrics().contains(metric)) {
            throw new RejectedException(Rejection.invalid("metric", "unknown metric '" + metric
                    + "'; GET /analytics/trend/metrics lists them"));
        }
        String[] parts = metric.split(":");
        Answer source = source(v, months, parts[0], parts.length > 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<BigDecimal> series = new ArrayList<>();
        for (Map<String, Object> r : source.rows()) {
            if (parts.length > 1 && !parts[1].equals(r.get("bucket"))) {
                continue;
            }
            Object value = r.get(parts[0]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", r.get("month"));
            row.put("value", value);
            rows.add(row);
            if (value instanceof BigDecimal d) {
                series.add(d);
            } else if (value instanceof Long l) {
                series.add(BigDecimal.valueOf(l));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("metric", metric);
        summary.put("forecastMonth", YearMonth.from(months.last()).plusMonths(1).toString());
        summary.put("movingAverage", rate(Forecast.movingAverage(series, window)));
        summary.put("movingAverageError", rate(Forecast.backtestedError(series, s -> Forecast.movingAverage(s, window), window)));
        summary.put("linear", rate(Forecast.linear(series)));
        summary.put("linearError", rate(Forecast.backtestedError(series, Forecast::linear, 2)));
        Map<String, String> basis = new LinkedHashMap<>(source.basis());
        basis.put("forecast", "next month by the moving average of the last " + window + " months and by a least-squares line "
                + "through the series; each error is the mean absolute error of the method's one-step forecasts over the series "
                + "itself (n/a: too short); months where the metric is n/a are left out of the series");
        return new Answer("trend", source.segment(), basis, source.pending(), summary, rows);
    }

    private Answer source(View v, Months months, String column, boolean byBucket) throws SQLException {
        if (byBucket) {
            return portfolio.delinquency(v, months);
        }
        Answer quality = portfolio.assetQuality(v, months);
        if (!quality.rows().isEmpty() && quality.rows().get(0).containsKey(column)) {
            return quality;
        }
        Answer inflow = portfolio.inflow(v, months);
        if (!inflow.rows().isEmpty() && inflow.rows().get(0).containsKey(column)) {
            return inflow;
        }
        return losses.losses(v, months);
    }

}
