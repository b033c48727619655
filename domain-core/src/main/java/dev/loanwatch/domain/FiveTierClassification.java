package dev.loanwatch.domain;

/**
 * The five-tier grade of a loan (DOMAIN.md §3): the worst of the overdue-day floor, the
 * restructuring floor and the manual grade. Every rule is a floor, so combining them is just
 * taking the worst — which is also why a manual grade can make a loan worse but never better.
 */
public final class FiveTierClassification {

    private FiveTierClassification() {
    }

    /**
     * @param dpd                      days past due of principal or interest (tolerance 0)
     * @param restructured             the loan is a restructured (重组) asset
     * @param gradeBeforeRestructuring grade just before the restructuring; only read when
     *                                 restructured; null = unknown
     * @param manualGrade              an analyst's grade; null = none
     */
    public static FiveTierGrade classify(FiveTierPolicy policy, int dpd, boolean restructured,
                                         FiveTierGrade gradeBeforeRestructuring, FiveTierGrade manualGrade) {
        FiveTierGrade grade = policy.floor(dpd);
        if (restructured) {
            grade = FiveTierGrade.worse(grade, FiveTierGrade.SPECIAL_MENTION);
            // A restructuring must not launder a bad loan back into the performing book.
            if (gradeBeforeRestructuring != null && gradeBeforeRestructuring.isNonPerforming()) {
                grade = FiveTierGrade.worse(grade, FiveTierGrade.SUBSTANDARD);
            }
        }
        return FiveTierGrade.worse(grade, manualGrade);
    }
}
