package dev.loanwatch.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.IndustryTaxonomy.Entry;
import dev.loanwatch.domain.IndustryTaxonomy.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The held-out set of business-scope texts (dev/loanwatch/domain/reference/business-scope-heldout.csv, described in the
 * README beside it) that the industry classifier (and so the tagging-service) is measured on. These
 * tests keep the set well-formed: it parses, its labels are real GB/T 4754-2017 codes that agree
 * with each other, it is broad enough, and it shares no phrase with the simulator's phrase lists.
 */
class BusinessScopeHeldOutTest {

    private static final String RESOURCE = "/dev/loanwatch/domain/reference/business-scope-heldout.csv";
    private static final List<String> HEADER = List.of("id", "section", "division", "class", "kind", "text");
    private static final Set<String> KINDS = Set.of("single", "multi", "noisy", "modern", "none");
    private static final Path SIMULATOR_INDUSTRIES =
            Path.of("..", "simulator", "src", "main", "resources", "dev", "loanwatch", "simulator", "industries.csv");

    record Row(String id, String section, String division, String clazz, String kind, String text) {
    }

    static final List<Row> ROWS = load();

    private static List<Row> load() {
        try (InputStream in = BusinessScopeHeldOutTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            List<List<String>> records = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(HEADER, records.get(0));
            List<Row> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                assertEquals(HEADER.size(), r.size(), "fields of " + r);
                rows.add(new Row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
     * commas, line breaks and doubled quotes. Anything else (a quote inside an unquoted field, text
     * after a closing quote, an unclosed quote) is an error. A final line break is optional.
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unclosed quote in record " + (records.size() + 1));
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < n && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new IllegalArgumentException("text after closing quote in record " + (records.size() + 1));
                }
                fieldStart = false;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field in record " + (records.size() + 1));
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!fieldStart || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    @Test
    void readerFollowsRfc4180() {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("", "x\ny", "")),
                parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,\"x\ny\",\n"));
        assertEquals(List.of(List.of("a")), parse("a"));
        for (String bad : List.of("\"open", "a\"b", "\"a\"b")) {
            try {
                parse(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // as intended
            }
        }
    }

    @Test
    void atLeast300RowsWithUniqueSequentialIds() {
        assertTrue(ROWS.size() >= 300, "rows: " + ROWS.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ROWS.size(); i++) {
            Row r = ROWS.get(i);
            assertTrue(ids.add(r.id()), "unique id " + r.id());
            assertEquals(String.format("H%03d", i + 1), r.id());
        }
    }

    @Test
    void textsAreDistinctAndNotBlank() {
        Set<String> texts = new HashSet<>();
        for (Row r : ROWS) {
            assertFalse(r.text().isBlank(), r.id());
            assertEquals(r.text().strip(), r.text(), "no outer blanks in " + r.id());
            assertTrue(texts.add(r.text()), "duplicate text in " + r.id());
        }
    }

    @Test
    void labelsAreRealCodesThatAgree() {
        for (Row r : ROWS) {
            assertTrue(KINDS.contains(r.kind()), r.id() + " kind " + r.kind());
            if (r.kind().equals("none")) {
                assertEquals("", r.section() + r.division() + r.clazz(), r.id() + ": a 'none' row has no labels");
                continue;
            }
            assertTrue(r.section().matches("[A-T]"), r.id() + " section " + r.section());
            assertTrue(r.division().matches("\\d{2}"), r.id() + " division " + r.division());
            Entry division = IndustryTaxonomy.find(r.division())
                    .orElseThrow(() -> new AssertionError(r.id() + ": no division " + r.division()));
            assertEquals(Level.DIVISION, division.level(), r.id());
            assertEquals(r.section(), division.parent(), r.id() + ": division " + r.division() + " is not in " + r.section());
            if (!r.clazz().isEmpty()) {
                assertTrue(r.clazz().matches("\\d{4}"), r.id() + " class " + r.clazz());
                Entry clazz = IndustryTaxonomy.find(r.clazz())
                        .orElseThrow(() -> new AssertionError(r.id() + ": no class " + r.clazz()));
                assertEquals(Level.CLASS, clazz.level(), r.id());
                List<Entry> above = IndustryTaxonomy.ancestors(clazz);
                assertEquals(r.division(), above.get(1).code(), r.id() + ": class " + r.clazz() + " is not in " + r.division());
            }
        }
    }

    @Test
    void coversEverySectionAndAtLeast70Divisions() {
        Set<String> sections = new TreeSet<>();
        Set<String> divisions = new TreeSet<>();
        for (Row r : ROWS) {
            if (!r.section().isEmpty()) {
                sections.add(r.section());
                divisions.add(r.division());
            }
        }
        Set<String> all = new TreeSet<>();
        IndustryTaxonomy.all(Level.SECTION).forEach(e -> all.add(e.code()));
        assertEquals(all, sections);
        assertTrue(divisions.size() >= 70, "divisions: " + divisions.size());
    }

    @Test
    void everyKindIsPresentWithAFewEmptyTexts() {
        Map<String, Integer> counts = new TreeMap<>();
        ROWS.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        assertEquals(KINDS, counts.keySet());
        int none = counts.get("none");
        assertTrue(none >= 15 && none <= 20, "none: " + none);
    }

    /** Phrases longer than 6 characters from the simulator's scope lists must not appear in any text. */
    @Test
    void sharesNoPhraseWithTheSimulator() throws IOException {
        List<List<String>> records = parse(Files.readString(SIMULATOR_INDUSTRIES, StandardCharsets.UTF_8));
        int scope = records.get(0).indexOf("scope");
        assertTrue(scope >= 0, "industries.csv has a scope column");
        Set<String> phrases = new TreeSet<>();
        for (List<String> r : records.subList(1, records.size())) {
            for (String p : r.get(scope).split("\\|")) {
                if (p.strip().length() > 6) {
                    phrases.add(p.strip());
                }
            }
        }
        assertTrue(phrases.size() > 100, "phrases read: " + phrases.size());
        List<String> collisions = new ArrayList<>();
        for (Row r : ROWS) {
            for (String p : phrases) {
                if (r.text().contains(p)) {
                    collisions.add(r.id() + " contains " + p);
                }
            }
        }
        assertEquals(List.of(), collisions);
    }
}
