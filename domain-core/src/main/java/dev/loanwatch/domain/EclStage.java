package dev.loanwatch.domain;

/**
 * The IFRS 9 / CAS 22 impairment stage of a loan (DOMAIN.md §4), which decides the PD horizon of
 * its expected credit loss. Not the collection {@link Stage}.
 */
public enum EclStage {
    /** DPD ≤ 30 and no significant increase in credit risk: 12-month PD. */
    ONE,
    /** DPD 31–90, or a significant increase in credit risk: lifetime PD. */
    TWO,
    /** DPD > 90, credit-impaired: lifetime PD. */
    THREE;

    /**
     * Stage from days past due and whether credit risk has increased significantly since
     * origination (the lender's or the model's judgement; DPD over 30 implies it anyway). Stage 3
     * depends on DPD alone: a significant increase does not make a current loan impaired.
     */
    public static EclStage of(int dpd, boolean significantIncrease) {
        if (dpd < 0) {
            throw new IllegalArgumentException("DPD cannot be negative: " + dpd);
        }
        if (dpd > 90) {
            return THREE;
        }
        return dpd > 30 || significantIncrease ? TWO : ONE;
    }
}
