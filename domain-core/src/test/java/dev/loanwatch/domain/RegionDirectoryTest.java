package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.RegionDirectory.Level;
import dev.loanwatch.domain.RegionDirectory.Region;
import dev.loanwatch.domain.RegionDirectory.Resolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionDirectoryTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.standard();

    /** Prefecture-level entries that group counties rather than name a place (gbt2260-regions.source.txt). */
    private static final Map<String, String> GROUPINGS = Map.of(
            "110100", "市辖区", "120100", "市辖区", "310100", "市辖区", "500100", "市辖区", "500200", "县",
            "419000", "省直辖县级行政区划", "429000", "省直辖县级行政区划", "469000", "省直辖县级行政区划",
            "659000", "自治区直辖县级行政区划");

    /** Counts of the NBS 2023 edition less the 133 county rows the source note drops; 3 provinces added. */
    @Test
    void countsPerLevel() {
        Map<Level, Long> counts = DIRECTORY.regions().stream()
                .collect(Collectors.groupingBy(Region::level, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(Level.PROVINCE, 34L, Level.PREFECTURE, 342L, Level.COUNTY, 2845L), counts);
        assertEquals(333, DIRECTORY.regions().stream()
                .filter(r -> r.level() == Level.PREFECTURE && !GROUPINGS.containsKey(r.code())).count(), "地级 units");
    }

    @Test
    void provincesAreTheOnesRegionCodeAccepts() {
        Set<String> provinces = DIRECTORY.regions().stream().filter(r -> r.level() == Level.PROVINCE)
                .map(r -> r.code().substring(0, 2)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(RegionCode.PROVINCES), provinces);
        assertEquals("台湾省", name("710000"));
        assertEquals("香港特别行政区", name("810000"));
        assertEquals("澳门特别行政区", name("820000"));
    }

    @Test
    void everyParentExistsOneLevelUpAndSharesTheCodePrefix() {
        for (Region r : DIRECTORY.regions()) {
            switch (r.level()) {
                case PROVINCE -> {
                    assertEquals(Optional.empty(), r.parent(), r.code());
                    assertTrue(r.code().endsWith("0000"), r.code());
                }
                case PREFECTURE -> {
                    assertParent(r, Level.PROVINCE, r.code().substring(0, 2) + "0000");
                    assertTrue(r.code().endsWith("00") && !r.code().endsWith("0000"), r.code());
                }
                case COUNTY -> {
                    assertParent(r, Level.PREFECTURE, r.code().substring(0, 4) + "00");
                    assertFalse(r.code().endsWith("00"), r.code());
                }
            }
        }
    }

    @Test
    void groupingsAreTheOnlyUnnamedPrefectures() {
        GROUPINGS.forEach((code, grouping) -> assertEquals(grouping, name(code), code));
        Set<String> groupingNames = Set.copyOf(GROUPINGS.values());
        assertEquals(GROUPINGS.keySet(), DIRECTORY.regions().stream()
                .filter(r -> groupingNames.contains(r.name())).map(Region::code).collect(Collectors.toSet()));
        assertEquals("仙桃市", name("429004"));
        assertEquals(Optional.of("429000"), DIRECTORY.find("429004").orElseThrow().parent());
    }

    /** 东莞, 中山, 儋州, 嘉峪关 have no county level; Taiwan, Hong Kong and Macao have no lower level at all. */
    @Test
    void unitsWithoutChildren() {
        Set<String> parents = DIRECTORY.regions().stream().flatMap(r -> r.parent().stream()).collect(Collectors.toSet());
        Set<String> childless = DIRECTORY.regions().stream()
                .filter(r -> r.level() != Level.COUNTY && !parents.contains(r.code()))
                .map(Region::code).collect(Collectors.toSet());
        assertEquals(Set.of("441900", "442000", "460400", "620200", "710000", "810000", "820000"), childless);
    }

    @Test
    void namesAreNonBlankAndTrimmed() {
        for (Region r : DIRECTORY.regions()) {
            assertFalse(r.name().isBlank(), r.code());
            assertEquals(r.name().strip(), r.name(), r.code());
        }
    }

    @Test
    void codesAreUniqueAndInOrder() {
        List<String> codes = DIRECTORY.regions().stream().map(Region::code).toList();
        assertEquals(codes.size(), Set.copyOf(codes).size());
        assertEquals(codes.stream().sorted().toList(), codes);
    }

    @Test
    void countyCode() {
        assertResolves("440305", Level.COUNTY, "广东省", "深圳市", "南山区");
        assertResolves("110101", Level.COUNTY, "北京市", "市辖区", "东城区");
        assertResolves("500229", Level.COUNTY, "重庆市", "县", "城口县");
        assertResolves("429004", Level.COUNTY, "湖北省", "省直辖县级行政区划", "仙桃市");
    }

    @Test
    void prefectureAndProvinceCodes() {
        assertResolves("440300", Level.PREFECTURE, "广东省", "深圳市", null);
        assertResolves("441900", Level.PREFECTURE, "广东省", "东莞市", null);
        assertResolves("440000", Level.PROVINCE, "广东省", null, null);
        assertResolves("810000", Level.PROVINCE, "香港特别行政区", null, null);
    }

    /** Codes of an older edition (330103 下城区, merged into 上城区 in 2021) or of an NBS-only unit. */
    @Test
    void unknownCountyOfAKnownPrefecture() {
        assertResolves("330103", Level.PREFECTURE, "浙江省", "杭州市", null);
        assertResolves("130171", Level.PREFECTURE, "河北省", "石家庄市", null);
        assertResolves("441901", Level.PREFECTURE, "广东省", "东莞市", null);
        assertResolves("449901", Level.PROVINCE, "广东省", null, null);
        assertEquals(Optional.empty(), DIRECTORY.find("330103"));
    }

    @Test
    void unknownProvinceIsAnInvalidCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DIRECTORY.resolve("990101"));
        assertEquals("invalid region code '990101': province code 99 does not exist", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DIRECTORY.resolve("44030"));
        assertThrows(IllegalArgumentException.class, () -> DIRECTORY.resolve(null));
    }

    /**
     * Every region the simulator draws borrowers from resolves to the names its file gives. The
     * simulator names a municipality's prefecture level after the municipality (北京市), where
     * GB/T 2260 has the grouping 市辖区; those are the only differences, listed here.
     */
    @Test
    void simulatorRegionsAgree() throws IOException {
        List<String> lines = Files.readAllLines(
                Path.of("..", "simulator", "src", "main", "resources", "dev", "loanwatch", "simulator", "regions.csv"),
                StandardCharsets.UTF_8);
        assertEquals("code,province,prefecture,county", String.join(",", List.of(lines.get(0).split(",")).subList(0, 4)));
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Resolution r = DIRECTORY.resolve(f[0]);
            Function<Optional<Region>, String> name = o -> o.map(Region::name).orElse("?");
            String ours = r.province().name() + "/" + name.apply(r.prefecture()) + "/" + name.apply(r.county());
            String theirs = f[1] + "/" + f[2] + "/" + f[3];
            if (!ours.equals(theirs)) {
                mismatches.add(f[0] + " " + ours + " ≠ " + theirs);
            }
        }
        assertEquals(List.of(
                "110105 北京市/市辖区/朝阳区 ≠ 北京市/北京市/朝阳区",
                "110108 北京市/市辖区/海淀区 ≠ 北京市/北京市/海淀区",
                "110106 北京市/市辖区/丰台区 ≠ 北京市/北京市/丰台区",
                "110112 北京市/市辖区/通州区 ≠ 北京市/北京市/通州区",
                "310115 上海市/市辖区/浦东新区 ≠ 上海市/上海市/浦东新区",
                "310112 上海市/市辖区/闵行区 ≠ 上海市/上海市/闵行区",
                "310114 上海市/市辖区/嘉定区 ≠ 上海市/上海市/嘉定区",
                "310117 上海市/市辖区/松江区 ≠ 上海市/上海市/松江区",
                "120116 天津市/市辖区/滨海新区 ≠ 天津市/天津市/滨海新区",
                "120104 天津市/市辖区/南开区 ≠ 天津市/天津市/南开区",
                "500103 重庆市/市辖区/渝中区 ≠ 重庆市/重庆市/渝中区",
                "500112 重庆市/市辖区/渝北区 ≠ 重庆市/重庆市/渝北区",
                "500105 重庆市/市辖区/江北区 ≠ 重庆市/重庆市/江北区"), mismatches);
    }

    private static void assertParent(Region r, Level level, String code) {
        assertEquals(Optional.of(code), r.parent(), r.code());
        assertEquals(level, DIRECTORY.find(code).orElseThrow(() -> new AssertionError(r.code() + ": no parent " + code)).level(), r.code());
    }

    private static String name(String code) {
        return DIRECTORY.find(code).orElseThrow(() -> new AssertionError("no " + code)).name();
    }

    private static void assertResolves(String code, Level found, String province, String prefecture, String county) {
        Resolution r = DIRECTORY.resolve(code);
        assertEquals(code, r.code());
        assertEquals(found, r.found(), code);
        assertEquals(province, r.province().name(), code);
        assertEquals(Optional.ofNullable(prefecture), r.prefecture().map(Region::name), code);
        assertEquals(Optional.ofNullable(county), r.county().map(Region::name), code);
    }
}
