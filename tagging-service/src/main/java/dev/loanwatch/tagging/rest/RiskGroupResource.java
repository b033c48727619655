package dev.loanwatch.tagging.rest;

import dev.loanwatch.tagging.entity.RiskGroupVersionEntity;
import dev.loanwatch.tagging.service.RiskGroupService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Risk-sector groups (catering H62, accommodation H61, real estate K70, …), editable and versioned. */
@Path("/risk-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk groups", description = "Risk-sector groups: which industries count as catering, real estate, …")
public class RiskGroupResource {
    private final RiskGroupService groups;
    private final SecurityIdentity identity;

    public RiskGroupResource(RiskGroupService groups, SecurityIdentity identity) {
        this.groups = groups;
        this.identity = identity;
    }

    public record RetireRequest(String reason) {
    }

    @GET
    @Operation(summary = "Every version of every group, newest first per code (the newest not retired is in force)")
    public Uni<List<RiskGroupVersionEntity>> list() {
        return groups.versions();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{code}")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Create or change a group (a new version); answers 202 with the backfill job that re-tags the borrowers")
    public Uni<Response> put(@PathParam("code") String code, RiskGroupService.GroupDraft draft) {
        return groups.put(code, draft, Actors.of(identity)).map(TagRuleResource::accepted);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{code}/retire")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Retire a group (a version marked retired, with the reason); answers 202 with the backfill job")
    public Uni<Response> retire(@PathParam("code") String code, RetireRequest request) {
        return groups.retire(code, request == null ? null : request.reason(), Actors.of(identity)).map(TagRuleResource::accepted);
    }
}
