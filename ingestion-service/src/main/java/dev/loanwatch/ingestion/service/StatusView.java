package dev.loanwatch.ingestion.service;

import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.Stage;
import dev.loanwatch.ingestion.repository.LoanState;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A loan's delinquency status at the end of any business date, computed by the domain core. */
public record StatusView(String loanId, LocalDate asOf, LoanState state, int dpd, String bucket, Stage stage,
                         FiveTierGrade grade, int pastDueInstallments, BigDecimal outstandingPrincipal,
                         BigDecimal overduePrincipal, BigDecimal overdueInterest, BigDecimal overduePenalty,
                         boolean nearM2, boolean nearM3, int mob) {
}
