package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.rest.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.mapping.PaymentCommand;
import dev.loanwatch.ingestion.service.PaymentService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/payments")
@Tag(name = "Payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private final PaymentService service;

    public PaymentResource(PaymentService service) {
        this.service = service;
    }

    @Schema(name = "PaymentRequest")
    public record PaymentRequest(@Schema(description = "idempotency key") String id, String loanId,
                                 java.time.LocalDate valueDate,
                                 @Schema(description = "yuan, > 0, at most 2 decimals") java.math.BigDecimal amount) {
    }

    @POST
    @Operation(summary = "Record a payment", description = "Allocated to the oldest unpaid installment first; penalty, interest, then principal. Idempotent on id.")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = PaymentRequest.class))) JsonNode body) {
        PaymentCommand cmd = PaymentCommand.parse(body);
        return Responses.created(service.ingest(List.of(cmd)).get(0), "/payments/" + cmd.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a payment with its allocation")
    public Response get(@PathParam("id") String id) {
        return service.find(Params.id("id", id)).map(p -> Response.ok(p).build()).orElseGet(() -> Problem.notFound("payment", id));
    }
}
