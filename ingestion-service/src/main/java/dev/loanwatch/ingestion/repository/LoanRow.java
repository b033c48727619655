package dev.loanwatch.ingestion.repository;

import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored loan with its status as of the last daily close; {@code statusAsOf} is that close's
 * date, null before the loan's first close. Grades, bucket and stage are stored as their codes
 * ({@link FiveTierGrade#code()} …) and read back into the domain's enums.
 */
public record LoanRow(String id, String borrowerId, String product, String channel, LocalDate disbursementDate,
                      BigDecimal principal, BigDecimal annualRate, int termMonths, String method, int dueDay,
                      boolean scheduleSupplied, LoanState state, BigDecimal outstandingPrincipal, BigDecimal credit,
                      boolean restructured, FiveTierGrade gradeBeforeRestructuring, FiveTierGrade manualGrade,
                      FiveTierGrade gradeMinimum, String contentHash, LocalDate statusAsOf, int dpd, Bucket bucket,
                      Stage stage, FiveTierGrade grade, BigDecimal overduePrincipal, BigDecimal overdueInterest,
                      boolean nearM2, boolean nearM3) {

    public static LoanRow opened(String id, String borrowerId, String product, String channel, LocalDate disbursed,
                                 BigDecimal principal, BigDecimal rate, int term, String method, int dueDay,
                                 boolean supplied, String contentHash) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new LoanRow(id, borrowerId, product, channel, disbursed, principal, rate, term, method, dueDay, supplied,
                LoanState.OPEN, principal, zero, false, null, null, FiveTierGrade.NORMAL, contentHash, null, 0, Bucket.C,
                Stage.CURRENT, FiveTierGrade.NORMAL, zero, zero, false, false);
    }
}
