package dev.loanwatch.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Gives a REST body that {@link StrictJson} refuses the words of {@link StrictJson#describe}
 * ("duplicate field 'amount'", "unexpected content after the JSON object") instead of Jackson's,
 * which name Java types and features. The reader throws some of these errors bare and wraps
 * others in a WebApplicationException; both leave here as malformed JSON (400 problem+json).
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        try {
            return ctx.proceed();
        } catch (JsonProcessingException e) {
            throw StrictJson.rephrased(e);
        } catch (WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw StrictJson.rephrased(j);
            }
            throw e;
        }
    }
}
