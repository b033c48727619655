package dev.loanwatch.simulator.behaviour;

import java.time.LocalDate;

/**
 * The ground truth of one loan at one month end, known only to the simulator: the true
 * probability that it reaches DPD &gt; 90 within the next 12 months (from the hazards it will
 * actually face, scenario included), and whether it did. {@code censored} when the 12 months
 * reach past the end of the simulation (the outcome is then unknown).
 */
public record Truth(String loanId, LocalDate monthEnd, double truePd, boolean defaulted, boolean censored) {
}
