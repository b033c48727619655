package dev.loanwatch.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service's REST API leaves as RFC 9457 problem+json; never a stack trace.
 * The service layer throws {@link RejectedException}; its kind decides the status here, once.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The HTTP status of a rejection kind. */
    public static int status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT, NOT_ALLOWED -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    static String title(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> "Invalid input";
            case NOT_FOUND -> "Not found";
            case CONFLICT, NOT_ALLOWED -> "Conflict";
            case TOO_LARGE -> "Payload too large";
            case UNAVAILABLE -> "Service unavailable";
        };
    }

    public static Response response(Rejection r) {
        return Problem.response(status(r.kind()), title(r.kind()), r.detail(), r.errors());
    }

    @ServerExceptionMapper
    public Response rejected(RejectedException e) {
        return response(e.rejection());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.response(400, "Malformed JSON", "the body is not valid JSON" + where,
                List.of(new FieldError("$", e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return malformedJson(jpe);
        }
        if (cause instanceof RejectedException re) {
            return rejected(re);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.response(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        LOG.error("unexpected error", e);
        return Problem.response(500, "Internal error", "an unexpected error occurred; it has been logged", null);
    }
}
