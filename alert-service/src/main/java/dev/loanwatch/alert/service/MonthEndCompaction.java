package dev.loanwatch.alert.service;

import dev.loanwatch.alert.repository.FactStore;
import dev.loanwatch.alert.repository.LoanColumns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Deletes month-end rows that a later delivery of the same snapshot superseded (a batch redelivered
 * after a crash, a replay of the topic): the month ends where {@link LoanColumns} saw a snapshot
 * replaced, on a worker thread. Until then the newest row is the fact and the others are only
 * space; a month whose compaction fails is marked again.
 */
@ApplicationScoped
public class MonthEndCompaction {
    private static final Logger LOG = Logger.getLogger(MonthEndCompaction.class);

    private final AgroalDataSource dataSource;
    private final LoanColumns columns;
    private final FactStore facts;

    public MonthEndCompaction(AgroalDataSource dataSource, LoanColumns columns, FactStore facts) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.facts = facts;
    }

    @Scheduled(every = "${loanwatch.analytics.compact-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        for (LocalDate m : columns.takeReplaced()) {
            try (Connection c = dataSource.getConnection()) {
                int deleted = facts.compact(c, m);
                LOG.infof("month end %s: %d superseded snapshot rows deleted", m, deleted);
            } catch (SQLException e) {
                columns.markReplaced(m);
                LOG.warnf("compacting month end %s failed, tried again on the next run: %s", m, e.getMessage());
            }
        }
    }
}
