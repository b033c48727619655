package dev.loanwatch.alert.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Adds committed batches to the read model's columns on a thread of its own, in the order they were
 * committed, while the consumers read and store the next ones (a rebuild's month-end feed spent a
 * quarter of its time there). A few batches may wait; a consumer that would queue more waits instead,
 * so memory stays bounded. The columns trail the tables by those batches at most; a crash loses only
 * columns, which the next start loads from the tables. A batch that cannot be added leaves the columns
 * short of the tables: the failure is kept and liveness (read-model-columns) goes DOWN, so the
 * orchestrator restarts the service, whose start loads the columns from the tables again.
 */
@ApplicationScoped
public class ColumnsApplier {
    private static final Logger LOG = Logger.getLogger(ColumnsApplier.class);
    private static final int WAITING = 4;

    private final ThreadPoolExecutor executor;
    private volatile String failure;

    public ColumnsApplier() {
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(WAITING);
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, "read-model-applier");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            // full: the consumer waits for room (never runs the task itself, which would break the order)
            try {
                queue.put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to add a batch to the columns", e);
            }
        });
    }

    /** Runs {@code apply} after every batch handed over before it. */
    public void apply(Runnable apply) {
        executor.execute(() -> {
            try {
                apply.run();
            } catch (RuntimeException e) {
                failure = e.toString();
                LOG.errorf(e, "a committed batch could not be added to the read model's columns; they are incomplete until"
                        + " the next start loads them from the tables (liveness is DOWN)");
            }
        });
    }

    /** Why a committed batch could not be added to the columns, or null while every one was. */
    public String failure() {
        return failure;
    }

    void onStop(@Observes ShutdownEvent e) {
        executor.shutdown();
    }
}
