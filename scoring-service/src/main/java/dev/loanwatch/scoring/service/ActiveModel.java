package dev.loanwatch.scoring.service;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The champion this pod scores with. A swap makes the new version current in one step; requests that
 * leased the old one finish on it, and its session closes after the last of them ({@link LoadedModel}).
 */
@ApplicationScoped
public class ActiveModel {
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();

    /** A lease on the current model, to give back with {@link Lease#close()}; 503 while none is active. */
    public Lease lease() {
        while (true) {
            LoadedModel m = current.get();
            if (m == null) {
                throw new RejectedException(Rejection.unavailable("no model is active: upload one and activate it (POST /models)"));
            }
            if (m.lease()) {
                return new Lease(m);
            }
            // swapped and closed between the read and the lease: read the new one
        }
    }

    /** Makes {@code next} current; the one it replaces closes once its requests are done. */
    public void swap(LoadedModel next) {
        LoadedModel previous = current.getAndSet(next);
        if (previous != null) {
            previous.release();
        }
    }

    public Optional<LoadedModel> current() {
        return Optional.ofNullable(current.get());
    }

    /** A model held for one request (or one batch of a stream). */
    public static final class Lease implements AutoCloseable {
        private final LoadedModel model;

        Lease(LoadedModel model) {
            this.model = model;
        }

        public LoadedModel model() {
            return model;
        }

        @Override
        public void close() {
            model.release();
        }
    }
}
