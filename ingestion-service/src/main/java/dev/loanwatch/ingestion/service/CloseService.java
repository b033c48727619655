package dev.loanwatch.ingestion.service;

import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.repository.CloseRepository;
import dev.loanwatch.ingestion.repository.CloseRepository.Day;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The daily close as of D: one transaction, so a close either happened completely (statuses,
 * history, snapshot, outbox, business_day) or not at all. Closing a date again changes nothing;
 * dates move forward only, except an explicit re-run of the latest closed date (e.g. after
 * late payments), which publishes corrections only.
 */
@ApplicationScoped
public class CloseService {
    private static final Logger LOG = Logger.getLogger(CloseService.class);

    private final AgroalDataSource dataSource;
    private final CloseRepository closes;
    private final IngestionConfig config;

    public CloseService(AgroalDataSource dataSource, CloseRepository closes, IngestionConfig config) {
        this.dataSource = dataSource;
        this.closes = closes;
        this.config = config;
    }

    @Transactional(value = Transactional.TxType.REQUIRES_NEW)
    public CloseSummary close(LocalDate d, boolean rerun) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            closes.lock(c);
            Optional<LocalDate> last = closes.lastClosed(c);
            Optional<Day> already = closes.find(c, d);
            boolean monthEnd = d.plusDays(1).getDayOfMonth() == 1;
            if (already.isPresent() && !rerun) {
                return summary(already.get(), monthEnd, true);
            }
            if (last.isPresent() && d.isBefore(last.get())) {
                throw new RejectedException(Rejection.notAllowed("businessDate", "business dates move forward only: "
                        + d + " is before the last closed date " + last.get()
                        + (rerun ? "; only the latest closed date can be re-run" : "")));
            }
            int open = closes.openLoans(c, d);
            int computed = closes.computeStatuses(c, d, config.delinquency().tolerance(), config.defaultPolicy());
            int changes = closes.applyStatuses(c, d, config.topics().loanStatus());
            int snapshot = monthEnd ? closes.snapshot(c, d, config.topics().snapshots()) : 0;
            long millis = (System.nanoTime() - started) / 1_000_000;
            Day day = new Day(d, already.map(a -> a.runs() + 1).orElse(1), open, changes, snapshot, millis);
            closes.record(c, day);
            LOG.infof("closed %s: %d open loans (%d not current), %d status changes, %d snapshot rows in %d ms",
                    d, open, computed, changes, snapshot, millis);
            return summary(day, monthEnd, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<CloseSummary> find(LocalDate d) {
        try (Connection c = dataSource.getConnection()) {
            return closes.find(c, d).map(day -> summary(day, d.plusDays(1).getDayOfMonth() == 1, true));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<CloseSummary> recent(int limit) {
        try (Connection c = dataSource.getConnection()) {
            return closes.recent(c, limit).stream()
                    .map(day -> summary(day, day.businessDate().plusDays(1).getDayOfMonth() == 1, true)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes yesterday (business time zone) unless that date is already closed or behind the last close. */
    @Scheduled(cron = "{loanwatch.close.cron:0 30 0 * * ?}", timeZone = "{loanwatch.business-zone:Asia/Shanghai}",
            skipExecutionIf = ScheduledCloseOff.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledClose() {
        LocalDate yesterday = LocalDate.now(config.businessZone()).minusDays(1);
        try (Connection c = dataSource.getConnection()) {
            Optional<LocalDate> last = closes.lastClosed(c);
            if (last.isPresent() && !yesterday.isAfter(last.get())) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        close(yesterday, false);
    }

    private static CloseSummary summary(Day d, boolean monthEnd, boolean alreadyClosed) {
        return new CloseSummary(d.businessDate(), d.runs(), d.openLoans(), d.statusChanges(), d.snapshotRows(),
                d.millis(), monthEnd, alreadyClosed);
    }
}
