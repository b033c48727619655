package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SME classification standard as data: 工信部联企业〔2011〕300号《中小企业划型标准规定》, its 16
 * industry groups with their thresholds, and which GB/T 4754-2017 codes each group covers. This is
 * the only place the figures live; {@link EnterpriseSize} holds the rule that applies them.
 *
 * <p>How the standard words each group, e.g. 工业: "从业人员1000人以下或营业收入40000万元以下的为中小微型
 * 企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入
 * 300万元及以上的为小型企业；从业人员20人以下或营业收入300万元以下的为微型企业。" Each {@link Threshold}
 * row carries, for one measure, the large lower bound (the upper bound of "中小微", which 第五条 makes
 * the large lower bound), the medium and the small lower bounds; below small is micro. Money bounds
 * are in 万元 (10,000 yuan) as in the standard.
 *
 * <p>Figures: all 16 rows were written from the standard's article text and cross-checked against
 * two independent third-party reproductions (the article text, and the National Bureau of
 * Statistics' 统计上大中小微型企业划分办法 table, which restates the same bounds as ranges) — not
 * against the official gazette copy itself. The four rows quoted in DOMAIN.md §7 agree.
 *
 * <p>Code mapping (GB/T 4754-2017), following the standard's scope notes and the statistics
 * bureau's implementation:
 * <ul>
 *   <li>工业 = mining, manufacturing, utilities (B, C, D: divisions 06–46).</li>
 *   <li>交通运输业 excludes railways (53): it is 54–58 plus group 591 装卸搬运, which the 2017 edition
 *       moved into division 59 next to warehousing; 仓储业 is the rest of 59 (592–599). A bare "59"
 *       is therefore ambiguous and not classified.</li>
 *   <li>信息传输业 = 63 and 64; 软件和信息技术服务业 = 65.</li>
 *   <li>房地产开发经营 = 701, 物业管理 = 702; 房地产中介服务 (703) and 其他房地产业 (709) are in 其他未列明
 *       行业; 自有房地产经营活动, in the 2017 edition 704 房地产租赁经营, is excluded by the standard and
 *       not classified. A bare "70" is ambiguous and not classified.</li>
 *   <li>其他未列明行业 = M, N, O, R and division 85 社会工作 (the statistics bureau lists exactly these
 *       15 sections + 社会工作 as the scope); 703 and 709 as above.</li>
 *   <li>Not covered, so not classified here: 53 railways, J finance (it has its own standard,
 *       银发〔2015〕309号), P education, 84 health, S public administration, T international
 *       organisations. The standard says other industries "参照本规定" (refer to it) without saying
 *       which row; a caller who decides that, say, a private school counts as 其他未列明行业 can pass
 *       the group explicitly to {@link EnterpriseSize#classifyIn(SmeIndustryGroup, Integer, BigDecimal,
 *       BigDecimal)}.</li>
 * </ul>
 */
public enum SmeIndustryGroup {
    AGRICULTURE("农、林、牧、渔业", "01-05",
            Threshold.revenue(20000, 500, 50)),
    INDUSTRY("工业", "06-46",
            Threshold.employees(1000, 300, 20), Threshold.revenue(40000, 2000, 300)),
    CONSTRUCTION("建筑业", "47-50",
            Threshold.revenue(80000, 6000, 300), Threshold.assets(80000, 5000, 300)),
    WHOLESALE("批发业", "51",
            Threshold.employees(200, 20, 5), Threshold.revenue(40000, 5000, 1000)),
    RETAIL("零售业", "52",
            Threshold.employees(300, 50, 10), Threshold.revenue(20000, 500, 100)),
    TRANSPORT("交通运输业", "54-58,591",
            Threshold.employees(1000, 300, 20), Threshold.revenue(30000, 3000, 200)),
    WAREHOUSING("仓储业", "592-599",
            Threshold.employees(200, 100, 20), Threshold.revenue(30000, 1000, 100)),
    POST("邮政业", "60",
            Threshold.employees(1000, 300, 20), Threshold.revenue(30000, 2000, 100)),
    ACCOMMODATION("住宿业", "61",
            Threshold.employees(300, 100, 10), Threshold.revenue(10000, 2000, 100)),
    CATERING("餐饮业", "62",
            Threshold.employees(300, 100, 10), Threshold.revenue(10000, 2000, 100)),
    INFORMATION_TRANSMISSION("信息传输业", "63-64",
            Threshold.employees(2000, 100, 10), Threshold.revenue(100000, 1000, 100)),
    SOFTWARE_AND_IT_SERVICES("软件和信息技术服务业", "65",
            Threshold.employees(300, 100, 10), Threshold.revenue(10000, 1000, 50)),
    REAL_ESTATE_DEVELOPMENT("房地产开发经营", "701",
            Threshold.revenue(200000, 1000, 100), Threshold.assets(10000, 5000, 2000)),
    PROPERTY_MANAGEMENT("物业管理", "702",
            Threshold.employees(1000, 300, 100), Threshold.revenue(5000, 1000, 500)),
    LEASING_AND_BUSINESS_SERVICES("租赁和商务服务业", "71-72",
            Threshold.employees(300, 100, 10), Threshold.assets(120000, 8000, 100)),
    OTHERS("其他未列明行业", "703,709,73-82,85-90",
            Threshold.employees(300, 100, 10));

    /** What a threshold measures, with the unit its bounds are written in. */
    public enum Measure {
        /** 从业人员, persons. */
        EMPLOYEES,
        /** 营业收入 (annual operating revenue), bounds in 万元. */
        REVENUE,
        /** 资产总额, bounds in 万元. */
        TOTAL_ASSETS
    }

    /**
     * Lower bounds of large, medium and small for one measure ("X及以上"); micro is below small.
     * Persons for employees, 万元 for money.
     */
    public record Threshold(Measure measure, BigDecimal large, BigDecimal medium, BigDecimal small) {
        public Threshold {
            if (!(small.signum() > 0 && small.compareTo(medium) < 0 && medium.compareTo(large) < 0)) {
                throw new IllegalArgumentException("bounds must rise from small to large: " + small + ", " + medium
                        + ", " + large);
            }
        }

        static Threshold employees(int large, int medium, int small) {
            return new Threshold(Measure.EMPLOYEES, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }

        static Threshold revenue(int large, int medium, int small) {
            return new Threshold(Measure.REVENUE, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }

        static Threshold assets(int large, int medium, int small) {
            return new Threshold(Measure.TOTAL_ASSETS, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }
    }

    private final String chineseName;
    private final String codes;
    private final List<Threshold> thresholds;

    SmeIndustryGroup(String chineseName, String codes, Threshold... thresholds) {
        this.chineseName = chineseName;
        this.codes = codes;
        this.thresholds = List.of(thresholds);
    }

    public String chineseName() {
        return chineseName;
    }

    /** The measures this group is judged on, in the standard's order, each with its bounds. */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    /** The GB/T 4754-2017 code prefixes (divisions, groups) this group covers. */
    public List<String> codePrefixes() {
        return expand(codes);
    }

    /**
     * The group of a GB/T 4754 code: the longest covered prefix of its digits; for a section-only
     * code ("C") the group that covers every division of the section, if one does. Empty for an
     * invalid code, an industry the standard does not cover, or a code too short to decide
     * (e.g. "59", "70", "G").
     */
    public static Optional<SmeIndustryGroup> of(String industryCode) {
        if (!IndustryCode.isValid(industryCode)) {
            return Optional.empty();
        }
        String digits = IndustryCode.digits(industryCode);
        if (digits.isEmpty()) {
            IndustrySection section = IndustryCode.section(industryCode);
            SmeIndustryGroup common = null;
            for (int d = section.firstDivision(); d <= section.lastDivision(); d++) {
                SmeIndustryGroup g = BY_PREFIX.get(String.format("%02d", d));
                if (g == null || (common != null && g != common)) {
                    return Optional.empty();
                }
                common = g;
            }
            return Optional.ofNullable(common);
        }
        for (int length = digits.length(); length >= 2; length--) {
            SmeIndustryGroup g = BY_PREFIX.get(digits.substring(0, length));
            if (g != null) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private static final Map<String, SmeIndustryGroup> BY_PREFIX = index();

    private static Map<String, SmeIndustryGroup> index() {
        Map<String, SmeIndustryGroup> index = new HashMap<>();
        for (SmeIndustryGroup g : values()) {
            for (String prefix : expand(g.codes)) {
                SmeIndustryGroup clash = index.put(prefix, g);
                if (clash != null) {
                    throw new IllegalStateException("code prefix " + prefix + " is in both " + clash + " and " + g);
                }
            }
        }
        return Collections.unmodifiableMap(index);
    }

    /** "54-58,591" → 54, 55, 56, 57, 58, 591: ranges keep the width of their ends. */
    private static List<String> expand(String spec) {
        List<String> prefixes = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] ends = part.split("-");
            int width = ends[0].length();
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            for (int n = from; n <= to; n++) {
                prefixes.add(String.format("%0" + width + "d", n));
            }
        }
        return List.copyOf(prefixes);
    }
}
