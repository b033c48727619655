package dev.loanwatch.contracts;

/**
 * The {@code event-type} header of each event: the simple name of its protobuf message (for
 * {@code LoanEvent}, the name of the member of its {@code oneof} that is set). A test holds each
 * constant to its message's descriptor.
 */
public final class EventTypes {
    private EventTypes() {
    }

    public static final String BORROWER_UPSERTED = "BorrowerUpserted";
    public static final String LOAN_OPENED = "LoanOpened";
    public static final String LOAN_WRITTEN_OFF = "LoanWrittenOff";
    public static final String LOAN_RESTRUCTURED = "LoanRestructured";
    public static final String PAYMENT_RECEIVED = "PaymentReceived";
    public static final String LOAN_STATUS_CHANGED = "LoanStatusChanged";
    public static final String MONTH_END_SNAPSHOT = "MonthEndSnapshot";
    public static final String APPLICATION_RECORDED = "ApplicationRecorded";
    public static final String BORROWER_TAGGED = "BorrowerTagged";
}
