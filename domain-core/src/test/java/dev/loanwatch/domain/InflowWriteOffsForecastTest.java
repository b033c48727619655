package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.Inflow.AccountMonth;
import dev.loanwatch.domain.RollRateMatrix.Column;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InflowWriteOffsForecastTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static List<BigDecimal> series(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void inflowCureAndRecoveredFlowOnAWorkedMonth() {
        List<AccountMonth> month = List.of(
                new AccountMonth(Bucket.C, Column.C, true, false),      // paid
                new AccountMonth(Bucket.C, Column.M1, true, true),      // inflow, not cured
                new AccountMonth(Bucket.C, Column.C, true, true),       // inflow, cured by month end
                new AccountMonth(Bucket.C, Column.C, false, false),     // nothing due: not in the rate's base
                new AccountMonth(Bucket.M1, Column.M1, true, true),     // delinquent, kept: recovered flow
                new AccountMonth(Bucket.M2, Column.C, true, false),     // delinquent, better: recovered flow
                new AccountMonth(Bucket.M1, Column.M3, true, true),     // skipped a bucket in a long month: worse
                new AccountMonth(Bucket.C, Column.SETTLED, true, true), // inflow, then paid off: cured
                new AccountMonth(Bucket.M7_PLUS, Column.WRITTEN_OFF, true, false)); // written off: worse
        assertEquals(3, Inflow.inflow(month));
        assertEquals(d("0.750000"), Inflow.inflowRate(month).orElseThrow());
        assertEquals(2, Inflow.cured(month));
        assertEquals(d("0.666667"), Inflow.cureRate(month).orElseThrow());
        assertEquals(d("0.500000"), Inflow.recoveredFlowRate(month).orElseThrow());
        assertTrue(Inflow.cureRate(List.of(new AccountMonth(Bucket.C, Column.C, true, false))).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new AccountMonth(Bucket.C, Column.M1, false, true));
    }

    @Test
    void writeOffFigures() {
        assertEquals(d("0.050000"), WriteOffs.rate(d("500.00"), d("10000.00")).orElseThrow());
        assertTrue(WriteOffs.rate(d("500.00"), d("0")).isEmpty());
        // stock 1,000 + written off 300 − stock 1,150 = 150 left the stock (recovered or reversed)
        assertEquals(d("150.00"), WriteOffs.reversal(d("1000.00"), d("300.00"), d("1150.00")));
        assertEquals(d("-20.00"), WriteOffs.netCreditLoss(d("100.00"), d("120.00")));
    }

    @Test
    void forecastsAndTheirBackTestedError() {
        List<BigDecimal> s = series("0.010", "0.012", "0.014", "0.016");
        assertEquals(d("0.015000"), Forecast.movingAverage(s, 2).orElseThrow());
        assertEquals(d("0.018000"), Forecast.linear(s).orElseThrow());
        // a straight line is forecast without error from two points on
        assertEquals(d("0.000000"), Forecast.backtestedError(s, Forecast::linear, 2).orElseThrow());
        // MA(1) one step behind a line rising 0.002 a month: error 0.002 each time
        assertEquals(d("0.002000"), Forecast.backtestedError(s, x -> Forecast.movingAverage(x, 1), 1).orElseThrow());
        assertEquals(d("0.020000"), Forecast.linear(series("0.02", "0.02", "0.02")).orElseThrow());
        assertTrue(Forecast.linear(series("0.02")).isEmpty());
        assertTrue(Forecast.movingAverage(s, 5).isEmpty());
        assertTrue(Forecast.backtestedError(series("0.02"), Forecast::linear, 2).isEmpty());
    }
}
