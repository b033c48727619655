package dev.loanwatch.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: call {@code i} is due at {@code start + i / rate}, whatever the answers to
 * the calls before it, and its latency is measured from that scheduled time to its answer. A
 * server (or a client) that stalls therefore shows the stall in every call that was due during it
 * — coordinated omission is not hidden, as it would be by a closed loop or by timing from the
 * actual send. The sender parks until each call is due (no busy wait: on two cores that would
 * take the service's CPU); when it wakes late, the lateness is part of the latency, for every
 * method alike.
 */
final class OpenLoop {
    /** How long to wait for the last answers after the last call was sent (the calls' own deadline is shorter). */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(45);

    @FunctionalInterface
    interface Call {
        /** Sends call {@code i} (asynchronously) and returns its answer. */
        ListenableFuture<?> send(int i);
    }

    /** Latencies of one load, in nanoseconds, sorted; failed calls are counted by status and included. */
    record Result(String name, int rate, int calls, long[] sortedNanos, Map<String, Integer> failures, long unanswered,
                  long maxSendLagNanos, double sendSeconds) {
        /** The loads as one: all their latencies, failures and calls. */
        static Result merge(String name, List<Result> parts) {
            long[] all = parts.stream().flatMapToLong(r -> Arrays.stream(r.sortedNanos())).sorted().toArray();
            Map<String, Integer> failures = new TreeMap<>();
            parts.forEach(r -> r.failures().forEach((code, n) -> failures.merge(code, n, Integer::sum)));
            return new Result(name, parts.get(0).rate(), parts.stream().mapToInt(Result::calls).sum(), all, Map.copyOf(failures),
                    parts.stream().mapToLong(Result::unanswered).sum(), parts.stream().mapToLong(Result::maxSendLagNanos).max().orElse(0),
                    parts.stream().mapToDouble(Result::sendSeconds).sum());
        }

        long percentile(double p) {
            if (sortedNanos.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))];
        }

        long max() {
            return sortedNanos.length == 0 ? -1 : sortedNanos[sortedNanos.length - 1];
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "p50 0.62 / p99 1.80 / max 12.3 ms" */
        String latencies() {
            return String.format(Locale.ROOT, "p50 %s / p99 %s / max %s ms", ms(percentile(50)), ms(percentile(99)), ms(max()));
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %,d calls at %,d/s (sent in %.2f s, sender at most %s ms late): %s, p99.9 %s ms; "
                            + "%,d failed%s, %,d unanswered", name, calls, rate, sendSeconds, ms(maxSendLagNanos), latencies(),
                    ms(percentile(99.9)), failed(), failures.isEmpty() ? "" : " " + failures, unanswered);
        }
    }

    private OpenLoop() {
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }

    /** {@code rate × seconds} calls of {@code call}, open loop; returns when every call is answered (or 45 s after the last send). */
    static Result run(String name, int rate, int seconds, Call call) throws InterruptedException {
        int calls = Math.multiplyExact(rate, seconds);
        long[] latency = new long[calls];
        Arrays.fill(latency, -1);
        Map<String, Integer> failures = new TreeMap<>();
        CountDownLatch answered = new CountDownLatch(calls);
        double interval = 1e9 / rate;
        long maxLag = 0;
        // a little head room, so that call 0 is not already late when the loop starts
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < calls; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            int index = i;
            ListenableFuture<?> answer;
            try {
                answer = call.send(i);
            } catch (RuntimeException e) {
                answer = Futures.immediateFailedFuture(e);
            }
            Futures.addCallback(answer, new FutureCallback<Object>() {
                @Override
                public void onSuccess(Object result) {
                    latency[index] = System.nanoTime() - due;
                    answered.countDown();
                }

                @Override
                public void onFailure(Throwable t) {
                    latency[index] = System.nanoTime() - due;
                    String code = Status.fromThrowable(t).getCode().name();
                    synchronized (failures) {
                        failures.merge(code, 1, Integer::sum);
                    }
                    answered.countDown();
                }
            }, MoreExecutors.directExecutor());
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        answered.await(DRAIN_NANOS, TimeUnit.NANOSECONDS);
        long unanswered = answered.getCount();
        // each count-down follows its call's write, so every answered call's latency is visible here
        long[] done = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        Map<String, Integer> failed;
        synchronized (failures) {
            failed = Map.copyOf(failures);
        }
        return new Result(name, rate, calls, done, failed, unanswered, maxLag, sendSeconds);
    }
}
