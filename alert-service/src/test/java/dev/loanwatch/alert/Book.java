package dev.loanwatch.alert;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.AllocatedAmount;
import dev.loanwatch.contracts.events.v1.ApplicationDecision;
import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.contracts.events.v1.DecisionRoute;
import dev.loanwatch.contracts.events.v1.ModelDecision;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.CustomTag;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.IndustryTag;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.LoanWrittenOff;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.contracts.events.v1.PaymentReceived;
import dev.loanwatch.contracts.events.v1.RegionTag;
import dev.loanwatch.contracts.events.v1.RepaymentMethod;
import dev.loanwatch.contracts.events.v1.RiskGroupTag;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.contracts.events.v1.SizeTag;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The loan book's and tagging-service's events, as they publish them, for tests of the read model. */
final class Book {
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    /** Every record sent, in order, so a test can deliver its book a second time. */
    private static final List<ProducerRecord<String, byte[]>> SENT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final List<Exception> FAILED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // the broker goes away with the test JVM: don't leave the producer retrying into its shutdown
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PRODUCER.close(java.time.Duration.ZERO)));
    }

    private Book() {
    }

    /** How many records have been sent so far (a mark for {@link #resendFrom}). */
    static int sent() {
        return SENT.size();
    }

    /** Sends again, unchanged (same event ids), every record sent since {@code mark}. */
    static void resendFrom(int mark) {
        for (ProducerRecord<String, byte[]> r : List.copyOf(SENT.subList(mark, SENT.size()))) {
            PRODUCER.send(r);
        }
        flush();
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setSchemaVersion(1).setProducer("test").build();
    }

    /** Labels of an enterprise borrower. */
    static BorrowerTags tags(String borrowerId, long version, String section, String division, String province,
                             String prefecture, EnterpriseSize size, List<String> riskGroups, List<String> customTags) {
        BorrowerTags.Builder t = BorrowerTags.newBuilder().setBorrowerId(borrowerId).setTagsVersion(version)
                .setBorrowerRevision(1).setCustomerType(BorrowerType.ENTERPRISE)
                .setIndustry(IndustryTag.newBuilder().setSection(section).setDivision(division))
                .setRegion(RegionTag.newBuilder().setProvinceCode(province).setPrefectureCode(prefecture).setKnown(true))
                .setSize(SizeTag.newBuilder().setSize(size));
        riskGroups.forEach(g -> t.addRiskGroups(RiskGroupTag.newBuilder().setCode(g).setVersion(1)));
        customTags.forEach(g -> t.addCustomTags(CustomTag.newBuilder().setCode(g).setRuleVersion(1)));
        return t.build();
    }

    static void send(BorrowerTags tags) {
        send(Topics.BORROWER_TAGS, tags.getBorrowerId(), EventTypes.BORROWER_TAGGED,
                BorrowerTagged.newBuilder().setMeta(meta()).setTags(tags).build().toByteArray());
    }

    /**
     * A loan opened with a monthly schedule: {@code installments} installments due on {@code firstDue}
     * and each month after it, each of {@code installmentFen} (principal and interest).
     */
    static void open(String loanId, String borrowerId, String product, String channel, LocalDate disbursed, long principalFen,
                     String rate, int term, LocalDate firstDue, int installments, long installmentFen) {
        LoanOpened.Builder o = LoanOpened.newBuilder().setBorrowerId(borrowerId).setProduct(product).setChannel(channel)
                .setDisbursementDate(disbursed.toString()).setPrincipalFen(principalFen).setAnnualRate(rate)
                .setTermMonths(term).setMethod(RepaymentMethod.EQUAL_INSTALLMENT).setDueDay(firstDue.getDayOfMonth());
        for (int n = 1; n <= installments; n++) {
            long principal = installmentFen * 9 / 10;
            o.addSchedule(ScheduledInstallment.newBuilder().setNumber(n).setDueDate(firstDue.plusMonths(n - 1).toString())
                    .setPrincipalDueFen(principal).setInterestDueFen(installmentFen - principal));
        }
        send(Topics.LOANS, loanId, EventTypes.LOAN_OPENED,
                LoanEvent.newBuilder().setMeta(meta()).setLoanId(loanId).setOpened(o).build().toByteArray());
    }

    static void writeOff(String loanId, LocalDate on, long principalFen) {
        send(Topics.LOANS, loanId, EventTypes.LOAN_WRITTEN_OFF, LoanEvent.newBuilder().setMeta(meta()).setLoanId(loanId)
                .setWrittenOff(LoanWrittenOff.newBuilder().setWriteOffDate(on.toString()).setPrincipalFen(principalFen)
                        .setReason("test")).build().toByteArray());
    }

    /** A payment allocated to one installment (principal + interest), the loan in {@code state} after it. */
    static void pay(String loanId, String paymentId, LocalDate valueDate, int installment, long principalFen, long interestFen,
                    LoanState state) {
        send(Topics.PAYMENTS, loanId, EventTypes.PAYMENT_RECEIVED, PaymentReceived.newBuilder().setMeta(meta())
                .setPaymentId(paymentId).setLoanId(loanId).setValueDate(valueDate.toString())
                .setAmountFen(principalFen + interestFen)
                .addAllocation(AllocatedAmount.newBuilder().setInstallment(installment).setPrincipalFen(principalFen)
                        .setInterestFen(interestFen))
                .setLoanState(state).build().toByteArray());
    }

    /** A status as the loan book publishes it. */
    static LoanStatus status(String loanId, LocalDate asOf, int dpd, Bucket previous, FiveTierGrade grade, long outstandingFen,
                             long overduePrincipalFen, boolean restructured) {
        return LoanStatus.newBuilder().setLoanId(loanId).setAsOf(asOf.toString()).setDpd(dpd)
                .setBucket(Bucket.ofDpd(dpd).label()).setPreviousBucket(previous.label()).setGrade(grade)
                .setOutstandingPrincipalFen(outstandingFen).setOverduePrincipalFen(overduePrincipalFen)
                .setRestructured(restructured).setLoanState(LoanState.OPEN).build();
    }

    static void monthEnd(LoanStatus status) {
        send(Topics.MONTH_END_SNAPSHOTS, status.getLoanId(), EventTypes.MONTH_END_SNAPSHOT,
                MonthEndSnapshot.newBuilder().setMeta(meta()).setStatus(status).build().toByteArray());
    }

    static void statusChange(LoanStatus status) {
        send(Topics.LOAN_STATUS, status.getLoanId(), EventTypes.LOAN_STATUS_CHANGED,
                LoanStatusChanged.newBuilder().setMeta(meta()).setStatus(status).build().toByteArray());
    }

    /** An application at revision 1. */
    static void application(String id, String borrowerId, String product, LocalDate appliedOn, ApplicationDecision decision,
                            DecisionRoute route, boolean deviation, List<String> ruleHits, ModelDecision model,
                            String rejectReason, String riskGrade, String loanId) {
        ApplicationRecorded.Builder a = ApplicationRecorded.newBuilder().setMeta(meta()).setApplicationId(id)
                .setBorrowerId(borrowerId).setProduct(product).setChannel("ONLINE").setAppliedOn(appliedOn.toString())
                .setAmountFen(10_000_00).setTermMonths(12).setDecision(decision).setDeviation(deviation)
                .addAllRuleHits(ruleHits).setModelDecision(model).setRevision(1);
        if (decision != ApplicationDecision.PENDING) {
            a.setDecidedOn(appliedOn.plusDays(1).toString()).setRoute(route);
        } else if (route == DecisionRoute.MANUAL) {
            a.setRoute(route);
        }
        if (rejectReason != null) {
            a.setRejectReason(rejectReason);
        }
        if (riskGrade != null) {
            a.setRiskGrade(riskGrade);
        }
        if (loanId != null) {
            a.setLoanId(loanId);
        }
        send(Topics.APPLICATIONS, id, EventTypes.APPLICATION_RECORDED, a.build().toByteArray());
    }

    static void send(String topic, String key, String eventType, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("event-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", eventType.getBytes(StandardCharsets.UTF_8));
        // not awaited one by one (a book is thousands of records): the producer keeps each partition's order,
        // and flush() says whether all of them arrived
        PRODUCER.send(record, (metadata, e) -> {
            if (e != null) {
                FAILED.add(e);
            }
        });
        SENT.add(record);
    }

    /** Waits until everything sent has been written to the broker; fails if anything was not. */
    static void flush() {
        PRODUCER.flush();
        if (!FAILED.isEmpty()) {
            throw new IllegalStateException("a record was not sent", FAILED.get(0));
        }
    }
}
