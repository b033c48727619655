package dev.loanwatch.trainer.data;

import dev.loanwatch.domain.BorrowerLabels;
import dev.loanwatch.domain.DelinquencyStatus;
import dev.loanwatch.domain.LoanContract;
import dev.loanwatch.domain.LoanFeatures;
import dev.loanwatch.domain.LoanHistory;
import dev.loanwatch.domain.Payment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The observation points of one loan, from one replay of its history to the end of the data: every month end
 * from the disbursement month's while the loan is open, not already bad and its outcome window is inside the data
 * (see {@link SimulatedBook}).
 */
final class LoanObservations {

    /** One observation point: the features at the month end, the outcome after it, the oracle's PD (NaN if none). */
    record Row(LoanFeatures features, boolean bad, YearMonth month, double truePd) {
    }

    private LoanObservations() {
    }

    /**
     * @param dataEnd the last day the data covers (a month end)
     * @param truePd  the oracle's PD at a month end, NaN when unknown
     */
    static List<Row> of(BookLoan loan, List<Payment> payments, BorrowerLabels borrower, LocalDate dataEnd,
                        Label label, ToDoubleFunction<YearMonth> truePd) {
        YearMonth first = YearMonth.from(loan.terms().disbursementDate());
        if (label.windowEnd(first.atEndOfMonth()).isAfter(dataEnd)) {
            return List.of();
        }
        LoanContract contract = loan.contract();
        LoanHistory history = LoanHistory.replay(contract, payments, dataEnd);
        LocalDate settled = history.settledOn().orElse(LocalDate.MAX);
        List<Row> rows = new ArrayList<>();
        for (YearMonth month = first; ; month = month.plusMonths(1)) {
            LocalDate monthEnd = month.atEndOfMonth();
            if (!settled.isAfter(monthEnd) || label.windowEnd(monthEnd).isAfter(dataEnd)) {
                return rows;
            }
            DelinquencyStatus status = history.status(monthEnd).orElseThrow();
            if (!label.alreadyBad(status.dpd())) {
                rows.add(new Row(LoanFeatures.of(contract, history, borrower, monthEnd, Map.of()),
                        label.isBad(history, monthEnd), month, truePd.applyAsDouble(month)));
            }
        }
    }
}
