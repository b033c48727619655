package dev.loanwatch.console.rest;

import dev.loanwatch.console.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The pages' way to the services: {@code GET /api/<service>/<path>?<query>} is the service's own
 * {@code GET <path>?<query>}, answered as the service answered it (status, body, content type — its
 * problem+json included), so a page shows the service's own message for a bad filter. One origin for
 * the browser: no cross-origin rules in the services, and one place to add the user's token later.
 * Read-only on purpose: the console only reads until people act through it.
 */
@Path("/api")
public class ApiProxy {
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final String PROBLEM = "application/problem+json";

    private final ConsoleConfig config;
    private final HttpClient client;

    public ApiProxy(ConsoleConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @GET
    @Path("/{service}/{path: .+}")
    @Operation(summary = "A service's public GET endpoint, answered as the service answers it")
    public CompletionStage<Response> get(@PathParam("service") String service, @PathParam("path") String path,
                                         @Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String base = config.services().get(service);
        if (base == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(problem(404, "No such service",
                    "the console knows the services " + config.services().keySet()));
        }
        String query = uri.getRequestUri().getRawQuery();
        String rawPath = uri.getRequestUri().getRawPath().substring(("/api/" + service).length());
        URI target;
        try {
            target = URI.create(base.replaceAll("/+$", "") + rawPath + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(problem(400, "Not an address", e.getMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(config.timeout())
                .header(HttpHeaders.ACCEPT, accept == null ? "application/json" : accept).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> {
                    Response.ResponseBuilder out = Response.status(r.statusCode()).entity(r.body());
                    r.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(t -> out.header(HttpHeaders.CONTENT_TYPE, t));
                    r.headers().firstValue("Content-Disposition").ifPresent(d -> out.header("Content-Disposition", d));
                    return out.build();
                })
                .exceptionally(e -> {
                    LOG.warnf("%s did not answer: %s", service, e.getCause() == null ? e : e.getCause());
                    return problem(502, service + " did not answer", "the console could not reach " + service
                            + " (" + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + "); try again shortly");
                });
    }

    /** An RFC 9457 problem of the console's own. */
    static Response problem(int status, String title, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status + ",\"detail\":" + json(detail) + "}";
        return Response.status(status).type(PROBLEM).entity(body).build();
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
