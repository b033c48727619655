package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void sharesAndHerfindahlOfAWorkedExample() {
        // 60 / 30 / 10: shares 0.6, 0.3, 0.1; H = 0.36 + 0.09 + 0.01 = 0.46
        Map<String, BigDecimal> npl = new LinkedHashMap<>();
        npl.put("F51", d("30.00"));
        npl.put("H62", d("60.00"));
        npl.put("K70", d("10.00"));
        var shares = Concentration.shares(npl).orElseThrow();
        assertEquals("H62", shares.get(0).segment());
        assertEquals(d("0.600000"), shares.get(0).share());
        assertEquals(d("0.100000"), shares.get(2).share());
        assertEquals(d("0.460000"), Concentration.herfindahl(npl).orElseThrow());
    }

    @Test
    void edges() {
        // one segment: H = 1; n equal segments: H = 1/n, rounded once (1/3 → 0.333333)
        assertEquals(d("1.000000"), Concentration.herfindahl(Map.of("A", d("5"))).orElseThrow());
        assertEquals(d("0.333333"), Concentration.herfindahl(Map.of("A", d("1"), "B", d("1"), "C", d("1"))).orElseThrow());
        // a zero segment changes nothing; no money at all is no concentration
        assertEquals(d("1.000000"), Concentration.herfindahl(Map.of("A", d("5"), "B", d("0"))).orElseThrow());
        assertTrue(Concentration.herfindahl(Map.of("A", d("0"))).isEmpty());
        assertTrue(Concentration.shares(Map.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Concentration.herfindahl(Map.of("A", d("-1"))));
    }
}
