package dev.loanwatch.domain;

import java.util.Optional;
import java.util.Set;

/**
 * GB/T 2260 administrative division code: 6 digits, the first 2 the province level, the first 4
 * the prefecture level, all 6 the county level. Only the province level is checked against a
 * list: prefecture and county codes change with every redistricting, and a loan book keeps the
 * code its borrower was registered with.
 */
public final class RegionCode {

    /** 11–15 north, 21–23 north-east, 31–37 east, 41–46 centre-south, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    public static Optional<String> problem(String code) {
        if (code == null) {
            return Optional.of("region code is missing");
        }
        if (code.length() != 6) {
            return Optional.of("length is " + code.length() + ", expected 6");
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return Optional.of("character '" + code.charAt(i) + "' at position " + (i + 1) + " is not a digit");
            }
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return Optional.of("province code " + code.substring(0, 2) + " does not exist");
        }
        return Optional.empty();
    }

    /** The first 2 digits; the code must be valid. */
    public static String province(String code) {
        return requireValid(code).substring(0, 2);
    }

    /** The first 4 digits; the code must be valid. */
    public static String prefecture(String code) {
        return requireValid(code).substring(0, 4);
    }

    private static String requireValid(String code) {
        problem(code).ifPresent(p -> {
            throw new IllegalArgumentException("invalid region code '" + code + "': " + p);
        });
        return code;
    }
}
