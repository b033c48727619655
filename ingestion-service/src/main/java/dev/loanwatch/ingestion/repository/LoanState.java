package dev.loanwatch.ingestion.repository;

/**
 * Where a loan is in its life. {@link #code()} is the text stored in {@code loan.state} and
 * {@code payment.loan_state_after} (and allowed by the table's check constraint); it never changes.
 */
public enum LoanState {
    OPEN("OPEN"),
    /** Fully repaid; no payment can be applied any more. */
    SETTLED("SETTLED"),
    /** 核销: off the books; what it still receives is a recovery. */
    WRITTEN_OFF("WRITTEN_OFF");

    private final String code;

    LoanState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static LoanState ofCode(String code) {
        for (LoanState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown loan state code '" + code + "'");
    }
}
