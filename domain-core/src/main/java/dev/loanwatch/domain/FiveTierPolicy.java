package dev.loanwatch.domain;

/**
 * Overdue-day floors of the five-tier classification, kept as data so that each product can carry
 * its own. Each limit reads "more than N days overdue": a loan with dpd &gt; limit is at least
 * that grade.
 */
public record FiveTierPolicy(int specialMentionOverDays, int substandardOverDays, int doubtfulOverDays,
                             int lossOverDays) {

    /**
     * 商业银行金融资产风险分类办法 (2023): principal or interest overdue → at least special mention;
     * more than 90 days → substandard; more than 270 → doubtful; more than 360 → loss.
     */
    public static final FiveTierPolicy COMMERCIAL_BANK_2023 = new FiveTierPolicy(0, 90, 270, 360);

    /** Credit-card rules: 1–90 special mention, 91–120 substandard, 121–180 doubtful, over 180 loss. */
    public static final FiveTierPolicy CREDIT_CARD = new FiveTierPolicy(0, 90, 120, 180);

    public FiveTierPolicy {
        if (specialMentionOverDays < 0
                || substandardOverDays < specialMentionOverDays
                || doubtfulOverDays < substandardOverDays
                || lossOverDays < doubtfulOverDays) {
            throw new IllegalArgumentException("five-tier day limits must be non-negative and non-decreasing: "
                    + specialMentionOverDays + ", " + substandardOverDays + ", " + doubtfulOverDays + ", "
                    + lossOverDays);
        }
    }

    /** The best grade a loan this many days overdue may have. */
    public FiveTierGrade floor(int dpd) {
        if (dpd < 0) {
            throw new IllegalArgumentException("dpd " + dpd + " must not be negative");
        }
        if (dpd > lossOverDays) {
            return FiveTierGrade.LOSS;
        }
        if (dpd > doubtfulOverDays) {
            return FiveTierGrade.DOUBTFUL;
        }
        if (dpd > substandardOverDays) {
            return FiveTierGrade.SUBSTANDARD;
        }
        if (dpd > specialMentionOverDays) {
            return FiveTierGrade.SPECIAL_MENTION;
        }
        return FiveTierGrade.NORMAL;
    }
}
