package dev.loanwatch.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.mapping.BorrowerCommand;
import dev.loanwatch.platform.consumer.Failures;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.ingestion.mapping.LoanCommand;
import dev.loanwatch.ingestion.mapping.PaymentCommand;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Raw records of one type → parsed → stored; one rejection or outcome per record, in order.
 * Shared by the batch importer and the Kafka consumers. A chunk is split by key (a payment by
 * its loan, so one loan's payments keep their order) into {@code parallelism} parts stored
 * concurrently, each in its own transaction: the database works on both cores.
 */
@ApplicationScoped
public class Ingestion {
    private static final Logger LOG = Logger.getLogger(Ingestion.class);

    private final BorrowerService borrowers;
    private final LoanService loans;
    private final PaymentService payments;
    private final ApplicationService applications;
    private final int parallelism;
    private final ExecutorService pool;

    public Ingestion(BorrowerService borrowers, LoanService loans, PaymentService payments, ApplicationService applications,
                     @ConfigProperty(name = "loanwatch.ingest.parallelism", defaultValue = "2") int parallelism) {
        this.borrowers = borrowers;
        this.loans = loans;
        this.payments = payments;
        this.applications = applications;
        this.parallelism = Math.max(1, parallelism);
        this.pool = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread t = new Thread(r, "ingest-part");
            t.setDaemon(true);
            return t;
        });
    }

    void onStop(@Observes ShutdownEvent e) {
        pool.shutdownNow();
    }

    /** @return per record: null when stored or replayed, else why it was rejected */
    public List<Rejection> ingest(RecordType type, List<JsonNode> records) {
        Rejection[] result = new Rejection[records.size()];
        List<List<Integer>> positions = new ArrayList<>();
        List<List<Object>> parts = new ArrayList<>();
        for (int p = 0; p < parallelism; p++) {
            positions.add(new ArrayList<>());
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                Object command = type.parser.apply(records.get(i));
                int part = Math.floorMod(key(command).hashCode(), parallelism);
                positions.get(part).add(i);
                parts.get(part).add(command);
            } catch (RejectedException e) {
                result[i] = e.rejection();
            }
        }
        List<Future<List<? extends Outcome<?>>>> futures = new ArrayList<>();
        for (List<Object> part : parts) {
            futures.add(part.isEmpty() ? null : pool.submit(() -> storePart(type, part)));
        }
        // every part is waited for before a failure is thrown: a caller that tries the chunk again
        // must not race a part of this attempt that is still writing
        RuntimeException failure = null;
        for (int p = 0; p < parallelism; p++) {
            if (futures.get(p) == null) {
                continue;
            }
            try {
                List<? extends Outcome<?>> outcomes = await(futures.get(p));
                for (int i = 0; i < outcomes.size(); i++) {
                    result[positions.get(p).get(i)] = outcomes.get(i).rejection();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return java.util.Arrays.asList(result);
    }

    private static String key(Object command) {
        if (command instanceof PaymentCommand p) {
            return p.loanId();
        }
        if (command instanceof ApplicationCommand a) {
            return a.id();
        }
        return command instanceof LoanCommand l ? l.id() : ((BorrowerCommand) command).id();
    }

    /**
     * Stores one part in one transaction. When the database refuses it for a reason that is not
     * transient (a value it cannot hold, a constraint), the part is stored again record by
     * record, each in its own transaction, so that only the records it refuses are rejected
     * (naming the reason) and every other one is stored: what is reported as accepted is then
     * exactly what is stored. A transient failure (connection lost, database shutting down,
     * deadlock) is thrown to the caller, which tries the whole chunk again; records of this part
     * stored before it are then replays.
     */
    private List<? extends Outcome<?>> storePart(RecordType type, List<Object> commands) {
        try {
            return store(type, commands);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            LOG.warnf(e, "storing %d %s in one transaction failed; storing them one by one", commands.size(), type);
        }
        List<Outcome<?>> out = new ArrayList<>(commands.size());
        for (Object command : commands) {
            try {
                out.add(store(type, List.of(command)).get(0));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf(e, "%s %s refused by the database", type, key(command));
                out.add(Outcome.rejected(Rejection.invalid("$", "the record could not be stored: " + reason(e))));
            }
        }
        return out;
    }

    /**
     * Stores one part. When a record's id was stored meanwhile by another part or writer (a
     * unique violation rolls the part back), the part is tried again: the record is then seen
     * as a replay or a conflict like any other.
     */
    @SuppressWarnings("unchecked")
    private List<? extends Outcome<?>> store(RecordType type, List<Object> commands) {
        for (int attempt = 1; ; attempt++) {
            try {
                return switch (type) {
                    case BORROWERS -> borrowers.ingest((List<BorrowerCommand>) (List<?>) commands);
                    case LOANS -> loans.ingest((List<LoanCommand>) (List<?>) commands);
                    case PAYMENTS -> payments.ingest((List<PaymentCommand>) (List<?>) commands);
                    case APPLICATIONS -> applications.ingest((List<ApplicationCommand>) (List<?>) commands);
                };
            } catch (RuntimeException e) {
                if (attempt >= 3 || !uniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** The database's own words (first line) and SQLSTATE, or the exception's type when it was not the database. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String message = s.getMessage() == null ? "" : s.getMessage().lines().findFirst().orElse("");
                return Text.visible(message) + " (SQLSTATE " + s.getSQLState() + ")";
            }
        }
        return "internal error (" + e.getClass().getSimpleName() + ")";
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
