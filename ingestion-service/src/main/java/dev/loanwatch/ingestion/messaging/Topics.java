package dev.loanwatch.ingestion.messaging;

import dev.loanwatch.ingestion.config.IngestionConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the topics this service writes, if missing, before anything is published. */
@ApplicationScoped
public class Topics {
    private final IngestionConfig config;
    private final String bootstrapServers;
    private final int partitions;
    private final short replication;
    private final String deadLetter;

    public Topics(IngestionConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                  @ConfigProperty(name = "loanwatch.topics.partitions", defaultValue = "4") int partitions,
                  @ConfigProperty(name = "loanwatch.topics.replication", defaultValue = "1") short replication,
                  @ConfigProperty(name = "loanwatch.topics.dead-letter", defaultValue = "loanbook.in.dead-letter") String deadLetter) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replication = replication;
        this.deadLetter = deadLetter;
    }

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent e) throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        var t = config.topics();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(t.borrowers(), t.loans(), t.payments(), t.loanStatus(), t.snapshots(), deadLetter,
                "loanbook.in.borrowers", "loanbook.in.loans", "loanbook.in.payments")) {
            topics.add(new NewTopic(name, partitions, replication));
        }
        topics.add(new NewTopic(t.outboxCheckpoints(), 1, replication).configs(Map.of("cleanup.policy", "compact")));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(n -> !existing.contains(n.name())).toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics: " + ex.getCause(), ex.getCause());
                }
            }
        }
    }
}
