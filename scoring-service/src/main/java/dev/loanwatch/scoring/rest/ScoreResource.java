package dev.loanwatch.scoring.rest;

import dev.loanwatch.scoring.service.Scorer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Scores over REST (the gRPC service answers the same): one row of raw features → PD, points, grade, reasons. */
@Path("/scores")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {
    private final Scorer scorer;

    public ScoreResource(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * @param reference the caller's reference (a loan id), echoed
     * @param numeric   the model's numeric inputs by name
     * @param categorical the model's categorical inputs by name
     * @param missing   inputs whose value is not known
     */
    public record ScoreRequest(String reference, Map<String, Double> numeric, Map<String, String> categorical, List<String> missing) {
    }

    /** Runs on a worker thread (a plain return type): a row is a few microseconds of ONNX Runtime. */
    @POST
    @Operation(summary = "Score one row of raw features with the active model: PD, points, grade, model and version, reason codes")
    public Scorer.Score score(ScoreRequest request) {
        ScoreRequest r = request == null ? new ScoreRequest(null, null, null, null) : request;
        return scorer.score(new Scorer.Row(r.reference(), r.numeric() == null ? Map.of() : r.numeric(),
                r.categorical() == null ? Map.of() : r.categorical(), r.missing() == null ? Set.of()
                        : r.missing().stream().map(m -> m == null ? "" : m).collect(java.util.stream.Collectors.toSet())));
    }
}
