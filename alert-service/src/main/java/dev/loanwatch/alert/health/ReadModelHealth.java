package dev.loanwatch.alert.health;

import dev.loanwatch.alert.messaging.MonthEndFeed;
import dev.loanwatch.alert.repository.LoanColumns;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the read model's columns hold every stored fact (the load at start) and the month-end feed polls. */
@Readiness
@ApplicationScoped
public class ReadModelHealth implements HealthCheck {
    private final LoanColumns columns;
    private final MonthEndFeed feed;

    public ReadModelHealth(LoanColumns columns, MonthEndFeed feed) {
        this.columns = columns;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        long[] n = columns.counts();
        return HealthCheckResponse.named("read-model").status(columns.isLoaded() && feed.isRunning())
                .withData("monthEndFeed", feed.isRunning())
                .withData("loans", n[0]).withData("monthEndRows", n[1]).withData("borrowers", n[2]).build();
    }
}
