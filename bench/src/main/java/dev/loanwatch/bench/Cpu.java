package dev.loanwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the CPU went during a step: one process's CPU time, and the whole machine's busy share
 * (/proc/stat), so that a figure can be read against what else ran on the two shared cores.
 */
final class Cpu {
    /** A moment: wall clock, the process's CPU time, the machine's busy and total jiffies (-1 where unknown). */
    record Snapshot(long nanos, Duration process, long machineBusy, long machineTotal) {
    }

    private Cpu() {
    }

    static Snapshot now(long pid) {
        Duration process = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
        long busy = -1;
        long total = -1;
        try {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the process's figure alone
        }
        return new Snapshot(System.nanoTime(), process, busy, total);
    }

    /** "service 171 CPU-s; machine 93 % busy (214 of 230 CPU-s)" for the interval between two snapshots. */
    static String between(String who, Snapshot from, Snapshot to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        double process = (to.process().toNanos() - from.process().toNanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        String text = String.format(Locale.ROOT, "%s %.0f CPU-s", who, process);
        if (from.machineTotal() >= 0 && to.machineTotal() > from.machineTotal()) {
            double share = (double) (to.machineBusy() - from.machineBusy()) / (to.machineTotal() - from.machineTotal());
            text += String.format(Locale.ROOT, "; machine %.0f %% busy (%.0f of %.0f CPU-s)", 100 * share, share * cores * wall,
                    cores * wall);
        }
        return text;
    }
}
