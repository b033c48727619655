package dev.loanwatch.alert.model;

import java.util.List;
import java.util.Map;

/**
 * What every analytics endpoint answers: a table (one row per month, bucket, cohort, segment value …)
 * with what it is about and on which basis — the segment, the months, balance or count, month end,
 * which PD — and whether months with new facts are still waiting to be counted. The same rows are
 * served as CSV ({@code Accept: text/csv} or {@code format=csv}).
 *
 * <p>In rows, money is yuan with two decimals, ratios are decimals with six places (0.012345 =
 * 1.2345 %) or the text "n/a" when the denominator is zero — never a made-up 0.
 *
 * @param report   the report's name
 * @param segment  the segment's dimensions and values; empty for the whole book
 * @param basis    what the figures are measured on, in words, per aspect
 * @param pending  month ends whose facts are still arriving (empty: every close complete)
 * @param summary  single figures of the report (an index, the PD source …)
 * @param rows     the table
 */
public record Answer(String report, Map<String, String> segment, Map<String, String> basis, List<String> pending,
                     Map<String, Object> summary, List<Map<String, Object>> rows) {
}
