package dev.loanwatch.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stdout, time-stamped so a slow step stands out when reading a log afterwards. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static void info(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + String.format(format, args));
        System.out.flush();
    }

    /** Seconds with one decimal, for progress lines. */
    static String secs(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
