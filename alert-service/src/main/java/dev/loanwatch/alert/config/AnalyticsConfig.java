package dev.loanwatch.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** {@code loanwatch.analytics.*}: what the reports assume. */
@ConfigMapping(prefix = "loanwatch.analytics")
public interface AnalyticsConfig {

    /**
     * A month is pending (its close still arriving: a month end comes in many batches) until no fact of
     * it has arrived for this long.
     */
    @WithDefault("2s")
    Duration quiet();

    /**
     * How often month-end rows superseded by a redelivery are deleted ({@code MonthEndCompaction}'s
     * schedule reads this key).
     */
    @WithDefault("10s")
    Duration compactEvery();

    /** The CPD view's tolerance: an overdue amount under it counts as current (DOMAIN.md §2: 50 yuan). */
    @WithDefault("50.00")
    BigDecimal cpdTolerance();

    /** Loss given default per product for ECL (DOMAIN.md §4: from configuration); {@link #defaultLgd()} otherwise. */
    Map<String, BigDecimal> lgd();

    @WithDefault("0.45")
    BigDecimal defaultLgd();

    /**
     * Exposure at default per product as a factor of the outstanding principal (1 = the balance; above 1
     * for products with undrawn limits); {@link #defaultEadFactor()} otherwise.
     */
    Map<String, BigDecimal> eadFactor();

    @WithDefault("1")
    BigDecimal defaultEadFactor();

    /** Months between the start of a written-off loan's delinquency and its write-off, for WO%'s denominator. */
    @WithDefault("6")
    int writeOffLagMonths();
}
