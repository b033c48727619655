package dev.loanwatch.domain;

/**
 * 五级分类 grades, declared from best to worst so that ordinal order is severity order.
 *
 * <p>Each grade has a stored {@link #code()}: the number the loan book's tables hold. Codes never
 * change, and they ascend with severity because the daily close takes the worse of two grades in
 * SQL ({@code greatest}).
 */
public enum FiveTierGrade {
    /** 正常 */
    NORMAL(0),
    /** 关注 */
    SPECIAL_MENTION(1),
    /** 次级 */
    SUBSTANDARD(2),
    /** 可疑 */
    DOUBTFUL(3),
    /** 损失 */
    LOSS(4);

    private final int code;

    FiveTierGrade(int code) {
        this.code = code;
    }

    /** The number this grade is stored and compared under; pinned by StoredCodeTest. */
    public int code() {
        return code;
    }

    public static FiveTierGrade ofCode(int code) {
        return StoredCode.of(FiveTierGrade.class, FiveTierGrade::code, code);
    }

    /** 不良 (NPL) = substandard + doubtful + loss. */
    public boolean isNonPerforming() {
        return isAtLeast(SUBSTANDARD);
    }

    public boolean isAtLeast(FiveTierGrade other) {
        return compareTo(other) >= 0;
    }

    /** The worse of two grades; an absent (null) grade never wins, two absent give null. */
    public static FiveTierGrade worse(FiveTierGrade a, FiveTierGrade b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
