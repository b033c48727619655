package dev.loanwatch.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the topics a service writes or reads, if missing, before anything is published. In a
 * cluster where topics are managed elsewhere (an operator's KafkaTopic resources) this finds them
 * all present and does nothing.
 */
@ApplicationScoped
public class TopicAdmin {
    /** A topic to have: compacted ones keep the last value per key (checkpoints, tags). */
    public record Topic(String name, int partitions, boolean compacted) {
    }

    private final KafkaClients clients;
    private final int partitions;
    private final short replication;

    public TopicAdmin(KafkaClients clients,
                      @ConfigProperty(name = "loanwatch.topics.partitions", defaultValue = "4") int partitions,
                      @ConfigProperty(name = "loanwatch.topics.replication", defaultValue = "1") short replication) {
        this.clients = clients;
        this.partitions = partitions;
        this.replication = replication;
    }

    /** Topics with the configured partition count ({@code loanwatch.topics.partitions}). */
    public List<Topic> standard(Collection<String> names) {
        return names.stream().map(n -> new Topic(n, partitions, false)).toList();
    }

    public void ensure(Collection<Topic> topics) {
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> {
                        NewTopic n = new NewTopic(t.name(), t.partitions(), replication);
                        return t.compacted() ? n.configs(Map.of("cleanup.policy", "compact")) : n;
                    }).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                // another replica created it meanwhile
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause(), e.getCause());
        }
    }
}
