package dev.loanwatch.ingestion.service;

import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.Stage;
import dev.loanwatch.ingestion.repository.InstallmentRow;
import dev.loanwatch.ingestion.repository.LoanRow;
import dev.loanwatch.ingestion.repository.LoanState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A loan with its schedule and its status as of the last daily close. */
public record LoanView(String id, String borrowerId, String product, String channel, LocalDate disbursementDate,
                       BigDecimal principal, BigDecimal annualRate, int termMonths, String method, int dueDay,
                       boolean scheduleSupplied, LoanState state, BigDecimal outstandingPrincipal, BigDecimal credit,
                       boolean restructured, ClosedStatus lastClose, List<InstallmentView> schedule) {

    /** The status the last daily close recorded (null before the loan's first close). */
    public record ClosedStatus(LocalDate asOf, int dpd, String bucket, Stage stage, FiveTierGrade grade,
                               BigDecimal overduePrincipal, BigDecimal overdueInterest, boolean nearM2, boolean nearM3) {
    }

    public record InstallmentView(int number, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
                                  BigDecimal penaltyDue, BigDecimal principalPaid, BigDecimal interestPaid,
                                  BigDecimal penaltyPaid, boolean settled, LocalDate supersededOn) {
    }

    static LoanView of(LoanRow r, List<InstallmentRow> installments) {
        ClosedStatus status = r.statusAsOf() == null ? null : new ClosedStatus(r.statusAsOf(), r.dpd(),
                r.bucket().label(), r.stage(), r.grade(), r.overduePrincipal(), r.overdueInterest(), r.nearM2(),
                r.nearM3());
        return new LoanView(r.id(), r.borrowerId(), r.product(), r.channel(), r.disbursementDate(), r.principal(),
                r.annualRate(), r.termMonths(), r.method(), r.dueDay(), r.scheduleSupplied(), r.state(),
                r.outstandingPrincipal(), r.credit(), r.restructured(), status,
                installments.stream().map(i -> new InstallmentView(i.number(), i.dueDate(), i.principalDue(),
                        i.interestDue(), i.penaltyDue(), i.principalPaid(), i.interestPaid(), i.penaltyPaid(),
                        i.balance().isSettled(), i.supersededOn())).toList());
    }
}
