package dev.loanwatch.scoring.rest;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.scoring.service.Monitoring;
import dev.loanwatch.scoring.service.Registry;
import dev.loanwatch.scoring.service.ShadowComparison;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The model registry over REST: upload an ONNX file with its model card (both as the trainer wrote
 * them), list versions, read a card, activate a version, roll back, read the audit. Changes need the
 * role analyst or admin and are recorded with the user's name.
 */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final Registry registry;
    private final ShadowComparison comparison;
    private final Monitoring monitoring;
    private final SecurityIdentity identity;
    private final Vertx vertx;

    public ModelResource(Registry registry, ShadowComparison comparison, Monitoring monitoring, SecurityIdentity identity,
                         Vertx vertx) {
        this.registry = registry;
        this.comparison = comparison;
        this.monitoring = monitoring;
        this.identity = identity;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Register a model version: form parts onnx (the file) and card (its *.card.json); validated before it is kept")
    public Uni<Response> upload(@RestForm("onnx") FileUpload onnx, @RestForm("card") FileUpload card) {
        if (onnx == null || card == null) {
            throw new RejectedException(Rejection.invalid(onnx == null ? "onnx" : "card",
                    "give the form parts onnx (the ONNX file) and card (its model card JSON)"));
        }
        String actor = identity.getPrincipal().getName();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        return new byte[][] {Files.readAllBytes(onnx.uploadedFile()), Files.readAllBytes(card.uploadedFile())};
                    } catch (IOException e) {
                        throw new IllegalStateException("reading the uploaded parts: " + e.getMessage(), e);
                    }
                }))
                .chain(parts -> registry.upload(parts[0], new String(parts[1], StandardCharsets.UTF_8), actor))
                .map(s -> Response.created(URI.create("/models/" + s.name() + "/" + s.version())).entity(s).build());
    }

    @GET
    @Operation(summary = "Every registered version, by model name and upload time, with its status")
    public Uni<List<Registry.Summary>> list() {
        return registry.list();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Who uploaded, activated or rolled back which version, and when")
    public Uni<List<Registry.AuditEntry>> audit() {
        return registry.audit();
    }

    @GET
    @Path("/{name}/{version}/card")
    @Operation(summary = "A version's model card as uploaded")
    public Uni<Response> card(@PathParam("name") String name, @PathParam("version") String version) {
        return registry.card(name, version).map(c -> Response.ok(c, MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("/{name}/{version}/activate")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Make a version the champion: loaded and checked again, swapped in without failing a request")
    public Uni<Registry.Summary> activate(@PathParam("name") String name, @PathParam("version") String version) {
        return registry.activate(name, version, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{name}/{version}/shadow")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Score the champion's rows with this version too, for comparison only: never answered")
    public Uni<Registry.Summary> shadow(@PathParam("name") String name, @PathParam("version") String version) {
        return registry.shadow(name, version, identity.getPrincipal().getName());
    }

    @POST
    @Path("/shadow/promote")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Make the challenger in shadow the champion")
    public Uni<Registry.Summary> promote() {
        return registry.promote(identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/shadow")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Stop scoring in shadow")
    public Uni<Response> stopShadow() {
        return registry.stopShadow(identity.getPrincipal().getName()).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/shadow/comparison")
    @Operation(summary = "Champion against challenger on the same rows: rows compared, grade agreement and pairs, PSI of the points")
    public ShadowComparison.Report comparison() {
        return comparison.report();
    }

    @GET
    @Path("/monitoring")
    @Operation(summary = "The champion's live scores against its training rows: PSI of the PDs (drift above 0.25), CSI per scorecard characteristic")
    public Monitoring.Report monitoring() {
        return monitoring.report();
    }

    @POST
    @Path("/{name}/rollback")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Make the version that was active before the current one the champion again")
    public Uni<Registry.Summary> rollback(@PathParam("name") String name) {
        return registry.rollback(name, identity.getPrincipal().getName());
    }
}
