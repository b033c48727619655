package dev.loanwatch.alert.rest;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.model.Segment;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.alert.repository.FunnelQueries;
import dev.loanwatch.alert.service.Drilldown;
import dev.loanwatch.alert.service.Funnel;
import dev.loanwatch.alert.service.Losses;
import dev.loanwatch.alert.service.Months;
import dev.loanwatch.alert.service.Portfolio;
import dev.loanwatch.alert.service.ReadModel;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.alert.service.Trends;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The metric catalogue per segment and month. Every endpoint takes the segment as query parameters
 * (section, division, riskGroup, province, prefecture, size, customerType, product, channel,
 * termBand, rateBand, tag — any combination, one value each) and answers an {@link Answer}: JSON, or
 * CSV with {@code Accept: text/csv} or {@code format=csv}. An unknown parameter, a bad code or a
 * month the book has not closed is a 400 naming the parameter.
 */
@Path("/analytics")
@Tag(name = "analytics", description = "The metric catalogue per segment and month")
@Produces({MediaType.APPLICATION_JSON, CsvAnswers.TEXT_CSV})
@Blocking
public class AnalyticsResource {
    private static final Set<String> MONTHS = Set.of("month", "from", "to", "format");

    private final ReadModel readModel;
    private final Portfolio portfolio;
    private final Losses losses;
    private final Trends trends;
    private final Funnel funnel;
    private final Drilldown drilldown;

    public AnalyticsResource(ReadModel readModel, Portfolio portfolio, Losses losses, Trends trends, Funnel funnel,
                             Drilldown drilldown) {
        this.funnel = funnel;
        this.drilldown = drilldown;
        this.readModel = readModel;
        this.portfolio = portfolio;
        this.losses = losses;
        this.trends = trends;
    }

    /** A report over a view of the read model. */
    @FunctionalInterface
    interface Report {
        Answer of(View view) throws SQLException;
    }

    @GET
    @Path("/months")
    @Operation(summary = "The month ends the read model has, and those with new facts not yet counted")
    public Map<String, Object> months() throws SQLException {
        try (View v = readModel.open(Segment.WHOLE_BOOK)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("closed", v.closed().stream().map(d -> YearMonth.from(d).toString()).toList());
            out.put("pending", v.pending());
            return out;
        }
    }

    @GET
    @Path("/dimensions")
    @Operation(summary = "The values each segment dimension has in the read model, with their names (GB/T 4754, GB/T 2260, risk groups)")
    public Map<String, List<Drilldown.Value>> dimensions() throws SQLException {
        try (View v = readModel.open(Segment.WHOLE_BOOK)) {
            return drilldown.dimensions(v);
        }
    }

    @GET
    @Path("/loans")
    @Operation(summary = "The segment's loans at a month end (default: the last closed), largest outstanding first, a page at a time: the end of a drill-down")
    public Response loans(@Context UriInfo uri,
                          @Parameter(description = "page size (default 50, at most 1000)") @jakarta.ws.rs.QueryParam("limit") String limit,
                          @Parameter(description = "rows to skip (default 0)") @jakarta.ws.rs.QueryParam("offset") String offset)
            throws SQLException {
        int l = integer("limit", limit, 50, 1, 1000);
        int o = integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        return single(uri, Set.of("limit", "offset"), false, (v, months) -> drilldown.loans(v, months.last(), l, o));
    }

    @GET
    @Path("/asset-quality")
    @Operation(summary = "Five-tier distribution, NPL ratio, overdue rates (DPD ≥ 1 / 31 / 91, whole loan and overdue principal), restructured ratio — per month")
    public Response assetQuality(@Context UriInfo uri) throws SQLException {
        return series(uri, Set.of(), (v, m) -> portfolio.assetQuality(v, m));
    }

    @GET
    @Path("/delinquency")
    @Operation(summary = "Per month and bucket: coincidental and lagged delinquency (bucket and Mn+), flow rates by balance and count, the CPD view")
    public Response delinquency(@Context UriInfo uri) throws SQLException {
        return series(uri, Set.of(), (v, m) -> portfolio.delinquency(v, m));
    }

    @GET
    @Path("/inflow")
    @Operation(summary = "Per month: inflow (入催) and inflow rate, cured (催回) and cure rate, 回流, 准M2 / 准M3, new bad debt")
    public Response inflow(@Context UriInfo uri) throws SQLException {
        return series(uri, Set.of(), (v, m) -> portfolio.inflow(v, m));
    }

    @GET
    @Path("/roll-rates")
    @Operation(summary = "The roll-rate matrix (counts and balances, better / same / worse), one month or pooled over a range")
    public Response rollRates(@Context UriInfo uri) throws SQLException {
        return single(uri, Set.of(), true, (v, m) -> portfolio.rollRates(v, m));
    }

    @GET
    @Path("/vintage")
    @Operation(summary = "Vintage: Mn+ balance over disbursed and ever-Mn+ share, per cohort and month on book")
    public Response vintage(@Context UriInfo uri,
                            @Parameter(description = "n of Mn+: M1 … M7+ (default M3)") @jakarta.ws.rs.QueryParam("threshold") String threshold,
                            @Parameter(description = "first cohort, YYYY-MM") @jakarta.ws.rs.QueryParam("cohortFrom") String cohortFrom,
                            @Parameter(description = "last cohort, YYYY-MM") @jakarta.ws.rs.QueryParam("cohortTo") String cohortTo)
            throws SQLException {
        Bucket t = threshold(threshold);
        Optional<YearMonth> from = cohort("cohortFrom", cohortFrom);
        Optional<YearMonth> to = cohort("cohortTo", cohortTo);
        return respond(uri, Set.of("threshold", "cohortFrom", "cohortTo", "format"), v -> portfolio.vintage(v, t, from, to));
    }

    @GET
    @Path("/delinquent-at-mob")
    @Operation(summary = "Delinquent% at chosen months on book (贷后N月的delinquent%, e.g. MOB 6 and 12) per cohort: ever-Mn+ share and Mn+ balance rate")
    public Response delinquentAtMob(@Context UriInfo uri,
                                    @Parameter(description = "n of Mn+: M1 … M7+ (default M1)") @jakarta.ws.rs.QueryParam("threshold") String threshold,
                                    @Parameter(description = "months on book, comma-separated (default 6,12)") @jakarta.ws.rs.QueryParam("mobs") String mobs)
            throws SQLException {
        Bucket t = threshold == null ? Bucket.M1 : threshold(threshold);
        List<Integer> at = new java.util.ArrayList<>();
        for (String m : (mobs == null ? "6,12" : mobs).split(",", -1)) {
            at.add(integer("mobs", m.trim(), 0, 0, 600));
        }
        return respond(uri, Set.of("threshold", "mobs", "format"), v -> portfolio.delinquentAtMob(v, t, at));
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "One month by the values of a dimension (or of two: industry × region): balance, overdue, NPL, ratios, shares, Pareto order, Herfindahl index")
    public Response breakdown(@Context UriInfo uri,
                              @Parameter(description = "the dimension to break down by (a segment parameter name)", required = true)
                              @jakarta.ws.rs.QueryParam("by") String by,
                              @Parameter(description = "a second dimension: one row per pair of values (e.g. by=section&across=province)")
                              @jakarta.ws.rs.QueryParam("across") String across,
                              @Parameter(description = "Pareto order by balance (default), overdue or npl")
                              @jakarta.ws.rs.QueryParam("measure") String measure) throws SQLException {
        Dimension d = by == null ? null : Dimension.ofParameter(by);
        if (d == null) {
            throw new RejectedException(Rejection.invalid("by", "give one of " + Dimension.parameters()));
        }
        Dimension a = across == null ? null : Dimension.ofParameter(across);
        if (across != null && (a == null || a == d)) {
            throw new RejectedException(Rejection.invalid("across", "give one of " + Dimension.parameters() + " other than by"));
        }
        String m = measure == null ? "balance" : measure;
        if (!Set.of("balance", "overdue", "npl").contains(m)) {
            throw new RejectedException(Rejection.invalid("measure", "give balance, overdue or npl"));
        }
        return single(uri, Set.of("by", "across", "measure"), false, (v, months) -> portfolio.breakdown(v, d, a, months.last(), m));
    }

    @GET
    @Path("/losses")
    @Operation(summary = "Per month: write-offs and WO%, recoveries, write-off balance, Re (回冲), NCL, new bad debt")
    public Response losses(@Context UriInfo uri) throws SQLException {
        return series(uri, Set.of(), (v, m) -> losses.losses(v, m));
    }

    @GET
    @Path("/cohort-losses")
    @Operation(summary = "Cumulative WO% per cohort, marked matured or not")
    public Response cohortLosses(@Context UriInfo uri) throws SQLException {
        return single(uri, Set.of(), false, (v, m) -> losses.cohortLosses(v, m.last()));
    }

    @GET
    @Path("/ecl")
    @Operation(summary = "ECL by stage at a month end (PD source named), provision ratio and coverage")
    public Response ecl(@Context UriInfo uri) throws SQLException {
        return single(uri, Set.of(), false, (v, m) -> losses.ecl(v, m.last()));
    }

    @GET
    @Path("/migration")
    @Operation(summary = "The regulator's five-tier migration rates from one month end to another (default: the last two)")
    public Response migration(@Context UriInfo uri) throws SQLException {
        return respond(uri, Set.of("from", "to", "format"), v -> {
            Months range = Months.of(null, param(uri, "from"), param(uri, "to"), v.closed(), true);
            LocalDate start = param(uri, "from") == null && range.monthEnds().size() > 1
                    ? range.monthEnds().get(range.monthEnds().size() - 2) : range.first();
            return losses.migration(v, start, range.last());
        });
    }

    @GET
    @Path("/early-delinquency")
    @Operation(summary = "FPD / SPD / TPD / QPD with the day parameter, and malicious delinquency, as of a date")
    public Response early(@Context UriInfo uri,
                          @Parameter(description = "d of FPDd (default 30)") @jakarta.ws.rs.QueryParam("days") String days,
                          @Parameter(description = "malicious: installments after the first also never paid (default 2)")
                          @jakarta.ws.rs.QueryParam("following") String following,
                          @Parameter(description = "as of this date (default: the last closed month end)")
                          @jakarta.ws.rs.QueryParam("asOf") String asOf) throws SQLException {
        int d = integer("days", days, 30, 0, 3650);
        int f = integer("following", following, 2, 0, 3);
        return respond(uri, Set.of("days", "following", "asOf", "format"), v -> {
            LocalDate at = asOf == null ? Months.of(null, null, null, v.closed(), false).last() : date("asOf", asOf);
            return losses.early(v, at, d, f);
        });
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "The approval funnel (贷前) by application month, or by product, channel, reject reason, risk grade or rule: counts and ratios")
    public Response funnel(@Context UriInfo uri,
                           @Parameter(description = "month (default), product, channel, rejectReason, riskGrade or rule")
                           @jakarta.ws.rs.QueryParam("by") String by) throws SQLException {
        FunnelQueries.By key = by == null ? FunnelQueries.By.MONTH : java.util.Arrays.stream(FunnelQueries.By.values())
                .filter(b -> b.name().replace("_", "").equalsIgnoreCase(by)).findFirst()
                .orElseThrow(() -> new RejectedException(Rejection.invalid("by",
                        "give month, product, channel, rejectReason, riskGrade or rule")));
        LocalDate from = param(uri, "from") == null ? null : Months.parse("from", param(uri, "from"));
        LocalDate to = param(uri, "to") == null ? null : Months.parse("to", param(uri, "to"));
        return respond(uri, Set.of("from", "to", "by", "format"), false, v -> funnel.funnel(v, from, to, key));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "One metric of the segment per month, with moving-average and linear forecasts and their back-tested error")
    public Response trend(@Context UriInfo uri,
                          @Parameter(description = "the metric, e.g. nplRatio, overdueRateDpd1, flowRateBalance:M1, inflowRate (see GET /analytics/trend/metrics)", required = true)
                          @jakarta.ws.rs.QueryParam("metric") String metric,
                          @Parameter(description = "moving-average window in months (default 3)") @jakarta.ws.rs.QueryParam("window") String window)
            throws SQLException {
        int w = integer("window", window, 3, 1, 24);
        return series(uri, Set.of("metric", "window"), (v, m) -> trends.trend(v, m, metric, w));
    }

    @GET
    @Path("/trend/metrics")
    @Operation(summary = "The metrics a trend can follow")
    public List<String> trendMetrics() {
        return trends.metrics();
    }

    /** A report over the closed months asked (all of them when none is given). */
    @FunctionalInterface
    interface MonthsReport {
        Answer of(View view, Months months) throws SQLException;
    }

    private Response series(UriInfo uri, Set<String> extra, MonthsReport report) throws SQLException {
        return single(uri, extra, true, report);
    }

    private Response single(UriInfo uri, Set<String> extra, boolean series, MonthsReport report) throws SQLException {
        Set<String> allowed = new java.util.HashSet<>(MONTHS);
        allowed.addAll(extra);
        return respond(uri, allowed, v -> report.of(v, Months.of(param(uri, "month"), param(uri, "from"), param(uri, "to"),
                v.closed(), series)));
    }

    Response respond(UriInfo uri, Set<String> allowed, Report report) throws SQLException {
        return respond(uri, allowed, true, report);
    }

    /** {@code loans}: the report reads the segment's loans (else only its filters: the funnel's applications). */
    private Response respond(UriInfo uri, Set<String> allowed, boolean loans, Report report) throws SQLException {
        Segment segment = Segment.of(uri.getQueryParameters(), allowed);
        String format = param(uri, "format");
        if (format != null && !Set.of("csv", "json").contains(format)) {
            throw new RejectedException(Rejection.invalid("format", "give csv or json"));
        }
        try (View v = loans ? readModel.open(segment) : readModel.openApplications(segment)) {
            Answer answer = report.of(v);
            Response.ResponseBuilder r = Response.ok(answer);
            if (format != null) {
                r.type("csv".equals(format) ? CsvAnswers.TEXT_CSV : MediaType.APPLICATION_JSON);
            }
            return r.build();
        }
    }

    static String param(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new RejectedException(Rejection.invalid(name, "give it once"));
        }
        return values.get(0);
    }

    private static Bucket threshold(String value) {
        if (value == null) {
            return Bucket.M3;
        }
        try {
            Bucket b = Bucket.ofLabel(value);
            if (b == Bucket.C) {
                throw new RejectedException(Rejection.invalid("threshold", "C would count every loan: give M1 … M7+"));
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new RejectedException(Rejection.invalid("threshold", e.getMessage()));
        }
    }

    private static Optional<YearMonth> cohort(String name, String value) {
        return value == null ? Optional.empty() : Optional.of(YearMonth.from(Months.parse(name, value)));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RejectedException(Rejection.invalid(name, "'" + value + "' is not a date (YYYY-MM-DD)"));
        }
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new RejectedException(Rejection.invalid(name, "give a whole number from " + min + " to " + max));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RejectedException(Rejection.invalid(name, "'" + value + "' is not a whole number"));
        }
    }
}
