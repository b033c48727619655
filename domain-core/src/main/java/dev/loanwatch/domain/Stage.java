package dev.loanwatch.domain;

/** Collection stage (DOMAIN.md §2; 一般M1为前期，M2~M3为中期，M4以上为后期). */
public enum Stage {
    CURRENT, EARLY, MIDDLE, LATE;

    public static Stage of(Bucket b) {
        return switch (b) {
            case C -> CURRENT;
            case M1 -> EARLY;
            case M2, M3 -> MIDDLE;
            case M4, M5, M6, M7_PLUS -> LATE;
        };
    }
}
