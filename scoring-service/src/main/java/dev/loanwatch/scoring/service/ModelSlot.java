package dev.loanwatch.scoring.service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a model serves from (the champion's slot, the shadow's). A swap makes the new version current
 * in one step; requests that leased the old one finish on it, and its session closes after the last
 * of them ({@link LoadedModel}).
 */
public final class ModelSlot {
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();

    /** A lease on the current model, to give back with {@link Lease#close()}; empty while the slot is empty. */
    public Optional<Lease> lease() {
        while (true) {
            LoadedModel m = current.get();
            if (m == null) {
                return Optional.empty();
            }
            if (m.lease()) {
                return Optional.of(new Lease(m));
            }
            // swapped and closed between the read and the lease: read the new one
        }
    }

    /** Makes {@code next} current (null: empties the slot); the one it replaces closes once its requests are done. */
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
