package dev.loanwatch.alert.model;

import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RateBand;
import dev.loanwatch.domain.RegionDirectory;
import dev.loanwatch.domain.TermBand;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A segment of the book: one value for each of any of the dimensions (all loans when none). The
 * query parameter of a dimension is its name; values are checked against their code lists (GB/T
 * 4754 sections and divisions, GB/T 2260 provinces and prefectures, the size classes, customer types,
 * term and rate bands) and spelled as the read model stores them. Product, channel, risk group and
 * custom tag have no code list outside the book: whether the book has them is checked against the
 * read model ({@code Segments}).
 *
 * @param values dimension → value, in the order of {@link Dimension}
 */
public record Segment(Map<Dimension, String> values) {

    /** The dimensions of a segment: query parameter, the cell column (or array column), and the check. */
    public enum Dimension {
        SECTION("section", Segment::section),
        DIVISION("division", Segment::division),
        RISK_GROUP("riskGroup", v -> code(v)),
        PROVINCE("province", v -> region(v, RegionDirectory.Level.PROVINCE)),
        PREFECTURE("prefecture", v -> region(v, RegionDirectory.Level.PREFECTURE)),
        SIZE("size", v -> oneOf(v, Set.of("LARGE", "MEDIUM", "SMALL", "MICRO", "SIZE_UNKNOWN", "NOT_APPLICABLE"))),
        CUSTOMER_TYPE("customerType", v -> oneOf(v, Set.of("INDIVIDUAL", "ENTERPRISE"))),
        PRODUCT("product", v -> code(v)),
        CHANNEL("channel", v -> code(v)),
        TERM_BAND("termBand", v -> TermBand.ofLabel(v).label()),
        RATE_BAND("rateBand", v -> RateBand.ofLabel(v).label()),
        TAG("tag", v -> code(v));

        private final String parameter;
        private final UnaryOperator<String> canonical;

        Dimension(String parameter, UnaryOperator<String> canonical) {
            this.parameter = parameter;
            this.canonical = canonical;
        }

        /** The query parameter and rollup dimension name. */
        public String parameter() {
            return parameter;
        }

        /** True for the dimensions a loan can have several values of (risk groups, custom tags). */
        public boolean multiValued() {
            return this == RISK_GROUP || this == TAG;
        }

        public static Dimension ofParameter(String name) {
            for (Dimension d : values()) {
                if (d.parameter.equals(name)) {
                    return d;
                }
            }
            return null;
        }

        public static List<String> parameters() {
            return java.util.Arrays.stream(values()).map(Dimension::parameter).toList();
        }
    }

    public Segment {
        values = Map.copyOf(values);
    }

    public static final Segment WHOLE_BOOK = new Segment(Map.of());

    /**
     * The segment of the query parameters that name a dimension; every other parameter must be one of
     * {@code otherAllowed}. Errors name their parameter.
     */
    public static Segment of(Map<String, List<String>> query, Set<String> otherAllowed) {
        Map<Dimension, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        query.forEach((name, list) -> {
            Dimension d = Dimension.ofParameter(name);
            if (d == null) {
                if (!otherAllowed.contains(name)) {
                    errors.add(new FieldError(name, "unknown parameter; segment dimensions are " + Dimension.parameters()
                            + (otherAllowed.isEmpty() ? "" : ", and this endpoint also takes " + otherAllowed.stream().sorted().toList())));
                }
                return;
            }
            if (list.size() != 1) {
                errors.add(new FieldError(name, "give one value (a segment has one value per dimension)"));
                return;
            }
            String raw = list.get(0);
            var problem = Text.idProblem(raw);
            if (problem.isPresent()) {
                errors.add(new FieldError(name, problem.get()));
                return;
            }
            try {
                values.put(d, d.canonical.apply(raw));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new RejectedException(Rejection.invalid(errors));
        }
        Map<Dimension, String> ordered = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            if (values.containsKey(d)) {
                ordered.put(d, values.get(d));
            }
        }
        return new Segment(ordered);
    }

    public boolean isWholeBook() {
        return values.isEmpty();
    }

    /** "section=F, province=440000", or "whole book". */
    public String describe() {
        if (values.isEmpty()) {
            return "whole book";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((d, v) -> parts.add(d.parameter + "=" + v));
        return String.join(", ", parts);
    }

    private static String section(String v) {
        String s = v.toUpperCase(Locale.ROOT);
        if (s.length() != 1 || IndustryTaxonomy.find(s).filter(e -> e.level() == IndustryTaxonomy.Level.SECTION).isEmpty()) {
            throw new IllegalArgumentException("'" + v + "' is not a GB/T 4754-2017 section (A … T)");
        }
        return s;
    }

    private static String division(String v) {
        return IndustryTaxonomy.find(v).filter(e -> e.level() == IndustryTaxonomy.Level.DIVISION)
                .map(IndustryTaxonomy.Entry::code)
                .orElseThrow(() -> new IllegalArgumentException("'" + v + "' is not a GB/T 4754-2017 division (two digits, 01 … 97)"));
    }

    private static String region(String v, RegionDirectory.Level level) {
        return RegionDirectory.standard().find(v).filter(r -> r.level() == level).map(RegionDirectory.Region::code)
                .orElseThrow(() -> new IllegalArgumentException("'" + v + "' is not a GB/T 2260 "
                        + level.name().toLowerCase(Locale.ROOT) + " code (six digits)"));
    }

    private static String oneOf(String v, Set<String> allowed) {
        String s = v.toUpperCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            throw new IllegalArgumentException("'" + v + "' is not one of " + allowed.stream().sorted().toList());
        }
        return s;
    }

    private static String code(String v) {
        return v;
    }
}
