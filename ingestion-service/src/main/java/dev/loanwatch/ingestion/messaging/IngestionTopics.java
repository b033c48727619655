package dev.loanwatch.ingestion.messaging;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.platform.kafka.TopicAdmin;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Creates the topics this service writes and reads, if missing, before anything is published. */
@ApplicationScoped
public class IngestionTopics {
    private final IngestionConfig config;
    private final TopicAdmin admin;

    public IngestionTopics(IngestionConfig config, TopicAdmin admin) {
        this.config = config;
        this.admin = admin;
    }

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent e) {
        var t = config.topics();
        admin.ensure(admin.standard(List.of(t.borrowers(), t.loans(), t.payments(), t.applications(), t.loanStatus(),
                t.snapshots(), t.deadLetter(), Topics.IN_BORROWERS, Topics.IN_LOANS, Topics.IN_PAYMENTS, Topics.IN_APPLICATIONS)));
    }
}
