package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.rest.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.Fields;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.service.CloseService;
import dev.loanwatch.ingestion.service.CloseSummary;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/closes")
@Tag(name = "Daily close")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CloseResource {
    private final CloseService service;

    public CloseResource(CloseService service) {
        this.service = service;
    }

    @Schema(name = "CloseRequest")
    public record CloseRequest(LocalDate businessDate,
                               @Schema(description = "recompute the latest closed date again (e.g. after late payments)") Boolean rerun) {
    }

    @POST
    @Operation(summary = "Close a business date", description = "Computes the status of every open loan as of the end of the date, "
            + "publishes status changes, and at month end the snapshot of every open loan. Closing a date again changes nothing; "
            + "dates move forward only unless rerun is true.")
    public Response close(@RequestBody(content = @Content(schema = @Schema(implementation = CloseRequest.class))) JsonNode body) {
        Fields f = Fields.of(body, Set.of("businessDate", "rerun"));
        LocalDate date = f.date("businessDate", true);
        Boolean rerun = f.flag("rerun", false);
        f.check();
        CloseSummary summary = service.close(date, Boolean.TRUE.equals(rerun));
        return Response.status(summary.alreadyClosed() ? 200 : 201).entity(summary).build();
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "The close of a date")
    public Response get(@PathParam("date") String dateText) {
        LocalDate date = Params.date("date", dateText, true);
        return service.find(date).map(s -> Response.ok(s).build()).orElseGet(() -> Problem.notFound("close of", date.toString()));
    }

    @GET
    @Operation(summary = "The most recent closes")
    public List<CloseSummary> recent(@QueryParam("limit") String limitText) {
        Long limit = Params.wholeNumber("limit", limitText, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return service.recent(limit == null ? 30 : (int) Math.max(1, Math.min(limit, 1000)));
    }
}
