package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Enterprise size class under the SME standard (工信部联企业〔2011〕300号; the figures are in
 * {@link SmeIndustryGroup}).
 *
 * <p>The rule, read from the standard's wording and stated outright in the statistics bureau's
 * note ("大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即
 * 可"): an enterprise is in the highest class whose lower bounds it meets on EVERY measure of its
 * group — large needs all large bounds ("1000人以下或营业收入40000万元以下的为中小微型企业" makes large
 * "both at or above"), medium all medium bounds, and so on; failing one small bound makes it micro.
 * Equivalently: classify on each measure alone and take the smallest class. Every bound is inclusive
 * ("及以上").
 *
 * <p>Missing data: the class needs every measure of the group, with one exception that follows
 * from the rule — if the measures that are known already put the enterprise in MICRO, no value of
 * the missing one can lift it, so the answer is MICRO; otherwise UNKNOWN.
 */
public final class EnterpriseSize {

    /** Size class; UNKNOWN when the industry or a needed measure is missing or the industry is not covered. */
    public enum Size {
        LARGE, MEDIUM, SMALL, MICRO, UNKNOWN
    }

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private EnterpriseSize() {
    }

    /**
     * @param industryCode  GB/T 4754 code in any spelling {@link IndustryCode} accepts; a missing,
     *                      invalid, ambiguous or uncovered code gives UNKNOWN (see {@link SmeIndustryGroup#of})
     * @param employees     从业人员 (persons), may be null
     * @param annualRevenue 营业收入 in YUAN (not 万元), may be null
     * @param totalAssets   资产总额 in YUAN, may be null
     */
    public static Size classify(String industryCode, Integer employees, BigDecimal annualRevenue, BigDecimal totalAssets) {
        return SmeIndustryGroup.of(industryCode)
                .map(g -> classifyIn(g, employees, annualRevenue, totalAssets))
                .orElse(Size.UNKNOWN);
    }

    /** Classification under an explicitly chosen group (e.g. for an industry the standard only "refers" to). */
    public static Size classifyIn(SmeIndustryGroup group, Integer employees, BigDecimal annualRevenue,
                                BigDecimal totalAssets) {
        Size smallest = Size.LARGE;
        boolean missing = false;
        for (SmeIndustryGroup.Threshold t : group.thresholds()) {
            Optional<BigDecimal> value = valueOf(t.measure(), employees, annualRevenue, totalAssets);
            if (value.isEmpty()) {
                missing = true;
                continue;
            }
            Size onThis = classOn(t, value.get());
            if (onThis.compareTo(smallest) > 0) {
                smallest = onThis;
            }
        }
        if (missing) {
            return smallest == Size.MICRO ? Size.MICRO : Size.UNKNOWN;
        }
        return smallest;
    }

    /** The class on one measure alone; the value is in persons or yuan. */
    static Size classOn(SmeIndustryGroup.Threshold t, BigDecimal value) {
        BigDecimal scale = t.measure() == SmeIndustryGroup.Measure.EMPLOYEES ? BigDecimal.ONE : WAN;
        if (value.compareTo(t.large().multiply(scale)) >= 0) {
            return Size.LARGE;
        }
        if (value.compareTo(t.medium().multiply(scale)) >= 0) {
            return Size.MEDIUM;
        }
        if (value.compareTo(t.small().multiply(scale)) >= 0) {
            return Size.SMALL;
        }
        return Size.MICRO;
    }

    private static Optional<BigDecimal> valueOf(SmeIndustryGroup.Measure m, Integer employees, BigDecimal revenue,
                                                BigDecimal assets) {
        BigDecimal v = switch (m) {
            case EMPLOYEES -> employees == null ? null : BigDecimal.valueOf(employees);
            case REVENUE -> revenue;
            case TOTAL_ASSETS -> assets;
        };
        if (v != null && v.signum() < 0) {
            throw new IllegalArgumentException(m + " " + v.toPlainString() + " is negative");
        }
        return Optional.ofNullable(v);
    }
}
