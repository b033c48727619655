package dev.loanwatch.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTextTest {

    private static List<String> items(String text) {
        return ScopeText.items(text).stream().map(i -> i.text().strip()).toList();
    }

    @Test
    void fullWidthBecomesHalfWidthAndLatinLowerCase() {
        assertEquals(List.of("ktv服务"), items("ＫＴＶ服务"));
        assertEquals(List.of("led照明灯具"), items("LED照明灯具"));
    }

    @Test
    void strayBlanksAmongChineseGoButLatinWordsStayApart() {
        assertEquals(List.of("餐饮服务"), items("餐 饮 服\u3000务"));
        assertEquals(List.of("餐饮服务"), items("餐饮\u200b服务"));
        assertEquals(List.of("3d printing"), items("3D  Printing"));
    }

    @Test
    void splitsOnSemicolonsFullStopsAndLineBreaks() {
        assertEquals(List.of("餐饮服务", "食品销售", "烟草制品零售", "酒类零售"), items("餐饮服务；食品销售。烟草制品零售\n酒类零售"));
    }

    @Test
    void splitsOnNumbering() {
        assertEquals(List.of("服装加工", "服装销售", "货物进出口"), items("1.服装加工 2、服装销售 3）货物进出口"));
        assertEquals(List.of("建筑装饰工程施工", "建筑材料销售"), items("（一）建筑装饰工程施工（二）建筑材料销售"));
        assertEquals(List.of("物业管理", "保洁服务", "绿化养护"), items("①物业管理②保洁服务③绿化养护"));
        assertEquals(List.of("一、二类医疗器械销售"), items("一、二类医疗器械销售"));
        assertEquals(List.of("1.5吨以下叉车租赁"), items("1.5吨以下叉车租赁"));
    }

    @Test
    void commaAndEnumerationCommaJoinObjectsOfOneActivity() {
        assertEquals(List.of("汽车配件、轮胎、润滑油批发零售"), items("汽车配件、轮胎、润滑油批发零售"));
        assertEquals(List.of("生产、加工、销售服装"), items("生产、加工、销售服装"));
        assertEquals(List.of("服装,鞋帽批发"), items("服装，鞋帽批发"));
    }

    @Test
    void commaCutsBetweenTwoCompleteActivities() {
        assertEquals(List.of("餐饮服务", "食品销售"), items("餐饮服务，食品销售"));
        assertEquals(List.of("技术开发", "技术咨询", "技术服务"), items("技术开发、技术咨询、技术服务"));
        assertEquals(List.of("食品生产、销售"), items("食品生产、销售"));
        assertEquals(List.of("装饰工程设计、施工"), items("装饰工程设计、施工"));
        assertEquals(List.of("食品生产", "预包装食品销售"), items("食品生产、预包装食品销售"));
    }

    @Test
    void boilerplateGoes() {
        assertEquals(List.of("餐饮服务"), items("一般项目：餐饮服务（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"));
        assertEquals(List.of("餐饮服务"), items("许可项目：餐饮服务（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）"));
        assertEquals(List.of("预包装食品零售"), items("预包装食品零售（凭食品经营许可证经营）"));
        assertEquals(List.of("道路货物运输"), items("道路货物运输（不含危险货物）"));
        assertEquals(List.of("化工产品销售"), items("化工产品销售不含危险化学品"));
        assertEquals(List.of("货物进出口"), items("货物进出口（以上项目不涉及外商投资准入特别管理措施）"));
        assertEquals(List.of("五金交电销售"), items("五金交电销售。涉及许可经营的凭许可证经营"));
        assertEquals(List.of("日用百货销售"), items("日用百货销售（国家禁止和限制的除外）"));
        assertEquals(List.of("建材销售"), items("*建材销售*"));
    }

    @Test
    void textsThatNameNoActivityHaveNoItems() {
        for (String none : List.of("无", "详见章程", "经营范围详见公司章程", "一般经营项目", "一般经营项目：", "依法自主经营", "*", "-",
                "（依法须经批准的项目，经相关部门批准后方可开展经营活动）", "许可项目：无", " ", "\uD83D\uDE00\uD83C\uDF5C")) {
            assertEquals(List.of(), items(none), none);
        }
        assertEquals(List.of(), ScopeText.items(null));
        assertEquals(List.of(), ScopeText.items(""));
    }

    @Test
    void aWordThatOnlyContainsNoStays() {
        assertEquals(List.of("无人机销售"), items("无人机销售"));
        assertEquals(List.of("无纺布制造"), items("无；无纺布制造"));
    }

    @Test
    void quotesComeFromTheOriginalText() {
        String original = "一般项目：ＫＴＶ服务；餐 饮服务";
        List<ScopeText.Item> items = ScopeText.items(original);
        assertEquals("ＫＴＶ服务", items.get(0).quote(original, 0, items.get(0).text().length()));
        assertEquals("餐 饮服务", items.get(1).quote(original, 0, items.get(1).text().length()));
    }

    @Test
    void hugeTextIsCut() {
        String huge = "餐饮服务；".repeat(50_000);
        List<ScopeText.Item> items = ScopeText.items(huge);
        assertTrue(items.size() <= ScopeText.MAX_ITEMS, "items " + items.size());
    }
}
