package dev.loanwatch.scoring.health;

import dev.loanwatch.scoring.service.ServingModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which model serves, and which scores in shadow. Ready without one too: the registry must take the first upload, and scores
 * answer 503 until a version is activated.
 */
@Readiness
@ApplicationScoped
public class ChampionHealth implements HealthCheck {
    private final ServingModels models;

    public ChampionHealth(ServingModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("champion").up()
                .withData("model", models.champion().current().map(m -> m.card().name() + " " + m.card().version()).orElse("none active"))
                .withData("shadow", models.shadow().current().map(m -> m.card().name() + " " + m.card().version()).orElse("none"));
        return r.build();
    }
}
