package dev.loanwatch.domain;

/**
 * What "overdue balance" means in the overdue rate (逾期率 = overdue balance / total loan balance,
 * DOMAIN.md §4). DOMAIN.md does not say which amount of an overdue loan counts.
 */
public enum OverdueBalance {
    /**
     * The whole outstanding principal of every loan that is overdue (逾期贷款余额) — the Chinese
     * regulatory reading (bank statistics count the entire loan as overdue once any part of it is).
     * The default.
     */
    WHOLE_LOAN,
    /**
     * Only the past-due principal (逾期未还本金) of those loans; some lenders publish this smaller
     * figure, so the two must never be compared with each other.
     */
    OVERDUE_PART
}
