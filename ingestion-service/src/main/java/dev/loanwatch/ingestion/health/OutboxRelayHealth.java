package dev.loanwatch.ingestion.health;

import dev.loanwatch.ingestion.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the relay thread runs; says whether this instance is the publishing leader. */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {
    private final OutboxRelay relay;

    public OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("outbox-relay").status(relay.isHealthy()).withData("leader", relay.isLeader());
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError().getClass().getSimpleName());
        }
        return b.build();
    }
}
