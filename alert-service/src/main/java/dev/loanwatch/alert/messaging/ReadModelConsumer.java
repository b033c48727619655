package dev.loanwatch.alert.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.loanwatch.alert.repository.FactStore;
import dev.loanwatch.alert.repository.FactStore.EarlyPayment;
import dev.loanwatch.alert.repository.FactStore.LoanFact;
import dev.loanwatch.alert.repository.FactStore.Opened;
import dev.loanwatch.alert.repository.FactStore.Recovery;
import dev.loanwatch.alert.repository.FactStore.Restructured;
import dev.loanwatch.alert.repository.FactStore.WrittenOff;
import dev.loanwatch.alert.repository.LoanColumns;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.AllocatedAmount;
import dev.loanwatch.contracts.events.v1.ApplicationDecision;
import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.contracts.events.v1.ModelDecision;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.contracts.events.v1.PaymentReceived;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.RateBand;
import dev.loanwatch.domain.TermBand;
import dev.loanwatch.platform.consumer.IncomingBatches;
import dev.loanwatch.platform.text.IsoDate;
import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The read model's inputs: the loan book's topics and tagging-service's labels. Each polled batch
 * is checked record by record (a record that is not the topic's message, or misses what the read
 * model needs, goes to {@code alert.dead-letter} with the reason), stored in one transaction by
 * {@link FactStore} (idempotent by natural key; month-end rows superseded by a later delivery), and
 * once committed added to {@link LoanColumns}, which the reports read, by {@link ColumnsApplier} while
 * the next batch is read. Nothing is consumed before the columns hold every stored fact.
 */
@ApplicationScoped
public class ReadModelConsumer {

    /** Reads one record into a fact, or throws {@link Invalid} saying what is wrong with it. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(byte[] value) throws InvalidProtocolBufferException, Invalid;
    }

    /** Stores the batch's facts in one transaction. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(Connection c, List<T> facts) throws Exception;
    }

    /** Adds the batch's facts to the columns, once their transaction has committed. */
    @FunctionalInterface
    private interface Applier<T> {
        void apply(List<T> facts);
    }

    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final IncomingBatches batches;
    private final AgroalDataSource dataSource;
    private final FactStore facts;
    private final LoanColumns columns;
    private final ColumnsApplier applier;

    public ReadModelConsumer(IncomingBatches batches, AgroalDataSource dataSource, FactStore facts, LoanColumns columns,
                             ColumnsApplier applier) {
        this.batches = batches;
        this.dataSource = dataSource;
        this.facts = facts;
        this.columns = columns;
        this.applier = applier;
    }

    /** Loan events, polled by {@link BulkFeeds}: each read once into its fact. */
    public void loans(ConsumerRecords<String, byte[]> records) {
        this.<LoanFact>consume(records, LoanEvent.class.getSimpleName(), v -> {
            LoanEvent e = LoanEvent.parseFrom(v);
            require(!e.getLoanId().isBlank(), "loan_id is empty");
            return switch (e.getEventCase()) {
                case OPENED -> opened(e.getLoanId(), e.getOpened());
                case WRITTEN_OFF -> new WrittenOff(e.getLoanId(), date(e.getWrittenOff().getWriteOffDate(),
                        "written_off.write_off_date"), e.getWrittenOff().getPrincipalFen(), e.getWrittenOff().getInterestFen());
                case RESTRUCTURED -> {
                    LocalDate last = null;
                    for (ScheduledInstallment i : e.getRestructured().getScheduleList()) {
                        LocalDate due = date(i.getDueDate(), "restructured.schedule.due_date");
                        last = last == null || due.isAfter(last) ? due : last;
                    }
                    date(e.getRestructured().getEffectiveDate(), "restructured.effective_date");
                    yield new Restructured(e.getLoanId(), last);
                }
                default -> throw new Invalid("no event in the LoanEvent");
            };
        }, (c, events) -> {
            // a loan's events are in order in its partition; opened before written off in one batch too
            facts.loansOpened(c, only(events, Opened.class));
            facts.restructured(c, only(events, Restructured.class));
            facts.writtenOff(c, only(events, WrittenOff.class));
        }, events -> {
            columns.opened(only(events, Opened.class).stream().map(o -> new LoanColumns.Opened(o.loanId(), o.borrowerId(),
                    o.product(), o.channel(), o.termBand(), o.rateBand(), o.disbursed(), o.principalFen(), o.firstDue(),
                    o.lastDue())).toList());
            columns.restructured(only(events, Restructured.class).stream().filter(r -> r.lastDue() != null)
                    .map(r -> new LoanColumns.Dated(r.loanId(), r.lastDue())).toList());
            columns.writtenOff(only(events, WrittenOff.class).stream()
                    .map(w -> new LoanColumns.Dated(w.loanId(), w.date())).toList());
        });
    }

    /** Polled by {@link BulkFeeds}. */
    public void payments(ConsumerRecords<String, byte[]> records) {
        consume(records, PaymentReceived.class.getSimpleName(), v -> {
            PaymentReceived p = PaymentReceived.parseFrom(v);
            require(!p.getPaymentId().isBlank(), "payment_id is empty");
            require(!p.getLoanId().isBlank(), "loan_id is empty");
            date(p.getValueDate(), "value_date");
            return p;
        }, (c, payments) -> {
            List<EarlyPayment> early = new ArrayList<>();
            List<Recovery> recoveries = new ArrayList<>();
            for (PaymentReceived p : payments) {
                LocalDate valueDate = IsoDate.parse(p.getValueDate());
                long principal = 0;
                for (AllocatedAmount a : p.getAllocationList()) {
                    principal += a.getPrincipalFen();
                    if (a.getInstallment() <= FactStore.EARLY_INSTALLMENTS) {
                        early.add(new EarlyPayment(p.getPaymentId(), a.getInstallment(), p.getLoanId(), valueDate,
                                a.getPrincipalFen() + a.getInterestFen()));
                    }
                }
                if (p.getLoanState() == LoanState.WRITTEN_OFF) {
                    recoveries.add(new Recovery(p.getPaymentId(), p.getLoanId(), valueDate, principal, p.getAmountFen()));
                }
            }
            facts.earlyPayments(c, early);
            facts.recoveries(c, recoveries);
        }, payments -> {
            // payments reach the reports through the snapshots and status changes they cause
        });
    }

    /** Polled by {@link BulkFeeds}. */
    public void statusChanges(ConsumerRecords<String, byte[]> records) {
        consume(records, LoanStatusChanged.class.getSimpleName(),
                v -> status(LoanStatusChanged.parseFrom(v).getStatus(), new Dates()).status(), facts::statusChanges,
                changes -> columns.entries(FactStore.delinquencyEntries(changes).stream()
                        .map(s -> new LoanColumns.Dated(s.getLoanId(), IsoDate.parse(s.getAsOf()))).toList()));
    }

    /** The month-end snapshots, polled by {@link BulkFeeds}: each read once into the row the table and the columns take. */
    public void monthEnds(ConsumerRecords<String, byte[]> records) {
        Dates dates = new Dates();
        consume(records, MonthEndSnapshot.class.getSimpleName(), v -> {
            Checked checked = status(MonthEndSnapshot.parseFrom(v).getStatus(), dates);
            LocalDate asOf = checked.asOf();
            require(asOf.getDayOfMonth() == asOf.lengthOfMonth(), "status.as_of " + asOf + " is not a month end");
            LoanStatus s = checked.status();
            return new LoanColumns.Snapshot(asOf, s.getLoanId(), s.getDpd(), checked.bucket().code(),
                    FiveTierGrade.valueOf(s.getGrade().name()).code(), s.getOutstandingPrincipalFen(),
                    s.getOverduePrincipalFen(), s.getOverdueInterestFen(), s.getNearM2(), s.getNearM3(), s.getRestructured(),
                    s.getMob());
        }, facts::monthEnds, columns::snapshots);
    }

    @Incoming("borrower-tags")
    @Blocking(ordered = true)
    public void borrowerTags(ConsumerRecords<String, byte[]> records) {
        consume(records, BorrowerTagged.class.getSimpleName(), v -> {
            BorrowerTags t = BorrowerTagged.parseFrom(v).getTags();
            require(!t.getBorrowerId().isBlank(), "tags.borrower_id is empty");
            return t;
        }, (c, tags) -> {
            // the newest labels of each borrower in the batch (the store ignores older ones too)
            java.util.Map<String, BorrowerTags> latest = new java.util.TreeMap<>();
            tags.forEach(t -> latest.merge(t.getBorrowerId(), t, (a, b) -> b.getTagsVersion() >= a.getTagsVersion() ? b : a));
            facts.borrowerTags(c, List.copyOf(latest.values()));
        }, tags -> columns.labels(tags.stream().map(ReadModelConsumer::labels).toList()));
    }

    @Incoming("applications")
    @Blocking(ordered = true)
    public void applications(ConsumerRecords<String, byte[]> records) {
        consume(records, ApplicationRecorded.class.getSimpleName(), v -> {
            ApplicationRecorded a = ApplicationRecorded.parseFrom(v);
            require(!a.getApplicationId().isBlank(), "application_id is empty");
            require(a.getRevision() >= 1, "revision must be at least 1");
            require(a.getTermMonths() >= 1, "term_months must be at least 1");
            require(a.getDecision() != ApplicationDecision.APPLICATION_DECISION_UNSPECIFIED
                    && a.getDecision() != ApplicationDecision.UNRECOGNIZED, "decision is not set");
            require(a.getModelDecision() != ModelDecision.MODEL_DECISION_UNSPECIFIED
                    && a.getModelDecision() != ModelDecision.UNRECOGNIZED, "model_decision is not set");
            date(a.getAppliedOn(), "applied_on");
            if (!a.getDecidedOn().isEmpty()) {
                date(a.getDecidedOn(), "decided_on");
            }
            return a;
        }, (c, applications) -> {
            // the newest revision of each application in the batch (the store ignores older ones too)
            java.util.Map<String, ApplicationRecorded> latest = new java.util.TreeMap<>();
            applications.forEach(a -> latest.merge(a.getApplicationId(), a, (x, y) -> y.getRevision() >= x.getRevision() ? y : x));
            facts.applications(c, List.copyOf(latest.values()));
        }, applications -> {
            // the approval funnel is asked of the table (FunnelQueries)
        });
    }

    private static Opened opened(String loanId, LoanOpened o) throws Invalid {
        require(!o.getBorrowerId().isBlank(), "opened.borrower_id is empty");
        require(o.getTermMonths() > 0, "opened.term_months must be at least 1");
        date(o.getDisbursementDate(), "opened.disbursement_date");
        try {
            require(new BigDecimal(o.getAnnualRate()).signum() >= 0, "opened.annual_rate is negative");
        } catch (NumberFormatException bad) {
            throw new Invalid("opened.annual_rate is not a decimal");
        }
        try {
            return Opened.of(loanId, o);
        } catch (DateTimeParseException e) {
            // the dates above are checked: this is a due date of the schedule
            throw new Invalid("opened.schedule.due_date is not an ISO date: '" + e.getParsedString() + "'");
        }
    }

    /** The facts of one kind among a batch's loan facts, in their order. */
    private static <T extends LoanFact> List<T> only(List<LoanFact> facts, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (LoanFact f : facts) {
            if (kind.isInstance(f)) {
                out.add(kind.cast(f));
            }
        }
        return out;
    }

    private static LoanColumns.Labels labels(BorrowerTags t) {
        return new LoanColumns.Labels(t.getBorrowerId(), t.getTagsVersion(), t.getCustomerType().name(),
                t.getIndustry().getSection(), t.getIndustry().getDivision(), t.getRegion().getProvinceCode(),
                t.getRegion().getPrefectureCode(), t.getSize().getSize().name(),
                t.getRiskGroupsList().stream().map(g -> g.getCode()).toList(),
                t.getCustomTagsList().stream().map(g -> g.getCode()).toList());
    }

    /** A status that passed the checks, with what they parsed. */
    private record Checked(LoanStatus status, LocalDate asOf, Bucket bucket) {
    }

    private static Checked status(LoanStatus s, Dates dates) throws Invalid {
        require(!s.getLoanId().isBlank(), "status.loan_id is empty");
        LocalDate asOf = dates.parse(s.getAsOf(), "status.as_of");
        Bucket bucket = label(s.getBucket(), "status.bucket");
        if (!s.getPreviousBucket().isEmpty()) {
            label(s.getPreviousBucket(), "status.previous_bucket");
        }
        require(s.getGrade().getNumber() >= 1 && s.getGrade().getNumber() <= 5, "status.grade is not a five-tier grade");
        require(s.getDpd() >= 0, "status.dpd is negative");
        require(s.getOutstandingPrincipalFen() >= 0, "status.outstanding_principal_fen is negative");
        return new Checked(s, asOf, bucket);
    }

    /** A batch's dates, each read once: the snapshots of a batch fall on one or two month ends. */
    private static final class Dates {
        private String text;
        private LocalDate date;

        LocalDate parse(String value, String field) throws Invalid {
            if (!value.equals(text)) {
                date = date(value, field);
                text = value;
            }
            return date;
        }
    }

    private <T> void consume(ConsumerRecords<String, byte[]> records, String message, Reader<T> reader, Writer<T> writer,
                             Applier<T> after) {
        try {
            columns.awaitLoaded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the read model loads", e);
        }
        batches.process(Topics.ALERT_DEAD_LETTER, records, batch -> {
            String[] reasons = new String[batch.size()];
            List<T> read = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<String, byte[]> r = batch.get(i);
                try {
                    read.add(reader.read(r.value() == null ? new byte[0] : r.value()));
                } catch (InvalidProtocolBufferException e) {
                    reasons[i] = "INVALID: not a " + message + " message: " + e.getMessage();
                } catch (Invalid e) {
                    reasons[i] = "INVALID: " + e.getMessage();
                }
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    writer.write(c, read);
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
            applier.apply(() -> after.apply(read));
            return Arrays.asList(reasons);
        });
    }

    private static void require(boolean ok, String problem) throws Invalid {
        if (!ok) {
            throw new Invalid(problem);
        }
    }

    private static LocalDate date(String value, String field) throws Invalid {
        try {
            return IsoDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " is not an ISO date: '" + value + "'");
        }
    }

    private static Bucket label(String value, String field) throws Invalid {
        try {
            return Bucket.ofLabel(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid(field + ": " + e.getMessage());
        }
    }
}
