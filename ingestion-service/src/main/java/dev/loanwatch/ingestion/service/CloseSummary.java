package dev.loanwatch.ingestion.service;

import java.time.LocalDate;

/** The result of a daily close as of {@code businessDate}. */
public record CloseSummary(LocalDate businessDate, int runs, int openLoans, int statusChanges, int snapshotRows,
                           long millis, boolean monthEnd, boolean alreadyClosed) {
}
