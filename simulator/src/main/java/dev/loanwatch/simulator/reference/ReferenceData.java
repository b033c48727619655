package dev.loanwatch.simulator.reference;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The code tables and word lists the simulator draws from (resources next to this class):
 * industries.csv (GB/T 4754-2017 divisions), regions.csv (GB/T 2260 counties), names.
 */
public record ReferenceData(List<Industry> industries, List<Region> regions, List<String> surnames,
                            List<String> givenNames, List<String> companyWords) {

    public static ReferenceData load() {
        return new ReferenceData(loadIndustries(), loadRegions(), lines("surnames.txt"), lines("given-names.txt"),
                lines("company-words.txt"));
    }

    private static List<Industry> loadIndustries() {
        List<Industry> out = new ArrayList<>();
        for (NamedCsvRecord r : csv("industries.csv")) {
            out.add(new Industry(r.getField("division"), r.getField("section"), r.getField("name_zh"), r.getField("name_en"),
                    Double.parseDouble(r.getField("weight")), Double.parseDouble(r.getField("risk")),
                    split(r.getField("classes")), split(r.getField("scope"))));
        }
        return List.copyOf(out);
    }

    private static List<Region> loadRegions() {
        List<Region> out = new ArrayList<>();
        for (NamedCsvRecord r : csv("regions.csv")) {
            out.add(new Region(r.getField("code"), r.getField("province"), r.getField("prefecture"), r.getField("county"),
                    Double.parseDouble(r.getField("weight")), Double.parseDouble(r.getField("risk"))));
        }
        return List.copyOf(out);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<NamedCsvRecord> csv(String name) {
        try (InputStream in = open(name); CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ReferenceData.class.getResourceAsStream("/dev/loanwatch/simulator/" + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }
}
