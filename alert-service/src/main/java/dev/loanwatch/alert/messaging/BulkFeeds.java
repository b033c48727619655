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
 * The loan book's bulk topics — month-end snapshots, loan events, status changes, payments — read with
 * the shared module's {@link PolledFeed} rather than SmallRye channels: a replay of two years of a
 * million loans is 24 million snapshots, two million loan events and as many status changes, and a
 * channel's per-record message, metadata and trace on the event loop cost more than storing the
 * record (profiled on a 200,000-loan rebuild: a quarter of the service's CPU). Batches go to
 * {@link ReadModelConsumer} — the same checks, dead letters and idempotent writes as the channels —
 * in the channels' consumer group. Labels and applications stay channels.
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
                        5_000, Duration.ofMinutes(10)), consumer::loans),
                new PolledFeed(clients, new PolledFeed.Settings("alert-loan-status", Topics.LOAN_STATUS, groupId,
                        5_000, Duration.ofMinutes(10)), consumer::statusChanges),
                new PolledFeed(clients, new PolledFeed.Settings("alert-payments", Topics.PAYMENTS, groupId,
                        5_000, Duration.ofMinutes(10)), consumer::payments));
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
