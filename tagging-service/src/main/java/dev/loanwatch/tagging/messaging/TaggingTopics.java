package dev.loanwatch.tagging.messaging;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.platform.kafka.TopicAdmin;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Creates the topics this service writes and reads, if missing: the tags topic is compacted (latest labels per borrower). */
@ApplicationScoped
public class TaggingTopics {
    private final TopicAdmin admin;

    public TaggingTopics(TopicAdmin admin) {
        this.admin = admin;
    }

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent e) {
        List<TopicAdmin.Topic> topics = new ArrayList<>(admin.standard(List.of(Topics.BORROWERS, Topics.TAGGING_DEAD_LETTER)));
        int partitions = topics.get(0).partitions();
        topics.add(new TopicAdmin.Topic(Topics.BORROWER_TAGS, partitions, true));
        admin.ensure(topics);
    }
}
