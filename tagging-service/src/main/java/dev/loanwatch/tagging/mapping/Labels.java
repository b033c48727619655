package dev.loanwatch.tagging.mapping;

import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.IndustryTag;
import dev.loanwatch.domain.EnterpriseSize.Size;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.IndustryTaxonomy;
import java.util.List;
import java.util.Optional;

/** Conversions between the domain core's labels and the contract's, in one place. */
public final class Labels {
    /** The size codes REST, rules and the stored columns use (the contract's enum without its prefixes). */
    public static final List<String> SIZE_CODES = List.of("LARGE", "MEDIUM", "SMALL", "MICRO", "UNKNOWN", "NOT_APPLICABLE");

    private Labels() {
    }

    public static String sizeCode(EnterpriseSize size) {
        return switch (size) {
            case LARGE, MEDIUM, SMALL, MICRO, NOT_APPLICABLE -> size.name();
            case SIZE_UNKNOWN, ENTERPRISE_SIZE_UNSPECIFIED, UNRECOGNIZED -> "UNKNOWN";
        };
    }

    public static Optional<EnterpriseSize> sizeOfCode(String code) {
        return switch (code) {
            case "LARGE" -> Optional.of(EnterpriseSize.LARGE);
            case "MEDIUM" -> Optional.of(EnterpriseSize.MEDIUM);
            case "SMALL" -> Optional.of(EnterpriseSize.SMALL);
            case "MICRO" -> Optional.of(EnterpriseSize.MICRO);
            case "UNKNOWN" -> Optional.of(EnterpriseSize.SIZE_UNKNOWN);
            case "NOT_APPLICABLE" -> Optional.of(EnterpriseSize.NOT_APPLICABLE);
            default -> Optional.empty();
        };
    }

    public static EnterpriseSize size(Size size) {
        return switch (size) {
            case LARGE -> EnterpriseSize.LARGE;
            case MEDIUM -> EnterpriseSize.MEDIUM;
            case SMALL -> EnterpriseSize.SMALL;
            case MICRO -> EnterpriseSize.MICRO;
            case UNKNOWN -> EnterpriseSize.SIZE_UNKNOWN;
        };
    }

    /**
     * The code's levels and the standard's name of its finest level, into an industry tag. The code
     * must exist in the taxonomy (any spelling {@link IndustryCode} accepts).
     */
    public static IndustryTag.Builder industry(IndustryTag.Builder tag, String code) {
        IndustryTaxonomy.Entry entry = IndustryTaxonomy.find(code).orElseThrow(
                () -> new IllegalArgumentException(code + " is not a GB/T 4754-2017 code"));
        return tag.setSection(IndustryCode.section(code).name())
                .setDivision(IndustryCode.division(code).orElse(""))
                .setGroup(IndustryCode.group(code).orElse(""))
                .setIndustryClass(IndustryCode.industryClass(code).orElse(""))
                .setNameZh(entry.nameZh());
    }

    /** The finest code of an industry tag ("6210", "62", "H"), empty when the tag has none. */
    public static String finestCode(IndustryTag tag) {
        if (!tag.getIndustryClass().isEmpty()) {
            return tag.getIndustryClass();
        }
        if (!tag.getGroup().isEmpty()) {
            return tag.getGroup();
        }
        return !tag.getDivision().isEmpty() ? tag.getDivision() : tag.getSection();
    }
}
