package dev.loanwatch.alert.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension's values as dense codes (dictionary encoding): the columns hold an int per loan or
 * borrower instead of a string, and a filter compares ints. Code 0 is the empty value — a loan whose
 * borrower has no labels yet. Written only under {@link LoanColumns}' write lock.
 */
final class Codes {
    private final List<String> values = new ArrayList<>(List.of(""));
    private final Map<String, Integer> index = new HashMap<>(Map.of("", 0));

    /** The value's code, added when new. */
    int code(String value) {
        Integer code = index.get(value);
        if (code != null) {
            return code;
        }
        values.add(value);
        index.put(value, values.size() - 1);
        return values.size() - 1;
    }

    /** The value's code, or -1 when no loan or borrower ever had it. */
    int find(String value) {
        return index.getOrDefault(value, -1);
    }

    String value(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }
}
