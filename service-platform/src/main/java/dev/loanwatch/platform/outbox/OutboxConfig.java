package dev.loanwatch.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay of this service: {@code loanwatch.outbox.*}. */
@ConfigMapping(prefix = "loanwatch.outbox")
public interface OutboxConfig {

    /** Off in a process that must only write (e.g. a batch job sharing the database). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events per Kafka transaction. */
    @WithDefault("5000")
    int batchSize();

    /**
     * Fixed per service (not per pod): a new relay instance fences the previous one through Kafka
     * transactions. Defaults to the application's name.
     */
    @WithDefault("${quarkus.application.name}-outbox-relay")
    String transactionalId();

    /** The compacted topic of the relay's checkpoints (which outbox rows a committed batch completed). */
    @WithDefault("${quarkus.application.name}.outbox-checkpoints")
    String checkpointTopic();

    /** The PostgreSQL advisory lock that elects the one relay per database. */
    @WithDefault("73010002")
    long lockKey();

    /** Pause between polls of an empty outbox. */
    @WithDefault("25")
    long idleMillis();

    /** Readiness turns DOWN when the oldest unpublished event is older than this. */
    @WithDefault("PT5M")
    Duration maxLag();
}
