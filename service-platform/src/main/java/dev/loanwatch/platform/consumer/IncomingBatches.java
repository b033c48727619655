package dev.loanwatch.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Processes a polled batch of Kafka records so that nothing is lost and nothing blocks forever:
 * <ul>
 * <li>the handler stores the batch in one transaction and says, per record, whether it was
 *     rejected (a reason) — rejected records go to the dead-letter topic;</li>
 * <li>a transient failure (database or broker away: {@link Failures#isTransient}) is retried with
 *     back-off for as long as it lasts, never skipped;</li>
 * <li>any other failure is retried {@code loanwatch.consumer.max-attempts} times; then the batch is
 *     taken apart and each record tried alone, so only the poison record becomes a dead letter,
 *     with the failure as its reason, and the rest are stored.</li>
 * </ul>
 * Dead letters are acknowledged by the broker before this returns (retried while it is away), i.e.
 * before the offsets are committed; a crash at any point redelivers the batch, which an idempotent
 * handler (event ids in {@link ConsumedEvents}, or record ids) turns into no change. Call it from a
 * {@code @Blocking(ordered = true)} batch consumer method.
 */
@ApplicationScoped
public class IncomingBatches {
    private static final Logger LOG = Logger.getLogger(IncomingBatches.class);

    /** Stores records in one transaction; returns, per record in order, null (done) or why it was rejected. */
    @FunctionalInterface
    public interface Handler<K, V> {
        List<String> handle(List<ConsumerRecord<K, V>> records) throws Exception;
    }

    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    public IncomingBatches(DeadLetters deadLetters, ConsumerConfig config, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
    }

    void onStop(@Observes ShutdownEvent e) {
        stopping = true;
    }

    public <K, V> void process(String deadLetterTopic, Iterable<ConsumerRecord<K, V>> polled, Handler<K, V> handler) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        polled.forEach(records::add);
        if (records.isEmpty()) {
            return;
        }
        List<DeadLetters.Letter> letters = new ArrayList<>();
        Attempt<K, V> whole = attempt(records, handler);
        if (whole.reasons != null) {
            collect(records, whole.reasons, letters);
        } else {
            LOG.warnf("a batch of %d records failed %d times (%s); trying its records one by one",
                    records.size(), config.maxAttempts(), Failures.describe(whole.failure));
            for (ConsumerRecord<K, V> r : records) {
                Attempt<K, V> one = attempt(List.of(r), handler);
                if (one.reasons != null) {
                    collect(List.of(r), one.reasons, letters);
                } else {
                    letters.add(new DeadLetters.Letter(r, "FAILED after " + config.maxAttempts() + " attempts: "
                            + Failures.describe(one.failure)));
                }
            }
        }
        sendDeadLetters(deadLetterTopic, letters);
    }

    /**
     * The letters must reach the broker before the batch is acknowledged: while the dead-letter
     * topic cannot be written (the broker away), try again with back-off instead of failing the
     * channel. The records are stored already; a restart meanwhile redelivers them as replays.
     */
    private void sendDeadLetters(String topic, List<DeadLetters.Letter> letters) {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        while (true) {
            try {
                deadLetters.send(topic, letters);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.warnf("sending %d dead letters to %s failed (%s), retrying in %d ms", letters.size(), topic,
                        Failures.describe(e), backoff.nextMillis());
                pause(backoff);
            }
        }
    }

    private record Attempt<K, V>(List<String> reasons, Throwable failure) {
    }

    /** Runs the handler until it succeeds, a transient failure ends, or permanent failures reach the limit. */
    private <K, V> Attempt<K, V> attempt(List<ConsumerRecord<K, V>> records, Handler<K, V> handler) {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        int permanentFailures = 0;
        while (true) {
            try {
                List<String> reasons = handler.handle(records);
                if (reasons.size() != records.size()) {
                    throw new IllegalStateException("the handler answered " + reasons.size() + " outcomes for " + records.size() + " records");
                }
                return new Attempt<>(reasons, null);
            } catch (Exception e) {
                boolean transientFailure = Failures.isTransient(e);
                registry.counter("loanwatch.consumer.failures", "kind", transientFailure ? "transient" : "permanent").increment();
                if (!transientFailure && ++permanentFailures >= config.maxAttempts()) {
                    return new Attempt<>(null, e);
                }
                if (stopping) {
                    // not acknowledged: the batch is delivered again after the restart
                    throw new IllegalStateException("stopping while a batch is retried", e);
                }
                LOG.warnf("processing %d records failed (%s, %s), retrying in %d ms", records.size(),
                        transientFailure ? "transient" : "attempt " + permanentFailures + " of " + config.maxAttempts(),
                        Failures.describe(e), backoff.nextMillis());
                pause(backoff);
            }
        }
    }

    private static <K, V> void collect(List<ConsumerRecord<K, V>> records, List<String> reasons, List<DeadLetters.Letter> letters) {
        for (int i = 0; i < records.size(); i++) {
            if (reasons.get(i) != null) {
                letters.add(new DeadLetters.Letter(records.get(i), reasons.get(i)));
            }
        }
    }

    private static void pause(Backoff backoff) {
        try {
            backoff.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
