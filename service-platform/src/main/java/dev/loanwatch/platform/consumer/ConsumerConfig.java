package dev.loanwatch.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry: {@code loanwatch.consumer.*}. */
@ConfigMapping(prefix = "loanwatch.consumer")
public interface ConsumerConfig {

    /** Tries of a record that fails permanently before it becomes a dead letter. */
    @WithDefault("3")
    int maxAttempts();

    /** First pause after a failure; doubled after each, up to {@link #maxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();
}
