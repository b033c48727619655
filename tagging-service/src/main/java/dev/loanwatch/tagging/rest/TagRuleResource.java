package dev.loanwatch.tagging.rest;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.tagging.entity.BackfillJobEntity;
import dev.loanwatch.tagging.entity.TagRuleEntity;
import dev.loanwatch.tagging.rules.LabelField;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.tagging.rules.Condition;
import dev.loanwatch.tagging.rules.ConditionParser;
import dev.loanwatch.tagging.service.RulePreview;
import dev.loanwatch.tagging.service.RuleService;
import java.sql.SQLException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Custom tags as rules over the labels and the borrower's figures, e.g. "high-risk industries 2026":
 * <pre>{"name": "高风险行业2026", "condition": {"any": [{"field": "riskGroup", "in": ["CATERING", "REAL_ESTATE"]},
 *        {"field": "industry.division", "eq": "47"}]}}</pre>
 * Writing makes a new version; activating one re-tags every borrower (a backfill job).
 */
@Path("/tag-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom tags", description = "Rules that give borrowers custom tags; versioned, audited, backfilled")
public class TagRuleResource {
    private final RuleService rules;
    private final RulePreview preview;
    private final SecurityIdentity identity;

    public TagRuleResource(RuleService rules, RulePreview preview, SecurityIdentity identity) {
        this.rules = rules;
        this.preview = preview;
        this.identity = identity;
    }

    public record FieldInfo(String field, String kind) {
    }

    public record PreviewRequest(JsonNode condition) {
    }

    @GET
    @Operation(summary = "Every rule with its active version")
    public Uni<List<TagRuleEntity>> list() {
        return rules.list();
    }

    @GET
    @Path("/fields")
    @Operation(summary = "The fields a condition may test and their kind (CODE: eq/in/prefix/exists; NUMBER: eq/gt/gte/lt/lte/exists; TEXT: contains/exists; FLAG: eq)")
    public List<FieldInfo> fields() {
        return Arrays.stream(LabelField.values()).map(f -> new FieldInfo(f.path(), f.kind().name())).toList();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many borrowers a condition would tag now, with a sample of their ids — before anyone activates it")
    public RulePreview.Preview preview(PreviewRequest request) throws SQLException {
        Condition condition = ConditionParser.parse(request == null ? null : request.condition(), "condition");
        return preview.preview(condition);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A rule with all its versions")
    public Uni<RuleService.RuleView> get(@PathParam("code") String code) {
        return rules.get(code);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{code}")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Write the next version of a rule (the first creates it); not active until activated")
    public Uni<Response> write(@PathParam("code") String code, RuleService.RuleDraft draft) {
        return rules.write(code, draft, Actors.of(identity))
                .map(v -> Response.created(URI.create("/tag-rules/" + code + "/versions/" + v.version)).entity(v).build());
    }

    @POST
    @Path("/{code}/versions/{version}/activate")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Activate a version; answers 202 with the backfill job that re-tags the borrowers")
    public Uni<Response> activate(@PathParam("code") String code, @PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw RejectedException.invalid("version", "must be a whole number");
        }
        return rules.activate(code, v, Actors.of(identity)).map(TagRuleResource::accepted);
    }

    @POST
    @Path("/{code}/deactivate")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Deactivate the rule; answers 202 with the backfill job that removes its tag")
    public Uni<Response> deactivate(@PathParam("code") String code) {
        return rules.deactivate(code, Actors.of(identity)).map(TagRuleResource::accepted);
    }

    static Response accepted(BackfillJobEntity job) {
        return Response.accepted(job).location(URI.create("/backfills/" + job.id)).build();
    }

}
