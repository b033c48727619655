package dev.loanwatch.simulator.reference;

import java.util.List;

/** A GB/T 4754-2017 division as the simulator uses it: its weight in an SME book, its risk, real class codes, typical 经营范围 phrases. */
public record Industry(String division, String section, String nameZh, String nameEn, double weight, double risk,
                       List<String> classes, List<String> scope) {
}
