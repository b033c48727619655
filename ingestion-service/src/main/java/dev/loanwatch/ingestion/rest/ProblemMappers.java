package dev.loanwatch.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.loanwatch.ingestion.mapping.FieldError;
import dev.loanwatch.ingestion.mapping.InvalidInputException;
import dev.loanwatch.ingestion.service.ImportService;
import dev.loanwatch.ingestion.service.RejectedException;
import dev.loanwatch.ingestion.service.Rejection;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.response(400, "Invalid input", "the request has invalid fields", e.errors());
    }

    @ServerExceptionMapper
    public Response rejected(RejectedException e) {
        Rejection r = e.rejection();
        String title = switch (r.kind()) {
            case INVALID -> "Invalid input";
            case UNKNOWN_REFERENCE -> "Not found";
            case CONFLICT, NOT_ALLOWED -> "Conflict";
        };
        return Problem.response(r.kind().status, title, r.detail(), r.errors());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.response(400, "Malformed JSON", "the body is not valid JSON" + where,
                List.of(new FieldError("$", e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return Problem.response(413, "Payload too large", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response fileTooLarge(ImportService.FileTooLargeException e) {
        return Problem.response(413, "Payload too large", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return malformedJson(jpe);
        }
        if (cause instanceof BodyTooLargeException tl) {
            return tooLarge(tl);
        }
        return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), null);
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
