package dev.loanwatch.domain;

import java.math.BigDecimal;

/** Test shorthand: amounts written as in the worked examples, always at scale 2. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal m(String yuan) {
        return new BigDecimal(yuan).setScale(2);
    }
}
