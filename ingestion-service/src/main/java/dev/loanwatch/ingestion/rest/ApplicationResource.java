package dev.loanwatch.ingestion.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.service.ApplicationService;
import dev.loanwatch.ingestion.service.ApplicationView;
import dev.loanwatch.ingestion.service.Outcome;
import dev.loanwatch.platform.rest.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/applications")
@Tag(name = "Applications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    private final ApplicationService service;

    public ApplicationResource(ApplicationService service) {
        this.service = service;
    }

    /** The request shape, for the OpenAPI document (bodies are read field by field to name every bad field). */
    @Schema(name = "ApplicationRequest")
    public record ApplicationRequest(String id, String borrowerId, String product, String channel, LocalDate appliedOn,
                                     @Schema(description = "yuan, at most 2 decimals") BigDecimal amount, Integer termMonths,
                                     ApplicationCommand.Decision decision,
                                     @Schema(description = "required unless PENDING (empty then); not before appliedOn") LocalDate decidedOn,
                                     @Schema(description = "required when APPROVED or REJECTED") ApplicationCommand.Route route,
                                     @Schema(description = "违例核准: approved against policy; only when APPROVED") Boolean deviation,
                                     @Schema(description = "codes of the rules hit (in a CSV cell: separated by ';')") List<String> ruleHits,
                                     @Schema(description = "NOT_SCORED when absent") ApplicationCommand.ModelDecision modelDecision,
                                     Integer modelScore,
                                     @Schema(description = "reason code; required when REJECTED, only then") String rejectReason,
                                     @Schema(description = "e.g. A..E; optional") String riskGrade,
                                     @Schema(description = "the loan disbursed from it: an existing loan of the same borrower; only when APPROVED") String loanId) {
    }

    @POST
    @Operation(summary = "Record an application, or its next revision",
            description = "Idempotent on id and content: the content of any stored revision again answers 200 with the "
                    + "application as stored. New content is the next revision (a decision, the loan disbursed from it): "
                    + "201 for the first, 200 for later ones; 409 when it would move the application to another borrower, "
                    + "make a decided one PENDING again, or change its loan.")
    public Response record(@RequestBody(content = @Content(schema = @Schema(implementation = ApplicationRequest.class))) JsonNode body) {
        ApplicationCommand cmd = ApplicationCommand.parse(body);
        Outcome<ApplicationView> outcome = service.ingest(List.of(cmd)).get(0);
        return outcome.accepted() && outcome.value().revision() > 1
                ? Responses.changed(outcome)
                : Responses.created(outcome, "/applications/" + cmd.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an application in its latest revision")
    public Response get(@PathParam("id") String id) {
        return service.find(Params.id("id", id)).map(a -> Response.ok(a).build())
                .orElseGet(() -> Problem.notFound("application", id));
    }
}
