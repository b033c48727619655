package dev.loanwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

final class Pids {

    private Pids() {
    }

    /**
     * The live process whose pid is on the first line of {@code file}, if its command line contains
     * one of {@code markers}: after a reboot the pid may belong to an unrelated program.
     */
    static Optional<ProcessHandle> alive(Path file, String... markers) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> {
                        String commandLine = p.info().commandLine().orElse("");
                        return Arrays.stream(markers).anyMatch(commandLine::contains);
                    });
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void write(Path file, long pid) throws IOException {
        Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
    }

    /** Sends {@code signal} (a name such as TERM or INT) and waits for the process to end. */
    static boolean signalAndWait(ProcessHandle process, String signal, Duration timeout) {
        if ("TERM".equals(signal)) {
            process.destroy();
        } else {
            // ProcessHandle can only send TERM and KILL; PostgreSQL's fast shutdown needs INT.
            try {
                new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                        .redirectErrorStream(true).start().waitFor();
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return waitFor(process, timeout);
    }

    static boolean waitFor(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}
