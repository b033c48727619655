package dev.loanwatch.platform.health;

import dev.loanwatch.platform.outbox.OutboxConfig;
import dev.loanwatch.platform.outbox.OutboxRelay;
import dev.loanwatch.platform.outbox.OutboxStore.Backlog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox relay in the probes. Live while its thread runs. Ready unless events wait longer than
 * {@code loanwatch.outbox.max-lag}: the service still accepts changes while Kafka is away (they wait
 * in the outbox), so readiness only turns DOWN when what it has accepted is not reaching anyone.
 */
public final class OutboxRelayHealth {
    private OutboxRelayHealth() {
    }

    static HealthCheckResponseBuilder describe(OutboxRelay relay) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox-relay").withData("enabled", relay.isEnabled())
                .withData("leader", relay.isLeader());
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError().getClass().getSimpleName());
        }
        return b;
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final OutboxRelay relay;

        public Live(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(relay).status(relay.isAlive()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final OutboxRelay relay;
        private final OutboxConfig config;

        public Ready(OutboxRelay relay, OutboxConfig config) {
            this.relay = relay;
            this.config = config;
        }

        @Override
        public HealthCheckResponse call() {
            Backlog backlog = relay.backlog();
            boolean lagging = relay.isEnabled() && backlog.oldestSeconds() > config.maxLag().toSeconds();
            return describe(relay).withData("backlog", backlog.rows())
                    .withData("oldestSeconds", Math.round(backlog.oldestSeconds()))
                    .status(relay.isAlive() && !lagging).build();
        }
    }
}
