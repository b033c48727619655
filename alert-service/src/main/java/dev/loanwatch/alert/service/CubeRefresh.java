package dev.loanwatch.alert.service;

import dev.loanwatch.alert.config.AnalyticsConfig;
import dev.loanwatch.alert.repository.Cubes;
import dev.loanwatch.alert.repository.Cubes.Dirty;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps the cubes equal to the facts. Consumers mark the months whose facts changed; this job, on its
 * own worker thread (never an event loop), places new loans in their cells, then recomputes each
 * dirty month — oldest first, because "first Mn+" carries from one month into the next — each in its
 * own transaction, and last the vintage denominators.
 *
 * <p>A month end arrives as thousands of batches, so a month is recomputed once it has been quiet
 * for {@code quiet}, or {@code max-delay} after its first change at the latest. A month marked again
 * while it was being recomputed stays dirty and is recomputed once more: nothing is lost to the race.
 */
@ApplicationScoped
public class CubeRefresh {
    private static final Logger LOG = Logger.getLogger(CubeRefresh.class);

    private final AgroalDataSource dataSource;
    private final Cubes cubes;
    private final AnalyticsConfig config;
    private final Timer monthTimer;
    private final AtomicInteger pending = new AtomicInteger();

    public CubeRefresh(AgroalDataSource dataSource, Cubes cubes, AnalyticsConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.cubes = cubes;
        this.config = config;
        this.monthTimer = Timer.builder("loanwatch_analytics_month_refresh_seconds")
                .description("Time to recompute the cubes of one month from the facts").register(registry);
        registry.gauge("loanwatch_analytics_dirty_months", pending);
    }

    @Scheduled(every = "${loanwatch.analytics.refresh-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh(false);
        } catch (SQLException e) {
            LOG.warnf("cube refresh failed, tried again on the next run: %s", e.getMessage());
        }
    }

    /**
     * One pass. {@code now}: refresh every dirty month at once, quiet or not (tests, and the rebuild
     * benchmark once the topics are read). Returns the number of months recomputed.
     */
    public synchronized int refresh(boolean now) throws SQLException {
        int refreshed = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            LocalDate earliestMoved = cubes.assignCells(c);
            if (earliestMoved != null) {
                cubes.markRefreshedFrom(c, earliestMoved);
            }
            c.commit();
            OffsetDateTime quietBefore = OffsetDateTime.now().minus(config.quiet());
            OffsetDateTime overdueBefore = OffsetDateTime.now().minus(config.maxDelay());
            List<Dirty> dirty = cubes.dirtyMonths(c);
            c.commit();
            pending.set(dirty.size());
            boolean cellsMoved = earliestMoved != null;
            for (Dirty d : dirty) {
                if (!now && d.since().isAfter(quietBefore) && d.firstMarked().isAfter(overdueBefore)) {
                    // not settled yet; and every later month waits for it ("first Mn+" carries forward)
                    break;
                }
                long started = System.nanoTime();
                if (cubes.advanceFirsts(c, d.monthEnd())) {
                    cubes.markRefreshedFrom(c, d.monthEnd().plusDays(1));
                }
                cubes.refreshMonth(c, d.monthEnd(), config.cpdTolerance().movePointRight(2).longValueExact());
                cubes.clearDirty(c, d);
                c.commit();
                monthTimer.record(Duration.ofNanos(System.nanoTime() - started));
                refreshed++;
                pending.decrementAndGet();
            }
            if (refreshed > 0 || cellsMoved) {
                cubes.refreshCohorts(c);
                c.commit();
            }
        }
        if (refreshed > 0) {
            LOG.infof("cubes refreshed for %d month(s)", refreshed);
        }
        return refreshed;
    }
}
