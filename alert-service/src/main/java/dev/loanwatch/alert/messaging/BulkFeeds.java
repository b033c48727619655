package dev.loanwatch.alert.messaging;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.platform.consumer.PolledFeed;
import dev.loanwatch.platform.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The loan book's two bulk topics, month-end snapshots and loan events, read with the shared module's
 * {@link PolledFeed} rather than SmallRye channels: a replay of two years of a million loans is 24
 * million snapshots and over a million loan events, and a channel's per-record message, metadata
 * and trace on the event loop cost more than storing the record (profiled on a 200,000-loan rebuild:
 * a quarter of the service's CPU). Batches go to {@link ReadModelConsumer} — the same checks, dead
 * letters and idempotent writes as the channels — in the channels' consumer group.
 */
@ApplicationScoped
public class BulkFeeds {
    private final List<PolledFeed> feeds;

    public BulkFeeds(KafkaClients clients, ReadModelConsumer consumer,
                     @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String groupId) {
        this.feeds = List.of(
                new PolledFeed(clients, new PolledFeed.Settings("alert-month-ends", Topics.MONTH_END_SNAPSHOTS, groupId,
                        20_000, Duration.ofMinutes(10)), consumer::monthEnds),
                new PolledFeed(clients, new PolledFeed.Settings("alert-loans", Topics.LOANS, groupId,
                        5_000, Duration.ofMinutes(10)), consumer::loans));
    }

    void onStart(@Observes StartupEvent e) {
        feeds.forEach(PolledFeed::start);
    }

    void onStop(@Observes ShutdownEvent e) {
        feeds.forEach(PolledFeed::stop);
    }

    public boolean isRunning() {
        return feeds.stream().allMatch(PolledFeed::isRunning);
    }
}
