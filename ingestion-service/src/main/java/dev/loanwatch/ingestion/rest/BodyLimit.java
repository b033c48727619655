package dev.loanwatch.ingestion.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps JSON bodies (a single record never needs megabytes) while file uploads, which are
 * streamed to disk, keep their own larger limit. Checks the declared length first and counts
 * the bytes actually read, so a chunked body cannot slip past.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {
    private final long limit;

    public BodyLimit(@ConfigProperty(name = "loanwatch.max-json-bytes", defaultValue = "1048576") long limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(ctx.getMediaType())) {
            return ctx.proceed();
        }
        String declared = ctx.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && Long.parseLong(declared) > limit) {
            throw new BodyTooLargeException(limit);
        }
        InputStream in = ctx.getInputStream();
        ctx.setInputStream(new FilterInputStream(in) {
            long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++count > limit) {
                    throw new BodyTooLargeException(limit);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (count += n) > limit) {
                    throw new BodyTooLargeException(limit);
                }
                return n;
            }
        });
        return ctx.proceed();
    }
}
