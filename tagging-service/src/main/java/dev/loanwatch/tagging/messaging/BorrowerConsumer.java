package dev.loanwatch.tagging.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.platform.consumer.ConsumedEvents;
import dev.loanwatch.platform.consumer.IncomingBatches;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.repository.TagStore;
import dev.loanwatch.tagging.service.BorrowerTagger;
import dev.loanwatch.tagging.service.PolicyHolder;
import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The loan book's borrowers ({@code loanbook.borrowers}): each polled batch is stored and re-tagged
 * in one transaction, with the events of the labels that changed. De-duplicated on the event id; a
 * revision older than the stored one changes nothing; a record that is not a valid
 * {@code BorrowerUpserted} goes to {@code tagging.dead-letter} with the reason.
 */
@ApplicationScoped
public class BorrowerConsumer {
    static final String CONSUMER = "tagging.borrowers";

    private final IncomingBatches batches;
    private final ConsumedEvents consumed;
    private final AgroalDataSource dataSource;
    private final TagStore store;
    private final PolicyHolder policies;
    private final BorrowerTagger tagger;

    public BorrowerConsumer(IncomingBatches batches, ConsumedEvents consumed, AgroalDataSource dataSource, TagStore store,
                            PolicyHolder policies, BorrowerTagger tagger) {
        this.batches = batches;
        this.consumed = consumed;
        this.dataSource = dataSource;
        this.store = store;
        this.policies = policies;
        this.tagger = tagger;
    }

    @Incoming("borrowers")
    @Blocking(ordered = true)
    public void borrowers(ConsumerRecords<String, byte[]> records) {
        batches.process(Topics.TAGGING_DEAD_LETTER, records, this::apply);
    }

    private List<String> apply(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        String[] reasons = new String[records.size()];
        Map<UUID, BorrowerFacts> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            try {
                BorrowerUpserted event = BorrowerUpserted.parseFrom(r.value() == null ? new byte[0] : r.value());
                String problem = problem(event);
                if (problem != null) {
                    reasons[i] = "INVALID: " + problem;
                } else {
                    byEvent.put(UUID.fromString(event.getMeta().getEventId()), facts(event));
                }
            } catch (InvalidProtocolBufferException e) {
                reasons[i] = "INVALID: not a BorrowerUpserted message: " + e.getMessage();
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<UUID> fresh = consumed.firstSeen(c, CONSUMER, byEvent.keySet());
                // the newest revision of each borrower in the batch; the store ignores older ones too
                Map<String, BorrowerFacts> latest = new LinkedHashMap<>();
                byEvent.forEach((id, f) -> {
                    if (fresh.contains(id)) {
                        latest.merge(f.borrowerId(), f, (a, b) -> b.revision() >= a.revision() ? b : a);
                    }
                });
                Instant now = Instant.now();
                List<BorrowerFacts> changed = store.upsertBorrowers(c, sorted(latest), now);
                store.retag(c, changed, policies.current(c), tagger, now);
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return Arrays.asList(reasons);
    }

    /** Rows are locked in borrower-id order everywhere, so two writers never wait on each other in a circle. */
    private static List<BorrowerFacts> sorted(Map<String, BorrowerFacts> latest) {
        List<BorrowerFacts> list = new ArrayList<>(latest.values());
        list.sort((a, b) -> a.borrowerId().compareTo(b.borrowerId()));
        return list;
    }

    private static String problem(BorrowerUpserted e) {
        try {
            UUID.fromString(e.getMeta().getEventId());
        } catch (IllegalArgumentException bad) {
            return "meta.event_id is not a UUID";
        }
        if (e.getBorrowerId().isBlank()) {
            return "borrower_id is empty";
        }
        if (e.getType() != BorrowerType.ENTERPRISE && e.getType() != BorrowerType.INDIVIDUAL) {
            return "type must be ENTERPRISE or INDIVIDUAL";
        }
        if (e.getRevision() < 1) {
            return "revision must be at least 1";
        }
        return null;
    }

    private static BorrowerFacts facts(BorrowerUpserted e) {
        return new BorrowerFacts(e.getBorrowerId(), e.getRevision(), e.getType(),
                e.getRegionCode().isEmpty() ? null : e.getRegionCode(),
                e.getIndustryCode().isEmpty() ? null : e.getIndustryCode(),
                e.getBusinessScope().isEmpty() ? null : e.getBusinessScope(),
                e.hasEmployees() ? e.getEmployees() : null,
                e.hasAnnualRevenueFen() ? e.getAnnualRevenueFen() : null,
                e.hasTotalAssetsFen() ? e.getTotalAssetsFen() : null);
    }
}
