package dev.loanwatch.simulator.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A shock on a segment for a period of days. A loan is in the segment when it matches every
 * criterion given (an empty list matches all): GB/T 4754 divisions or 4-digit classes (either
 * matches), GB/T 2260 prefectures (first 4 digits), enterprise sizes, products.
 * While it lasts, the loan's monthly default hazard is multiplied by {@code hazardMultiplier},
 * and each installment falling due is missed outright with {@code missProbability} — which is
 * what makes a regional shock visible within 48 hours of its start.
 */
public record Shock(String name, List<String> divisions, List<String> classes, List<String> prefectures,
                    List<String> sizes, List<String> products, LocalDate from, LocalDate to,
                    double hazardMultiplier, double missProbability) {

    public Shock {
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
        classes = classes == null ? List.of() : List.copyOf(classes);
        prefectures = prefectures == null ? List.of() : List.copyOf(prefectures);
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        products = products == null ? List.of() : List.copyOf(products);
        if (hazardMultiplier == 0) {
            hazardMultiplier = 1;
        }
    }

    /** @param industryClass the borrower's true class, section letter + 4 digits ("H6210"); null for individuals */
    public boolean covers(String industryClass, String regionCode, String size, String product) {
        boolean industry = divisions.isEmpty() && classes.isEmpty()
                || industryClass != null && (divisions.contains(industryClass.substring(1, 3)) || classes.contains(industryClass.substring(1)));
        return industry
                && (prefectures.isEmpty() || prefectures.contains(regionCode.substring(0, 4)))
                && (sizes.isEmpty() || sizes.contains(size))
                && (products.isEmpty() || products.contains(product));
    }

    public boolean active(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
