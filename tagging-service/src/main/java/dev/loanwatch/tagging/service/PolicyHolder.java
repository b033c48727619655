package dev.loanwatch.tagging.service;

import dev.loanwatch.tagging.model.Policy;
import dev.loanwatch.tagging.repository.PolicyRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * This pod's copy of the policy. gRPC {@code Tag} reads it without touching the database; writers
 * ({@link #current(Connection)}) check the version inside their own transaction, so labels they
 * store never lag a policy change that committed before them. A change made on another pod arrives
 * within one poll ({@code loanwatch.tagging.poll-every}).
 */
@ApplicationScoped
public class PolicyHolder {
    private static final Logger LOG = Logger.getLogger(PolicyHolder.class);

    private final PolicyRepository repository;
    private final AgroalDataSource dataSource;
    private volatile Policy policy;

    public PolicyHolder(PolicyRepository repository, AgroalDataSource dataSource) {
        this.repository = repository;
        this.dataSource = dataSource;
    }

    /** The last loaded policy (loads it on first use). */
    public Policy current() {
        Policy p = policy;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                return current(c);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load the tagging policy", e);
            }
        }
        return p;
    }

    /** The policy as of the caller's transaction, reloaded when its version moved. */
    public Policy current(Connection c) throws SQLException {
        long version = repository.version(c);
        Policy p = policy;
        if (p == null || p.version() != version) {
            p = repository.load(c);
            policy = p;
        }
        return p;
    }

    /** Loaded before the first request, so no gRPC call ever waits for the database on an event loop. */
    void onStart(@Observes @Priority(20) StartupEvent e) {
        refresh();
    }

    @Scheduled(every = "${loanwatch.tagging.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = dataSource.getConnection()) {
            current(c);
        } catch (SQLException e) {
            LOG.warnf("cannot refresh the tagging policy (%s); keeping version %s", e.getMessage(),
                    policy == null ? "none" : policy.version());
        }
    }
}
