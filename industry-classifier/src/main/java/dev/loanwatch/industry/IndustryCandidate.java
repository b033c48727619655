package dev.loanwatch.industry;

import java.util.List;

/**
 * One possible industry of a business scope.
 *
 * @param section       the GB/T 4754-2017 section letter ("H")
 * @param division      the 2-digit division ("62")
 * @param industryClass the 4-digit class ("6210"), or null when the text does not fix the class
 * @param confidence    the division's posterior among all divisions, calibrated on the dev data, in [0, 1]
 * @param evidence      the words of the text that drove it, as written there (["餐饮服务", "中餐"]), at most 5, in text order
 */
public record IndustryCandidate(String section, String division, String industryClass, double confidence,
                                List<String> evidence) {
    public IndustryCandidate {
        evidence = List.copyOf(evidence);
    }
}
