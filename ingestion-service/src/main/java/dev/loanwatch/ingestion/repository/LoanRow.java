package dev.loanwatch.ingestion.repository;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored loan with its status as of the last daily close (grade/bucket/stage as domain-enum
 * ordinals); {@code statusAsOf} is that close's date, null before the loan's first close.
 */
public record LoanRow(String id, String borrowerId, String product, String channel, LocalDate disbursementDate,
                      BigDecimal principal, BigDecimal annualRate, int termMonths, String method, int dueDay,
                      boolean scheduleSupplied, String state, BigDecimal outstandingPrincipal, BigDecimal credit,
                      boolean restructured, Integer gradeBeforeRestructuring, Integer manualGrade, int gradeMinimum,
                      String contentHash, LocalDate statusAsOf, int dpd, int bucket, int stage, int grade,
                      BigDecimal overduePrincipal, BigDecimal overdueInterest, boolean nearM2, boolean nearM3) {

    public static LoanRow opened(String id, String borrowerId, String product, String channel, LocalDate disbursed,
                                 BigDecimal principal, BigDecimal rate, int term, String method, int dueDay,
                                 boolean supplied, String contentHash) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new LoanRow(id, borrowerId, product, channel, disbursed, principal, rate, term, method, dueDay, supplied,
                "OPEN", principal, zero, false, null, null, 0, contentHash, null, 0, 0, 0, 0, zero, zero, false, false);
    }
}
