package dev.loanwatch.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ColumnsApplierTest {

    @Test
    void batchesApplyInOrderAndAFailureIsKeptForLiveness() throws InterruptedException {
        ColumnsApplier applier = new ColumnsApplier();
        List<Integer> applied = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            applier.apply(() -> applied.add(n));
        }
        CountDownLatch done = new CountDownLatch(1);
        applier.apply(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), applied);
        assertNull(applier.failure());

        applier.apply(() -> {
            throw new IllegalStateException("loan index out of range");
        });
        CountDownLatch after = new CountDownLatch(1);
        applier.apply(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS), "the batches after a failure are still applied");
        assertEquals("java.lang.IllegalStateException: loan index out of range", applier.failure());
    }
}
