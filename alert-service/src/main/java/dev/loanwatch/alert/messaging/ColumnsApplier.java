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
 * columns, which the next start loads from the tables.
 */
@ApplicationScoped
public class ColumnsApplier {
    private static final Logger LOG = Logger.getLogger(ColumnsApplier.class);
    private static final int WAITING = 4;

    private final ThreadPoolExecutor executor;

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
                LOG.errorf(e, "a committed batch could not be added to the read model's columns; they are incomplete until"
                        + " the next start loads them from the tables");
            }
        });
    }

    void onStop(@Observes ShutdownEvent e) {
        executor.shutdown();
    }
}
