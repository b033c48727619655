package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.rest.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.BorrowerCommand;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.service.BorrowerService;
import dev.loanwatch.ingestion.service.BorrowerView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/borrowers")
@Tag(name = "Borrowers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BorrowerResource {
    private final BorrowerService service;

    public BorrowerResource(BorrowerService service) {
        this.service = service;
    }

    /** The request shape, for the OpenAPI document (bodies are read field by field to name every bad field). */
    @Schema(name = "BorrowerRequest")
    public record BorrowerRequest(String id, BorrowerCommand.BorrowerType type, String name,
                                  @Schema(description = "unified social credit code (enterprise) or resident ID number (individual); stored only hashed and masked") String identityNumber,
                                  @Schema(description = "GB/T 2260, 6 digits") String regionCode,
                                  @Schema(description = "GB/T 4754-2017, e.g. C3011; optional") String industryCode,
                                  @Schema(description = "经营范围") String businessScope, Integer employees,
                                  java.math.BigDecimal annualRevenue, java.math.BigDecimal totalAssets) {
    }

    @POST
    @Operation(summary = "Create a borrower", description = "Idempotent on id: the same content again answers 200 with the stored borrower; different content is 409.")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = BorrowerRequest.class))) JsonNode body) {
        BorrowerCommand cmd = BorrowerCommand.parse(body);
        return Responses.created(service.ingest(List.of(cmd)).get(0), "/borrowers/" + cmd.id());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a borrower", description = "Writes a new revision and publishes it; the same content again changes nothing.")
    public Response update(@PathParam("id") String id,
                           @RequestBody(content = @Content(schema = @Schema(implementation = BorrowerRequest.class))) JsonNode body) {
        return Responses.changed(service.update(BorrowerCommand.parse(body, Params.id("id", id))));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a borrower")
    public Response get(@PathParam("id") String id) {
        return service.find(Params.id("id", id)).map(b -> Response.ok((BorrowerView) b).build())
                .orElseGet(() -> Problem.notFound("borrower", id));
    }
}
