package dev.loanwatch.alert.messaging;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.platform.consumer.PolledFeed;
import dev.loanwatch.platform.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The month-end snapshot topic, read with the shared module's {@link PolledFeed} rather than a
 * SmallRye channel: a replay of two years of a million loans is 24 million snapshots, and a channel's
 * per-record message, metadata and trace on the event loop cost more than storing one (profiled on
 * a 200,000-loan rebuild: a quarter of the service's CPU). Batches of up to 20,000 snapshots go to
 * {@link ReadModelConsumer#monthEnds} — the same checks, dead letters and idempotent writes as the
 * channels — in the channels' consumer group.
 */
@ApplicationScoped
public class MonthEndFeed {
    private final PolledFeed feed;

    public MonthEndFeed(KafkaClients clients, ReadModelConsumer consumer,
                        @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String groupId) {
        this.feed = new PolledFeed(clients, new PolledFeed.Settings("alert-month-ends", Topics.MONTH_END_SNAPSHOTS, groupId,
                20_000, Duration.ofMinutes(10)), consumer::monthEnds);
    }

    void onStart(@Observes StartupEvent e) {
        feed.start();
    }

    void onStop(@Observes ShutdownEvent e) {
        feed.stop();
    }

    public boolean isRunning() {
        return feed.isRunning();
    }
}
