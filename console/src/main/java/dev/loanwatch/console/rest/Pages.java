package dev.loanwatch.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Each page has its own address ({@code /overview}, {@code /where} …) so that a link — page and
 * filters, which live in the query string — can be shared; all of them are the one application page,
 * which draws the page its address names.
 */
@Path("/")
public class Pages {
    /** The pages, in the order of the navigation bar (app.js draws them). */
    static final String PAGES = "overview|where|delinquency|vintage|funnel|losses";

    private final String page;

    public Pages() {
        try (InputStream in = Pages.class.getResourceAsStream("/META-INF/resources/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{page: " + PAGES + "}")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return page;
    }
}
