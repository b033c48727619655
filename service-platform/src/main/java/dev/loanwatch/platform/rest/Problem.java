package dev.loanwatch.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.loanwatch.platform.error.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details, with the bad fields listed in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status, detail, null, errors == null || errors.isEmpty() ? null : errors))
                .build();
    }

    public static Response notFound(String what, String id) {
        return response(404, "Not found", what + " " + id + " does not exist", null);
    }
}
