package dev.loanwatch.alert.health;

import dev.loanwatch.alert.messaging.ColumnsApplier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once a committed batch could not be added to the read model's columns: they then hold less than
 * the tables, and only a restart (which loads them from the tables) makes the reports whole again.
 */
@Liveness
@ApplicationScoped
public class ColumnsLiveness implements HealthCheck {
    private final ColumnsApplier applier;

    public ColumnsLiveness(ColumnsApplier applier) {
        this.applier = applier;
    }

    @Override
    public HealthCheckResponse call() {
        String failure = applier.failure();
        var r = HealthCheckResponse.named("read-model-columns").status(failure == null);
        return (failure == null ? r : r.withData("failure", failure)).build();
    }
}
