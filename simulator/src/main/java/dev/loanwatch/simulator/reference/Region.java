package dev.loanwatch.simulator.reference;

/** A GB/T 2260 county-level area with its weight among borrowers and a regional risk multiplier. */
public record Region(String code, String province, String prefecture, String county, double weight, double risk) {

    public String prefectureCode() {
        return code.substring(0, 4);
    }
}
