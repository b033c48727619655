package dev.loanwatch.scoring.health;

import dev.loanwatch.scoring.service.ActiveModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which model serves. Ready without one too: the registry must take the first upload, and scores
 * answer 503 until a version is activated.
 */
@Readiness
@ApplicationScoped
public class ChampionHealth implements HealthCheck {
    private final ActiveModel active;

    public ChampionHealth(ActiveModel active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("champion").up();
        return active.current().map(m -> r.withData("model", m.card().name()).withData("version", m.card().version())
                .withData("kind", m.card().kind())).orElseGet(() -> r.withData("model", "none active")).build();
    }
}
