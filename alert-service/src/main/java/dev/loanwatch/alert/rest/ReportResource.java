package dev.loanwatch.alert.rest;

import dev.loanwatch.alert.service.Months;
import dev.loanwatch.alert.service.Reports;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalogue's report set by name, for a segment and months, as JSON or CSV. */
@Path("/reports")
@Tag(name = "reports", description = "The metric catalogue's report set (数据报表) by name")
@Produces({MediaType.APPLICATION_JSON, CsvAnswers.TEXT_CSV})
@Blocking
public class ReportResource {
    private final Reports reports;
    private final AnalyticsResource analytics;

    public ReportResource(Reports reports, AnalyticsResource analytics) {
        this.reports = reports;
        this.analytics = analytics;
    }

    @GET
    @Operation(summary = "The reports, with their Chinese titles and what each shows")
    public List<Reports.Definition> list() {
        return Reports.ALL;
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One report for a segment (the analytics' segment parameters) and month or months")
    public Response report(@PathParam("name") String name, @Context UriInfo uri) throws SQLException {
        Reports.definition(name);
        return analytics.respond(uri, Set.of("month", "from", "to", "format"), v -> reports.report(v, name,
                Months.of(AnalyticsResource.param(uri, "month"), AnalyticsResource.param(uri, "from"),
                        AnalyticsResource.param(uri, "to"), v.closed(), true)));
    }
}
