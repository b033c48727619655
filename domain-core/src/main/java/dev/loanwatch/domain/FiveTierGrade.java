package dev.loanwatch.domain;

/**
 * 五级分类 grades, declared from best to worst so that ordinal order is severity order.
 */
public enum FiveTierGrade {
    /** 正常 */
    NORMAL,
    /** 关注 */
    SPECIAL_MENTION,
    /** 次级 */
    SUBSTANDARD,
    /** 可疑 */
    DOUBTFUL,
    /** 损失 */
    LOSS;

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
