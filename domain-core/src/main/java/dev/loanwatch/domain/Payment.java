package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A repayment received on a loan (DOMAIN.md §1): its value date and amount. Where it goes is decided
 * by {@link PaymentAllocation} when it is applied.
 *
 * @param amount positive, at most 2 decimals (normalised to scale 2)
 */
public record Payment(LocalDate valueDate, BigDecimal amount) {

    public Payment {
        Objects.requireNonNull(valueDate, "valueDate");
        amount = Money.exact(amount, "payment amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("payment amount " + amount + " must be positive");
        }
    }
}
