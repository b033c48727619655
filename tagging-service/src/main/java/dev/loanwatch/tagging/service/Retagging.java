package dev.loanwatch.tagging.service;

import dev.loanwatch.platform.consumer.Failures;
import dev.loanwatch.tagging.config.TaggingConfig;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.repository.TagStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Re-tags borrowers whose labels may have changed for a reason other than their own record:
 * <ul>
 *   <li><b>stale borrowers</b> (an override was set or revoked; normally re-tagged at once by the
 *       request, this catches a crash in between);</li>
 *   <li><b>backfill jobs</b> (a rule or a risk group changed, or an operator asked): every borrower
 *       in id order, {@code loanwatch.tagging.backfill-chunk} per transaction; the job's cursor and
 *       counts commit with each chunk, so progress is visible and a killed pod's successor resumes
 *       after the last committed chunk. The job row is locked while a pod works on it, so two pods
 *       never process the same job. Labels that come out unchanged are not rewritten or
 *       republished, so running a job twice changes nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class Retagging {
    private static final Logger LOG = Logger.getLogger(Retagging.class);

    private final AgroalDataSource dataSource;
    private final TagStore store;
    private final PolicyHolder policies;
    private final BorrowerTagger tagger;
    private final int chunk;
    /** Classifies the next backfill chunk while the current one is written (one thread; classification itself is parallel). */
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "retag-ahead");
        t.setDaemon(true);
        return t;
    });
    /** The chunk being classified ahead: the cursor it starts after and its readings. Only the scheduler's thread touches it. */
    private String aheadAfter;
    private Future<Map<String, TagStore.Classified>> aheadResult;

    public Retagging(AgroalDataSource dataSource, TagStore store, PolicyHolder policies, BorrowerTagger tagger,
                     TaggingConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.policies = policies;
        this.tagger = tagger;
        this.chunk = config.backfillChunk();
    }

    @Scheduled(every = "${loanwatch.tagging.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        try {
            while (staleChunk() > 0) {
                // keep going until none is left
            }
            while (backfillChunk()) {
                // one job after the other
            }
        } catch (SQLException | RuntimeException e) {
            if (Failures.isTransient(e)) {
                LOG.warnf("re-tagging paused (%s); resuming at the next poll", Failures.describe(e));
            } else {
                LOG.errorf(e, "re-tagging failed; retrying at the next poll");
            }
        }
    }

    /** Re-tags these borrowers now (after an override), in one transaction. */
    public void retagNow(List<String> borrowerIds) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<BorrowerFacts> facts = store.facts(c, borrowerIds);
                store.retag(c, facts, policies.current(c), tagger, Instant.now());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int staleChunk() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<BorrowerFacts> facts = store.stale(c, chunk);
                store.retag(c, facts, policies.current(c), tagger, Instant.now());
                c.commit();
                return facts.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** One chunk of the oldest unfinished job; false when there is none (or another pod has it). */
    boolean backfillChunk() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                UUID job;
                String cursor;
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, state, cursor from backfill_job where state in ('PENDING', 'RUNNING')
                        order by requested_at, id limit 1 for update skip locked""");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    job = rs.getObject("id", UUID.class);
                    cursor = rs.getString("cursor");
                    if (rs.getString("state").equals("PENDING")) {
                        start(c, job);
                    }
                }
                Instant now = Instant.now();
                List<BorrowerFacts> facts = store.chunk(c, cursor, chunk);
                Map<String, TagStore.Classified> classified = classifiedAhead(cursor);
                if (facts.size() == chunk) {
                    classifyAhead(facts.get(facts.size() - 1).borrowerId());
                }
                TagStore.Outcome outcome = store.retag(c, facts, policies.current(c), tagger, now, classified);
                boolean done = facts.size() < chunk;
                try (PreparedStatement ps = c.prepareStatement("""
                        update backfill_job set processed = processed + ?, changed = changed + ?, cursor = coalesce(?, cursor),
                            state = ?, finished_at = ? where id = ?""")) {
                    ps.setLong(1, facts.size());
                    ps.setLong(2, outcome.changed());
                    ps.setString(3, facts.isEmpty() ? null : facts.get(facts.size() - 1).borrowerId());
                    ps.setString(4, done ? "DONE" : "RUNNING");
                    ps.setTimestamp(5, done ? Timestamp.from(now) : null);
                    ps.setObject(6, job);
                    ps.executeUpdate();
                }
                c.commit();
                if (done) {
                    LOG.infof("backfill %s done", job);
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Starts classifying the chunk after {@code after} on the side (a pipeline of one chunk). */
    private void classifyAhead(String after) {
        aheadAfter = after;
        aheadResult = ahead.submit(() -> {
            try (Connection side = dataSource.getConnection()) {
                return store.classifyAhead(side, after, chunk, tagger);
            }
        });
    }

    /** What was classified ahead for the chunk after {@code cursor}; empty when nothing (or something else) was. */
    private Map<String, TagStore.Classified> classifiedAhead(String cursor) {
        Future<Map<String, TagStore.Classified>> result = aheadResult;
        boolean ours = result != null && java.util.Objects.equals(aheadAfter, cursor);
        aheadResult = null;
        if (!ours) {
            return Map.of();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException e) {
            LOG.debugf("classifying ahead failed (%s); the chunk classifies its own texts", e.getCause());
            return Map.of();
        }
    }

    private static void start(Connection c, UUID job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update backfill_job set state = 'RUNNING', started_at = now(),
                    total = (select count(*) from borrower) where id = ?""")) {
            ps.setObject(1, job);
            ps.executeUpdate();
        }
    }
}
