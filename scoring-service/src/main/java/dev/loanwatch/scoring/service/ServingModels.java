package dev.loanwatch.scoring.service;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this pod serves: the champion, whose scores are answered, and the challenger in shadow, which
 * scores the same rows for comparison and is never answered.
 */
@ApplicationScoped
public class ServingModels {
    private final ModelSlot champion = new ModelSlot();
    private final ModelSlot shadow = new ModelSlot();

    public ModelSlot champion() {
        return champion;
    }

    public ModelSlot shadow() {
        return shadow;
    }

    /** A lease on the champion; 503 while none is active. */
    public ModelSlot.Lease leaseChampion() {
        return champion.lease().orElseThrow(() -> new RejectedException(Rejection.unavailable(
                "no model is active: upload one and activate it (POST /models)")));
    }
}
