package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.domain.EnterpriseSize.Size;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnterpriseSizeTest {

    /*
     * Every group of 工信部联企业〔2011〕300号 at every edge. The figures below were typed again from the
     * standard's article text (not copied from SmeIndustryGroup), converted from 万元 to yuan. For each
     * class: all measures exactly at the class's lower bounds → that class ("及以上" is inclusive);
     * then each measure in turn just below its bound (one person, or 0.01 yuan) → one class down.
     * Columns: code, employees, revenue (yuan), total assets (yuan), expected.
     */
    @ParameterizedTest(name = "{0}: employees {1}, revenue {2}, assets {3} → {4}")
    @CsvSource({
            // 农、林、牧、渔业: revenue 20000/500/50
            "A0111, , 200000000, , LARGE",
            "A0111, , 199999999.99, , MEDIUM",
            "A0111, , 5000000, , MEDIUM",
            "A0111, , 4999999.99, , SMALL",
            "A0111, , 500000, , SMALL",
            "A0111, , 499999.99, , MICRO",
            // 工业: employees 1000/300/20; revenue 40000/2000/300
            "C3311, 1000, 400000000, , LARGE",
            "C3311, 999, 400000000, , MEDIUM",
            "C3311, 1000, 399999999.99, , MEDIUM",
            "C3311, 300, 20000000, , MEDIUM",
            "C3311, 299, 20000000, , SMALL",
            "C3311, 300, 19999999.99, , SMALL",
            "C3311, 20, 3000000, , SMALL",
            "C3311, 19, 3000000, , MICRO",
            "C3311, 20, 2999999.99, , MICRO",
            // 建筑业: revenue 80000/6000/300; assets 80000/5000/300
            "E4710, , 800000000, 800000000, LARGE",
            "E4710, , 799999999.99, 800000000, MEDIUM",
            "E4710, , 800000000, 799999999.99, MEDIUM",
            "E4710, , 60000000, 50000000, MEDIUM",
            "E4710, , 59999999.99, 50000000, SMALL",
            "E4710, , 60000000, 49999999.99, SMALL",
            "E4710, , 3000000, 3000000, SMALL",
            "E4710, , 2999999.99, 3000000, MICRO",
            "E4710, , 3000000, 2999999.99, MICRO",
            // 批发业: employees 200/20/5; revenue 40000/5000/1000
            "F5111, 200, 400000000, , LARGE",
            "F5111, 199, 400000000, , MEDIUM",
            "F5111, 200, 399999999.99, , MEDIUM",
            "F5111, 20, 50000000, , MEDIUM",
            "F5111, 19, 50000000, , SMALL",
            "F5111, 20, 49999999.99, , SMALL",
            "F5111, 5, 10000000, , SMALL",
            "F5111, 4, 10000000, , MICRO",
            "F5111, 5, 9999999.99, , MICRO",
            // 零售业: employees 300/50/10; revenue 20000/500/100
            "F5211, 300, 200000000, , LARGE",
            "F5211, 299, 200000000, , MEDIUM",
            "F5211, 300, 199999999.99, , MEDIUM",
            "F5211, 50, 5000000, , MEDIUM",
            "F5211, 49, 5000000, , SMALL",
            "F5211, 50, 4999999.99, , SMALL",
            "F5211, 10, 1000000, , SMALL",
            "F5211, 9, 1000000, , MICRO",
            "F5211, 10, 999999.99, , MICRO",
            // 交通运输业: employees 1000/300/20; revenue 30000/3000/200
            "G5411, 1000, 300000000, , LARGE",
            "G5411, 999, 300000000, , MEDIUM",
            "G5411, 1000, 299999999.99, , MEDIUM",
            "G5411, 300, 30000000, , MEDIUM",
            "G5411, 299, 30000000, , SMALL",
            "G5411, 300, 29999999.99, , SMALL",
            "G5411, 20, 2000000, , SMALL",
            "G5411, 19, 2000000, , MICRO",
            "G5411, 20, 1999999.99, , MICRO",
            // 仓储业: employees 200/100/20; revenue 30000/1000/100
            "G5920, 200, 300000000, , LARGE",
            "G5920, 199, 300000000, , MEDIUM",
            "G5920, 200, 299999999.99, , MEDIUM",
            "G5920, 100, 10000000, , MEDIUM",
            "G5920, 99, 10000000, , SMALL",
            "G5920, 100, 9999999.99, , SMALL",
            "G5920, 20, 1000000, , SMALL",
            "G5920, 19, 1000000, , MICRO",
            "G5920, 20, 999999.99, , MICRO",
            // 邮政业: employees 1000/300/20; revenue 30000/2000/100
            "G6010, 1000, 300000000, , LARGE",
            "G6010, 999, 300000000, , MEDIUM",
            "G6010, 1000, 299999999.99, , MEDIUM",
            "G6010, 300, 20000000, , MEDIUM",
            "G6010, 299, 20000000, , SMALL",
            "G6010, 300, 19999999.99, , SMALL",
            "G6010, 20, 1000000, , SMALL",
            "G6010, 19, 1000000, , MICRO",
            "G6010, 20, 999999.99, , MICRO",
            // 住宿业: employees 300/100/10; revenue 10000/2000/100
            "H6110, 300, 100000000, , LARGE",
            "H6110, 299, 100000000, , MEDIUM",
            "H6110, 300, 99999999.99, , MEDIUM",
            "H6110, 100, 20000000, , MEDIUM",
            "H6110, 99, 20000000, , SMALL",
            "H6110, 100, 19999999.99, , SMALL",
            "H6110, 10, 1000000, , SMALL",
            "H6110, 9, 1000000, , MICRO",
            "H6110, 10, 999999.99, , MICRO",
            // 餐饮业: employees 300/100/10; revenue 10000/2000/100
            "H6210, 300, 100000000, , LARGE",
            "H6210, 299, 100000000, , MEDIUM",
            "H6210, 300, 99999999.99, , MEDIUM",
            "H6210, 100, 20000000, , MEDIUM",
            "H6210, 99, 20000000, , SMALL",
            "H6210, 100, 19999999.99, , SMALL",
            "H6210, 10, 1000000, , SMALL",
            "H6210, 9, 1000000, , MICRO",
            "H6210, 10, 999999.99, , MICRO",
            // 信息传输业: employees 2000/100/10; revenue 100000/1000/100
            "I6311, 2000, 1000000000, , LARGE",
            "I6311, 1999, 1000000000, , MEDIUM",
            "I6311, 2000, 999999999.99, , MEDIUM",
            "I6311, 100, 10000000, , MEDIUM",
            "I6311, 99, 10000000, , SMALL",
            "I6311, 100, 9999999.99, , SMALL",
            "I6311, 10, 1000000, , SMALL",
            "I6311, 9, 1000000, , MICRO",
            "I6311, 10, 999999.99, , MICRO",
            // 软件和信息技术服务业: employees 300/100/10; revenue 10000/1000/50
            "I6510, 300, 100000000, , LARGE",
            "I6510, 299, 100000000, , MEDIUM",
            "I6510, 300, 99999999.99, , MEDIUM",
            "I6510, 100, 10000000, , MEDIUM",
            "I6510, 99, 10000000, , SMALL",
            "I6510, 100, 9999999.99, , SMALL",
            "I6510, 10, 500000, , SMALL",
            "I6510, 9, 500000, , MICRO",
            "I6510, 10, 499999.99, , MICRO",
            // 房地产开发经营: revenue 200000/1000/100; assets 10000/5000/2000
            "K7010, , 2000000000, 100000000, LARGE",
            "K7010, , 1999999999.99, 100000000, MEDIUM",
            "K7010, , 2000000000, 99999999.99, MEDIUM",
            "K7010, , 10000000, 50000000, MEDIUM",
            "K7010, , 9999999.99, 50000000, SMALL",
            "K7010, , 10000000, 49999999.99, SMALL",
            "K7010, , 1000000, 20000000, SMALL",
            "K7010, , 999999.99, 20000000, MICRO",
            "K7010, , 1000000, 19999999.99, MICRO",
            // 物业管理: employees 1000/300/100; revenue 5000/1000/500
            "K7020, 1000, 50000000, , LARGE",
            "K7020, 999, 50000000, , MEDIUM",
            "K7020, 1000, 49999999.99, , MEDIUM",
            "K7020, 300, 10000000, , MEDIUM",
            "K7020, 299, 10000000, , SMALL",
            "K7020, 300, 9999999.99, , SMALL",
            "K7020, 100, 5000000, , SMALL",
            "K7020, 99, 5000000, , MICRO",
            "K7020, 100, 4999999.99, , MICRO",
            // 租赁和商务服务业: employees 300/100/10; assets 120000/8000/100
            "L7111, 300, , 1200000000, LARGE",
            "L7111, 299, , 1200000000, MEDIUM",
            "L7111, 300, , 1199999999.99, MEDIUM",
            "L7111, 100, , 80000000, MEDIUM",
            "L7111, 99, , 80000000, SMALL",
            "L7111, 100, , 79999999.99, SMALL",
            "L7111, 10, , 1000000, SMALL",
            "L7111, 9, , 1000000, MICRO",
            "L7111, 10, , 999999.99, MICRO",
            // 其他未列明行业: employees 300/100/10
            "M7310, 300, , , LARGE",
            "M7310, 299, , , MEDIUM",
            "M7310, 100, , , MEDIUM",
            "M7310, 99, , , SMALL",
            "M7310, 10, , , SMALL",
            "M7310, 9, , , MICRO",
    })
    void everyGroupAtItsEdges(String code, Integer employees, BigDecimal revenue, BigDecimal assets, Size expected) {
        assertEquals(expected, EnterpriseSize.classify(code, employees, revenue, assets));
    }

    @Test
    void theExamplesOfDomainMd() {
        // industry: medium ≥ 300 and ≥ 20 M; small ≥ 20 and ≥ 3 M; large ≥ 1000 and ≥ 400 M
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("C", 300, new BigDecimal("20000000"), null));
        assertEquals(Size.LARGE, EnterpriseSize.classify("C", 1000, new BigDecimal("400000000"), null));
        // retail medium ≥ 50 and ≥ 5 M; wholesale medium ≥ 20 and ≥ 50 M; catering medium ≥ 100 and ≥ 20 M
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("52", 50, new BigDecimal("5000000"), null));
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("51", 20, new BigDecimal("50000000"), null));
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("62", 100, new BigDecimal("20000000"), null));
    }

    @Test
    void theSmallerMeasureDecides() {
        // 1500 employees but 300 M revenue (< 400 M): not large — "1000人以下或营业收入40000万元以下" is SME
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("C3311", 1500, new BigDecimal("300000000"), null));
        // 200 employees (< 300) with 500 M revenue: small
        assertEquals(Size.SMALL, EnterpriseSize.classify("C3311", 200, new BigDecimal("500000000"), null));
        // 5 employees with a large revenue: micro on employees alone
        assertEquals(Size.MICRO, EnterpriseSize.classify("C3311", 5, new BigDecimal("500000000"), null));
        // measures the group does not use are ignored: agriculture needs revenue only
        assertEquals(Size.MICRO, EnterpriseSize.classify("A0111", 5000, new BigDecimal("100000"), new BigDecimal("1E9")));
        // real estate development ignores employees
        assertEquals(Size.MEDIUM, EnterpriseSize.classify("K7010", 1, new BigDecimal("1E8"), new BigDecimal("6E7")));
    }

    @Test
    void missingData() {
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("C3311", 500, null, null));
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("C3311", null, new BigDecimal("1E9"), null));
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("A0111", 10, null, null));
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("E4710", null, new BigDecimal("1E9"), null));
        // already micro on a known measure: the missing one cannot lift it
        assertEquals(Size.MICRO, EnterpriseSize.classify("C3311", 19, null, null));
        assertEquals(Size.MICRO, EnterpriseSize.classify("E4710", null, null, new BigDecimal("2999999.99")));
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("M7310", null, new BigDecimal("1"), null));
        // no or unusable industry code
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify(null, 500, new BigDecimal("1E9"), new BigDecimal("1E9")));
        assertEquals(Size.UNKNOWN, EnterpriseSize.classify("Z99", 500, new BigDecimal("1E9"), new BigDecimal("1E9")));
    }

    @Test
    void industriesTheStandardDoesNotCoverOrCodesTooShortToDecide() {
        BigDecimal big = new BigDecimal("1E10");
        for (String code : new String[] {"J6610", "66", "G5311", "53", "59", "70", "K7040", "P8310", "Q8411", "S9100",
                "T9700", "G", "F", "K", "I", "J"}) {
            assertEquals(Size.UNKNOWN, EnterpriseSize.classify(code, 5000, big, big), code);
        }
        // the caller may decide which row to "refer to" (参照) for an uncovered industry
        assertEquals(Size.MEDIUM, EnterpriseSize.classifyIn(SmeIndustryGroup.OTHERS, 150, null, null));
    }

    @Test
    void negativeMeasuresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EnterpriseSize.classify("C3311", -1, BigDecimal.ONE, null));
        assertThrows(IllegalArgumentException.class,
                () -> EnterpriseSize.classify("E4710", null, BigDecimal.ONE, new BigDecimal("-0.01")));
    }
}
