package dev.loanwatch.domain;

/** How a loan's principal is paid back (DOMAIN.md §1). */
public enum RepaymentMethod {
    /** 等额本息: the same total every month; the interest share falls as principal is repaid. */
    EQUAL_INSTALLMENT,
    /** 等额本金: the same principal every month plus interest on what is still outstanding. */
    EQUAL_PRINCIPAL,
    /** 先息后本: interest every month, all principal with the last installment (bullet). */
    INTEREST_ONLY
}
