package dev.loanwatch.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a book into segments (DOMAIN.md §7: any combination of labels) so that every §4 rate
 * can be computed per segment by calling it on each part.
 */
public final class Segments {

    private Segments() {
    }

    /**
     * Groups by the values of the given label keys, in first-seen order. The group key holds only the
     * labels a loan actually has: a loan without an "industry" label lands in a group whose key
     * lacks "industry", rather than being dropped or given an invented value.
     */
    public static Map<Map<String, String>, List<LoanSnapshot>> by(List<LoanSnapshot> book, List<String> keys) {
        Map<Map<String, String>, List<LoanSnapshot>> groups = new LinkedHashMap<>();
        for (LoanSnapshot s : book) {
            Map<String, String> key = new LinkedHashMap<>();
            for (String k : keys) {
                String v = s.labels().get(k);
                if (v != null) {
                    key.put(k, v);
                }
            }
            groups.computeIfAbsent(Map.copyOf(key), x -> new ArrayList<>()).add(s);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        return groups;
    }

    /** The loans whose labels include all of {@code wanted}. */
    public static List<LoanSnapshot> where(List<LoanSnapshot> book, Map<String, String> wanted) {
        return book.stream().filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }
}
