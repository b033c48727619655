package dev.loanwatch.domain;

/**
 * Collection stage (DOMAIN.md §2; 一般M1为前期，M2~M3为中期，M4以上为后期), from current to late.
 * The {@link #code()} is what the loan book's tables hold; codes never change.
 */
public enum Stage {
    CURRENT(0), EARLY(1), MIDDLE(2), LATE(3);

    private final int code;

    Stage(int code) {
        this.code = code;
    }

    public static Stage of(Bucket b) {
        return switch (b) {
            case C -> CURRENT;
            case M1 -> EARLY;
            case M2, M3 -> MIDDLE;
            case M4, M5, M6, M7_PLUS -> LATE;
        };
    }

    /** The number this stage is stored under; pinned by StoredCodeTest. */
    public int code() {
        return code;
    }

    public static Stage ofCode(int code) {
        return StoredCode.of(Stage.class, Stage::code, code);
    }
}
