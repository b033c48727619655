package dev.loanwatch.domain;

import java.util.Optional;

/**
 * The 20 sections (门类) of GB/T 4754-2017 with the range of two-digit divisions (大类) each
 * contains (DOMAIN.md §7). The ranges are contiguous and cover 01–97 without gaps, so a division
 * number alone determines its section.
 */
public enum IndustrySection {
    A(1, 5, "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    B(6, 12, "采矿业", "Mining"),
    C(13, 43, "制造业", "Manufacturing"),
    D(44, 46, "电力、热力、燃气及水生产和供应业", "Production and supply of electricity, heat, gas and water"),
    E(47, 50, "建筑业", "Construction"),
    F(51, 52, "批发和零售业", "Wholesale and retail trade"),
    G(53, 60, "交通运输、仓储和邮政业", "Transport, storage and post"),
    H(61, 62, "住宿和餐饮业", "Accommodation and catering"),
    I(63, 65, "信息传输、软件和信息技术服务业", "Information transmission, software and information technology services"),
    J(66, 69, "金融业", "Finance"),
    K(70, 70, "房地产业", "Real estate"),
    L(71, 72, "租赁和商务服务业", "Leasing and business services"),
    M(73, 75, "科学研究和技术服务业", "Scientific research and technical services"),
    N(76, 79, "水利、环境和公共设施管理业", "Water conservancy, environment and public facilities management"),
    O(80, 82, "居民服务、修理和其他服务业", "Residents' services, repair and other services"),
    P(83, 83, "教育", "Education"),
    Q(84, 85, "卫生和社会工作", "Health and social work"),
    R(86, 90, "文化、体育和娱乐业", "Culture, sports and entertainment"),
    S(91, 96, "公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
    T(97, 97, "国际组织", "International organisations");

    private final int firstDivision;
    private final int lastDivision;
    private final String chineseName;
    private final String englishName;

    IndustrySection(int firstDivision, int lastDivision, String chineseName, String englishName) {
        this.firstDivision = firstDivision;
        this.lastDivision = lastDivision;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    /** The section a division number (1–97) belongs to; empty outside 01–97. */
    public static Optional<IndustrySection> ofDivision(int division) {
        for (IndustrySection s : values()) {
            if (division >= s.firstDivision && division <= s.lastDivision) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public char letter() {
        return name().charAt(0);
    }

    public int firstDivision() {
        return firstDivision;
    }

    public int lastDivision() {
        return lastDivision;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }
}
