package dev.loanwatch.ingestion.rest;

import dev.loanwatch.platform.rest.Problem;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.ingestion.mapping.Params;
import dev.loanwatch.ingestion.mapping.RowReader.Format;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.ingestion.repository.ImportJobRepository.Job;
import dev.loanwatch.ingestion.repository.ImportJobRepository.RejectedRow;
import dev.loanwatch.ingestion.service.ImportService;
import dev.loanwatch.ingestion.service.RecordType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/imports")
@Tag(name = "Batch import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    public static final String NDJSON = "application/x-ndjson";

    private final ImportService service;

    public ImportResource(ImportService service) {
        this.service = service;
    }

    /** A job with its counts and progress. */
    public record JobView(UUID id, String recordType, String format, String fileName, String state, long bytesTotal,
                          long bytesRead, double percent, long rowsRead, long rowsAccepted, long rowsRejected,
                          Double rowsPerSecond, String error, OffsetDateTime createdAt, OffsetDateTime startedAt,
                          OffsetDateTime resumedAt, OffsetDateTime finishedAt) {
        static JobView of(Job j) {
            double percent = j.bytesTotal() == 0 ? 100.0 : Math.min(100.0, Math.round(1000.0 * j.bytesRead() / j.bytesTotal()) / 10.0);
            Double rate = null;
            // the counts are those of the current run (a run cut off by a restart starts again from
            // the top), so the rate is over the time it has run, not over a downtime before it
            OffsetDateTime begin = j.resumedAt() != null ? j.resumedAt() : j.startedAt();
            if (begin != null) {
                OffsetDateTime end = j.finishedAt() != null ? j.finishedAt() : OffsetDateTime.now();
                long ms = Math.max(1, Duration.between(begin, end).toMillis());
                rate = Math.round(j.rowsRead() * 1000.0 / ms * 10) / 10.0;
            }
            return new JobView(j.id(), j.recordType(), j.format(), j.fileName(), j.state(), j.bytesTotal(), j.bytesRead(),
                    "COMPLETED".equals(j.state()) ? 100.0 : percent, j.rowsRead(), j.rowsAccepted(), j.rowsRejected(), rate,
                    j.error(), j.createdAt(), j.startedAt(), j.resumedAt(), j.finishedAt());
        }
    }

    @POST
    @Path("/{recordType}")
    @Consumes({"text/csv", NDJSON})
    @Operation(summary = "Import a CSV or NDJSON file of borrowers, loans, payments or applications",
            description = "The body is the file (CSV with a header row naming the fields, or one JSON object per line). "
                    + "Answers 202 with a job to follow; accepted rows are committed chunk by chunk, rejected rows are listed "
                    + "at /imports/{id}/rejections with their line and reasons.")
    public Response submit(@PathParam("recordType") String recordType, @QueryParam("fileName") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException, SQLException {
        // ASCII case only: Java's case mapping would take look-alike letters of other scripts
        RecordType type = Arrays.stream(RecordType.values())
                .filter(t -> Text.isAscii(recordType) && t.name().equalsIgnoreCase(recordType)).findFirst()
                .orElseThrow(() -> RejectedException.invalid("recordType", "must be one of " + Arrays.stream(RecordType.values())
                        .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        String name = Params.text("fileName", fileName, 255);
        Format format = contentType != null && contentType.startsWith("text/csv") ? Format.CSV : Format.NDJSON;
        Job job = service.submit(type, format, name, body);
        return Response.accepted(JobView.of(job)).location(URI.create("/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: state, counts, progress")
    public Response get(@PathParam("id") String idText) throws SQLException {
        UUID id = Params.uuid("id", idText);
        return service.find(id).map(j -> Response.ok(JobView.of(j)).build())
                .orElseGet(() -> Problem.notFound("import", id.toString()));
    }

    @GET
    @Path("/{id}/rejections")
    @Operation(summary = "The rejected rows of an import, by line (page with afterLine)")
    public Response rejections(@PathParam("id") String idText, @QueryParam("afterLine") String afterLineText,
                               @QueryParam("limit") String limitText) throws SQLException {
        UUID id = Params.uuid("id", idText);
        Long afterLine = Params.wholeNumber("afterLine", afterLineText, 0, Long.MAX_VALUE);
        Long limit = Params.wholeNumber("limit", limitText, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (service.find(id).isEmpty()) {
            return Problem.notFound("import", id.toString());
        }
        List<RejectedRow> rows = service.rejections(id, afterLine == null ? 0 : afterLine,
                limit == null ? 1000 : (int) Math.max(1, Math.min(limit, 10_000)));
        return Response.ok(rows).build();
    }
}
