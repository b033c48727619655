package dev.loanwatch.tagging.rules;

import java.util.Arrays;
import java.util.Optional;

/** A comparison a rule makes on one field; its JSON name is the lower-case constant. */
public enum Operator {
    EQ, IN, PREFIX, CONTAINS, EXISTS, GT, GTE, LT, LTE;

    public String json() {
        return name().toLowerCase();
    }

    public static Optional<Operator> ofJson(String name) {
        return Arrays.stream(values()).filter(o -> o.json().equals(name)).findFirst();
    }
}
