package dev.loanwatch.simulator.book;

import dev.loanwatch.domain.RepaymentMethod;

/**
 * The products of the synthetic lender, with what is typical of each. {@code baseLogit} is the
 * log-odds of the monthly default hazard of an average borrower; {@code prepayMonthly} the
 * monthly probability of paying everything off early.
 */
public enum Product {
    CONSUMER("consumer-instalment", -6.15, 0.006),
    SME("sme-operating", -6.35, 0.003),
    MORTGAGE("mortgage", -8.1, 0.002);

    public final String code;
    public final double baseLogit;
    public final double prepayMonthly;

    Product(String code, double baseLogit, double prepayMonthly) {
        this.code = code;
        this.baseLogit = baseLogit;
        this.prepayMonthly = prepayMonthly;
    }

    public RepaymentMethod defaultMethod() {
        return this == SME ? RepaymentMethod.INTEREST_ONLY : RepaymentMethod.EQUAL_INSTALLMENT;
    }
}
