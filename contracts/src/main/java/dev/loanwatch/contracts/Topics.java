package dev.loanwatch.contracts;

/**
 * The Kafka topics between the services, named once. Keys are the loan id (or the borrower id for
 * borrower topics); values are the protobuf messages named in each constant's comment; every
 * record carries the headers {@code event-id} and {@code event-type} ({@link EventTypes}).
 * Producers publish them through their outbox relay in Kafka transactions: consumers read with
 * {@code isolation.level=read_committed}.
 */
public final class Topics {
    private Topics() {
    }

    /** {@code BorrowerUpserted}, keyed by borrower id: created or changed (a new revision). */
    public static final String BORROWERS = "loanbook.borrowers";
    /** {@code LoanEvent} (opened with schedule, written off, restructured), in order per loan. */
    public static final String LOANS = "loanbook.loans";
    /** {@code PaymentReceived} with its allocation and the balance after. */
    public static final String PAYMENTS = "loanbook.payments";
    /** {@code LoanStatusChanged}: at a daily close, when bucket, stage, grade or 准M2/准M3 changed. */
    public static final String LOAN_STATUS = "loanbook.loan-status";
    /** {@code MonthEndSnapshot}: every open loan at each calendar month end. */
    public static final String MONTH_END_SNAPSHOTS = "loanbook.month-end-snapshots";
    /** {@code ApplicationRecorded}, keyed by application id: received, decided, linked to its loan (a revision each). */
    public static final String APPLICATIONS = "loanbook.applications";

    /** The lenders' input: JSON in the shape of ingestion's REST bodies. */
    public static final String IN_BORROWERS = "loanbook.in.borrowers";
    public static final String IN_LOANS = "loanbook.in.loans";
    public static final String IN_PAYMENTS = "loanbook.in.payments";
    public static final String IN_APPLICATIONS = "loanbook.in.applications";
    /** Input records ingestion rejected: original key and value, headers {@code dead-letter-reason} etc. */
    public static final String IN_DEAD_LETTER = "loanbook.in.dead-letter";

    /** {@code BorrowerTagged}, keyed by borrower id, compacted: a borrower's labels whenever they change. */
    public static final String BORROWER_TAGS = "tagging.borrower-tags";
    /** Borrower events tagging-service could not process: original key and value, {@code dead-letter-reason}. */
    public static final String TAGGING_DEAD_LETTER = "tagging.dead-letter";
    /** tagging-service's outbox relay checkpoints (internal, compacted). */
    public static final String TAGGING_OUTBOX_CHECKPOINTS = "tagging.outbox-checkpoints";

    /** ingestion's outbox relay checkpoints (internal, compacted). */
    public static final String INGESTION_OUTBOX_CHECKPOINTS = "loanbook.outbox-checkpoints";

    /** Events alert-service could not read (any of its input topics): original key and value, {@code dead-letter-reason}. */
    public static final String ALERT_DEAD_LETTER = "alert.dead-letter";
    /** alert-service's outbox relay checkpoints (internal, compacted). */
    public static final String ALERT_OUTBOX_CHECKPOINTS = "alert.outbox-checkpoints";
}
