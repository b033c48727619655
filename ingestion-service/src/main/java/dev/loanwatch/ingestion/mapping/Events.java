package dev.loanwatch.ingestion.mapping;

import com.google.protobuf.Timestamp;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.RepaymentMethod;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.contracts.events.v1.Stage;
import dev.loanwatch.domain.Installment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Domain values → the protobuf types of {@code contracts}. */
public final class Events {
    public static final int SCHEMA_VERSION = 1;
    public static final String PRODUCER = "ingestion-service";

    private Events() {
    }

    public static EventMeta meta(UUID eventId, LocalDate businessDate, Instant occurredAt) {
        return EventMeta.newBuilder()
                .setEventId(eventId.toString())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(occurredAt.getEpochSecond()).setNanos(occurredAt.getNano()))
                .setBusinessDate(businessDate.toString())
                .setSchemaVersion(SCHEMA_VERSION)
                .setProducer(PRODUCER)
                .build();
    }

    public static RepaymentMethod method(dev.loanwatch.domain.RepaymentMethod m) {
        return RepaymentMethod.valueOf(m.name());
    }

    /** Grades are stored as the domain enum's ordinal; the contract's enum starts at 1. */
    public static FiveTierGrade grade(int code) {
        return FiveTierGrade.forNumber(code + 1);
    }

    public static Stage stage(int code) {
        return Stage.forNumber(code + 1);
    }

    public static List<ScheduledInstallment> schedule(List<Installment> installments) {
        return installments.stream().map(i -> ScheduledInstallment.newBuilder()
                .setNumber(i.number())
                .setDueDate(i.dueDate().toString())
                .setPrincipalDueFen(Fen.of(i.principalDue()))
                .setInterestDueFen(Fen.of(i.interestDue()))
                .build()).toList();
    }
}
