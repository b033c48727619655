package dev.loanwatch.tagging.rest;

import dev.loanwatch.industry.IndustryInference;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.tagging.service.BorrowerTagger;
import dev.loanwatch.tagging.service.TagRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The industry classifier over REST (gRPC ClassifyIndustry is the same). */
@Path("/industry/classify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "industry", description = "Industry inference from the business scope (经营范围)")
public class ClassifyResource {
    private final BorrowerTagger tagger;
    private final TagRequests requests;

    public ClassifyResource(BorrowerTagger tagger, TagRequests requests) {
        this.tagger = tagger;
        this.requests = requests;
    }

    public record ClassifyRequest(String text, Integer maxCandidates) {
    }

    public record Candidate(String section, String division, String industryClass, double confidence, List<String> evidence) {
    }

    /** outcome: CONFIDENT, REVIEW (best guess below the threshold), NO_EVIDENCE (no candidates). */
    public record Classification(String outcome, List<Candidate> candidates) {
    }

    @POST
    @Operation(summary = "Ranked GB/T 4754 divisions (and the class where the text fixes it) with confidence and the evidence words")
    public Classification classify(ClassifyRequest request) {
        if (request == null || request.text() == null) {
            throw RejectedException.invalid("text", "is required");
        }
        requests.scope(request.text(), "text").ifPresent(e -> {
            throw RejectedException.invalid(List.of(e));
        });
        int max = TagRequests.maxCandidates(request.maxCandidates() == null ? 3 : request.maxCandidates(), "maxCandidates");
        IndustryInference inference = tagger.classify(request.text());
        return new Classification(inference.outcome().name(), inference.candidates().stream().limit(max)
                .map(c -> new Candidate(c.section(), c.division(), c.industryClass(), c.confidence(), c.evidence())).toList());
    }
}
