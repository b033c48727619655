package dev.loanwatch.ingestion.service;

import dev.loanwatch.ingestion.config.IngestionConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the scheduled close when loanwatch.close.scheduled=false (tests, simulator-driven runs). */
@Singleton
public class ScheduledCloseOff implements Scheduled.SkipPredicate {
    private final IngestionConfig config;

    public ScheduledCloseOff(IngestionConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.close().scheduled();
    }
}
