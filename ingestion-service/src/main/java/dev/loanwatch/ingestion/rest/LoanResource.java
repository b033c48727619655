package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.rest.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.LoanCommand;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.mapping.RestructureCommand;
import dev.loanwatch.ingestion.mapping.WriteOffCommand;
import dev.loanwatch.ingestion.service.LoanService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/loans")
@Tag(name = "Loans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoanResource {
    private final LoanService service;

    public LoanResource(LoanService service) {
        this.service = service;
    }

    @Schema(name = "InstallmentRequest")
    public record InstallmentRequest(int number, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue) {
    }

    @Schema(name = "LoanRequest")
    public record LoanRequest(String id, String borrowerId, String product, String channel, LocalDate disbursementDate,
                              @Schema(description = "yuan, at most 2 decimals") BigDecimal principal,
                              @Schema(description = "fraction: 0.0435 = 4.35 %; 0–0.36") BigDecimal annualRate,
                              @Schema(description = "1–360") int termMonths,
                              @Schema(enumeration = {"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL", "INTEREST_ONLY"}) String method,
                              @Schema(description = "1–31, clamped to month end; default: day of disbursement") Integer dueDay,
                              @Schema(description = "optional: the lender's own schedule, validated against the terms") List<InstallmentRequest> schedule) {
    }

    @Schema(name = "WriteOffRequest")
    public record WriteOffRequest(LocalDate writeOffDate, String reason) {
    }

    @Schema(name = "RestructureRequest")
    public record RestructureRequest(LocalDate effectiveDate, BigDecimal annualRate, int termMonths, String method,
                                     Integer dueDay, String reason) {
    }

    @POST
    @Operation(summary = "Open a loan", description = "Generates the schedule (or validates a supplied one). Idempotent on id.")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = LoanRequest.class))) JsonNode body) {
        LoanCommand cmd = LoanCommand.parse(body);
        return Responses.created(service.ingest(List.of(cmd)).get(0), "/loans/" + cmd.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A loan with its schedule and the status of the last daily close")
    public Response get(@PathParam("id") String id) {
        return service.find(Params.id("id", id)).map(l -> Response.ok(l).build()).orElseGet(() -> Problem.notFound("loan", id));
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "The loan's status at the end of any business date",
            description = "DPD, bucket, stage, five-tier grade, overdue amounts, 准M2/准M3 and MOB, from the schedule in force and the payments valued on or before asOf.")
    public Response status(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        String loanId = Params.id("id", id);
        LocalDate date = Params.date("asOf", asOf, true);
        return service.statusAsOf(loanId, date).map(s -> Response.ok(s).build()).orElseGet(() -> Problem.notFound("loan", id));
    }

    @POST
    @Path("/{id}/write-off")
    @Operation(summary = "Write the loan off (核销)")
    public Response writeOff(@PathParam("id") String id,
                             @RequestBody(content = @Content(schema = @Schema(implementation = WriteOffRequest.class))) JsonNode body) {
        return Responses.changed(service.writeOff(WriteOffCommand.parse(Params.id("id", id), body)));
    }

    @POST
    @Path("/{id}/restructure")
    @Operation(summary = "Restructure the loan (重组)", description = "Replaces the unpaid installments by a new schedule from the effective date.")
    public Response restructure(@PathParam("id") String id,
                                @RequestBody(content = @Content(schema = @Schema(implementation = RestructureRequest.class))) JsonNode body) {
        return Responses.changed(service.restructure(RestructureCommand.parse(Params.id("id", id), body)));
    }
}
