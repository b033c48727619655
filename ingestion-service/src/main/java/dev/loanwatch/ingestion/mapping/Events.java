package dev.loanwatch.ingestion.mapping;

import com.google.protobuf.Timestamp;
import dev.loanwatch.contracts.events.v1.ApplicationDecision;
import dev.loanwatch.contracts.events.v1.DecisionRoute;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.ModelDecision;
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

    // the contract's enums have their own numbers (0 is "unspecified"): each value is mapped by name here,
    // and a grade, stage, loan state or application decision, route or model decision added on this side
    // fails to compile until it is mapped

    public static FiveTierGrade grade(dev.loanwatch.domain.FiveTierGrade g) {
        return switch (g) {
            case NORMAL -> FiveTierGrade.NORMAL;
            case SPECIAL_MENTION -> FiveTierGrade.SPECIAL_MENTION;
            case SUBSTANDARD -> FiveTierGrade.SUBSTANDARD;
            case DOUBTFUL -> FiveTierGrade.DOUBTFUL;
            case LOSS -> FiveTierGrade.LOSS;
        };
    }

    /** A grade as stored (the domain's {@code FiveTierGrade.code()}). */
    public static FiveTierGrade grade(int storedCode) {
        return grade(dev.loanwatch.domain.FiveTierGrade.ofCode(storedCode));
    }

    public static Stage stage(dev.loanwatch.domain.Stage s) {
        return switch (s) {
            case CURRENT -> Stage.CURRENT;
            case EARLY -> Stage.EARLY;
            case MIDDLE -> Stage.MIDDLE;
            case LATE -> Stage.LATE;
        };
    }

    /** A stage as stored (the domain's {@code Stage.code()}). */
    public static Stage stage(int storedCode) {
        return stage(dev.loanwatch.domain.Stage.ofCode(storedCode));
    }

    public static LoanState loanState(dev.loanwatch.ingestion.repository.LoanState s) {
        return switch (s) {
            case OPEN -> LoanState.OPEN;
            case SETTLED -> LoanState.SETTLED;
            case WRITTEN_OFF -> LoanState.WRITTEN_OFF;
        };
    }

    public static ApplicationDecision decision(ApplicationCommand.Decision d) {
        return switch (d) {
            case APPROVED -> ApplicationDecision.APPROVED;
            case REJECTED -> ApplicationDecision.REJECTED;
            case PENDING -> ApplicationDecision.PENDING;
            case CANCELLED -> ApplicationDecision.CANCELLED;
        };
    }

    public static DecisionRoute route(ApplicationCommand.Route r) {
        return switch (r) {
            case MACHINE -> DecisionRoute.MACHINE;
            case MANUAL -> DecisionRoute.MANUAL;
        };
    }

    public static ModelDecision modelDecision(ApplicationCommand.ModelDecision m) {
        return switch (m) {
            case NOT_SCORED -> ModelDecision.NOT_SCORED;
            case PASS -> ModelDecision.PASS;
            case REJECT -> ModelDecision.REJECT;
        };
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
