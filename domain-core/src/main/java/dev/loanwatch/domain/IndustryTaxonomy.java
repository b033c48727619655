package dev.loanwatch.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The full GB/T 4754-2017 classification (国民经济行业分类): every section, division, group and
 * class with its Chinese name, read once from {@code reference/gbt4754-2017.csv}.
 *
 * <p>Source: two public extractions of the official PDF, one for the names of all four levels
 * (SAH01/data-collection) and one that every class was checked against (gbcrosswalk, MIT, from
 * the standard's appendix B); {@code reference/gbt4754-2017.source.txt} names versions, dates,
 * licences and the rows that were corrected. The file holds 20 sections, 97 divisions, 473 groups
 * and 1,381 classes, which is what both sources list (the edition is often described as having
 * 1,380).
 *
 * <p>Codes are looked up in every spelling {@link IndustryCode} accepts ("C3311", "3311", "C33",
 * "33", "C"); {@code IndustryCode} is the one place that checks a spelling and tells a division's
 * section. An entry's own {@link Entry#code()} is the code as the standard prints it: the letter
 * for a section, digits otherwise.
 */
public final class IndustryTaxonomy {

    private static final String RESOURCE = "reference/gbt4754-2017.csv";
    private static final String HEADER = "code,level,parent,name_zh";

    public enum Level {
        SECTION, DIVISION, GROUP, CLASS
    }

    /** One entry; {@code parent} is empty for a section. */
    public record Entry(String code, Level level, String parent, String nameZh) {
    }

    private IndustryTaxonomy() {
    }

    /** The entry of a code in any accepted spelling; empty when malformed or not in the standard. */
    public static Optional<Entry> find(String code) {
        if (!IndustryCode.isValid(code)) {
            return Optional.empty();
        }
        String digits = IndustryCode.digits(code);
        return Optional.ofNullable(Table.INSTANCE.byCode.get(digits.isEmpty() ? code : digits));
    }

    /** The section (门类) of a valid code, whether or not the code itself is in the standard. */
    public static Entry section(String code) {
        return Table.INSTANCE.byCode.get(IndustryCode.section(code).name());
    }

    /** The division (大类) of a valid code; empty for a section-only code ("C"). */
    public static Optional<Entry> division(String code) {
        return IndustryCode.division(code).map(Table.INSTANCE.byCode::get);
    }

    /** The entries above this one, section first; empty for a section. */
    public static List<Entry> ancestors(Entry entry) {
        List<Entry> chain = new ArrayList<>();
        for (Entry e = parentOf(entry); e != null; e = parentOf(e)) {
            chain.add(0, e);
        }
        return chain;
    }

    /** The entries one level below, in the standard's order; empty for a class. */
    public static List<Entry> children(Entry entry) {
        return Table.INSTANCE.children.getOrDefault(entry.code(), List.of());
    }

    /** Every entry of a level, in the standard's order. */
    public static List<Entry> all(Level level) {
        return Table.INSTANCE.byLevel.get(level);
    }

    /**
     * Entries whose Chinese name contains {@code fragment}: exact names first, then names that
     * start with it, then the rest; within each, the standard's order (a section before its
     * divisions). Blanks around the fragment are ignored. At most {@code limit} entries.
     */
    public static List<Entry> search(String fragment, int limit) {
        if (fragment == null || fragment.isBlank()) {
            throw new IllegalArgumentException("search needs a non-blank name fragment");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String f = fragment.strip();
        return Table.INSTANCE.entries.stream()
                .filter(e -> e.nameZh().contains(f))
                // a stable sort keeps the standard's order within a rank
                .sorted(Comparator.comparingInt(e -> e.nameZh().equals(f) ? 0 : e.nameZh().startsWith(f) ? 1 : 2))
                .limit(limit)
                .toList();
    }

    private static Entry parentOf(Entry entry) {
        return entry.parent().isEmpty() ? null : Table.INSTANCE.byCode.get(entry.parent());
    }

    /** Loaded on first use by the class-holder idiom: lazy, and the JVM makes it thread-safe. */
    private static final class Table {
        static final Table INSTANCE = new Table();

        final List<Entry> entries = read();
        final Map<String, Entry> byCode = new HashMap<>();
        final Map<String, List<Entry>> children = entries.stream().filter(e -> !e.parent().isEmpty())
                .collect(Collectors.groupingBy(Entry::parent, Collectors.toUnmodifiableList()));
        final Map<Level, List<Entry>> byLevel = entries.stream().collect(Collectors.groupingBy(
                Entry::level, () -> new EnumMap<>(Level.class), Collectors.toUnmodifiableList()));

        private Table() {
            for (Entry e : entries) {
                if (byCode.put(e.code(), e) != null) {
                    throw new IllegalStateException(RESOURCE + ": code " + e.code() + " appears twice");
                }
            }
        }

        private static List<Entry> read() {
            return ReferenceFile.rows(RESOURCE, HEADER).stream()
                    .map(f -> new Entry(f[0], Level.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2], f[3])).toList();
        }
    }
}
