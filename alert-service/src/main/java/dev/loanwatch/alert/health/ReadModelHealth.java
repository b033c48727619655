package dev.loanwatch.alert.health;

import dev.loanwatch.alert.messaging.BulkFeeds;
import dev.loanwatch.alert.repository.LoanColumns;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the read model's columns hold every stored fact (the load at start) and the bulk feeds poll. */
@Readiness
@ApplicationScoped
public class ReadModelHealth implements HealthCheck {
    private final LoanColumns columns;
    private final BulkFeeds feed;

    public ReadModelHealth(LoanColumns columns, BulkFeeds feed) {
        this.columns = columns;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        long[] n = columns.counts();
        return HealthCheckResponse.named("read-model").status(columns.isLoaded() && feed.isRunning())
                .withData("bulkFeeds", feed.isRunning())
                .withData("loans", n[0]).withData("monthEndRows", n[1]).withData("borrowers", n[2]).build();
    }
}
