package dev.loanwatch.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * Four loans of 1,200.00 at 0 %, 12 months, equal principal: 100.00 due each month on the due day. The data ends
 * 2024-03-31 (loan D's disbursement), so with the default label only month ends up to 2023-03 are uncensored.
 *
 * A, disbursed 2023-01-15, due the 15th: pays 02-15 and 03-15, misses 04-15, 05-15, 06-15 and 07-15, pays all
 *    four (400.00) on 07-20, then every month to 2024-01-15 (settled). Month ends: 04-30 DPD 15, 05-31 46,
 *    06-30 76, 07-31 0 — never above 90 at a month end, but on 07-19 DPD is 07-19 − 04-15 = 95.
 * B, disbursed 2023-02-01, due the 1st: pays everything (1,200.00) on 2023-03-10 — open at 02-28 only.
 * C, disbursed 2022-10-20, due the 20th: never pays. DPD 10 at 2022-11-30, 41 at 12-31, 72 at 2023-01-31,
 *    above 90 from 2023-02-19 (11-20 + 91), 100 at 02-28 — already bad from then on.
 * D, disbursed 2024-03-05: every month end of it is censored.
 */
class HandMadeBookTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeBook() throws IOException {
        Files.writeString(dir.resolve("loans.ndjson"), String.join("\n",
                loan("A", "2023-01-15", 15), loan("B", "2023-02-01", 1), loan("C", "2022-10-20", 20),
                loan("D", "2024-03-05", 5)) + "\n");
        Files.writeString(dir.resolve("borrowers.ndjson"), """
                {"id":"BA","type":"INDIVIDUAL","name":"甲","identityNumber":"x","regionCode":"440305"}
                {"id":"BB","type":"ENTERPRISE","name":"乙","identityNumber":"y","regionCode":"110105","industryCode":"H6210","employees":50,"annualRevenue":"5000000.00"}
                {"id":"BC","type":"INDIVIDUAL","name":"丙","identityNumber":"z","regionCode":"999999"}
                {"id":"BD","type":"INDIVIDUAL","name":"丁","identityNumber":"w","regionCode":"440305"}
                {"id":"NOLOAN","type":"INDIVIDUAL","name":"戊","identityNumber":"v","regionCode":"440305"}
                """);
        StringBuilder payments = new StringBuilder("id,loanId,valueDate,amount\n");
        payment(payments, "A", "2023-02-15", "100.00");
        payment(payments, "A", "2023-03-15", "100.00");
        payment(payments, "B", "2023-03-10", "1200.00");
        payment(payments, "A", "2023-07-20", "400.00");
        for (String day : new String[]{"2023-08-15", "2023-09-15", "2023-10-15", "2023-11-15", "2023-12-15",
                "2024-01-15"}) {
            payment(payments, "A", day, "100.00");
        }
        Files.writeString(dir.resolve("payments.csv"), payments);
    }

    private static String loan(String id, String disbursed, int dueDay) {
        return "{\"id\":\"" + id + "\",\"borrowerId\":\"B" + id + "\",\"product\":\"consumer-instalment\","
                + "\"channel\":\"app\",\"disbursementDate\":\"" + disbursed + "\",\"principal\":\"1200.00\","
                + "\"annualRate\":\"0\",\"termMonths\":12,\"method\":\"EQUAL_PRINCIPAL\",\"dueDay\":" + dueDay + "}";
    }

    private static void payment(StringBuilder csv, String loan, String day, String amount) {
        csv.append(loan).append("-").append(day).append(',').append(loan).append(',').append(day).append(',')
                .append(amount).append('\n');
    }

    @Test
    void theDefaultLabel() throws IOException {
        Dataset d = SimulatedBook.read(dir, Label.defaults());
        // A: 2023-01..03, bad through the 95 days of 07-19; B: 2023-02 only, good; C: 2022-10..2023-01, bad, then
        // already bad; D: censored
        assertArrayEquals(new String[]{"2023-01", "2023-02", "2023-03", "2023-02", "2022-10", "2022-11", "2022-12",
                "2023-01"}, d.period());
        assertArrayEquals(new int[]{1, 1, 1, 0, 1, 1, 1, 1}, d.target());
        assertArrayEquals(new double[]{0, 0, 0, 0, 0, 10, 41, 72},
                ((Column.Numeric) d.column("dpd")).values());
        // no truth.csv: no oracle
        assertNull(d.oracle());
    }

    @Test
    void aShorterWindowAndItsCensoring() throws IOException {
        Dataset d = SimulatedBook.read(dir, new Label(90, 3));
        // A's month ends 2023-01..2023-12 are open (settled 2024-01-15) and have 3 months of data after them;
        // windows holding 07-19: those of 2023-04 (to 07-31), 05 and 06
        String[] periodsOfA = Arrays.copyOfRange(d.period(), 0, 12);
        int[] targetsOfA = Arrays.copyOfRange(d.target(), 0, 12);
        assertEquals("2023-01", periodsOfA[0]);
        assertEquals("2023-12", periodsOfA[11]);
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, targetsOfA);
        // then B's 2023-02, then C's 2022-10..2023-01: C exceeds 90 on 2023-02-19, inside the windows of
        // 2022-11 (to 2023-02-28), 2022-12 and 2023-01 but not 2022-10's (to 2023-01-31)
        assertEquals(12 + 1 + 4, d.rows());
        assertArrayEquals(new int[]{0, 0, 1, 1, 1}, Arrays.copyOfRange(d.target(), 12, 17));
    }

    @Test
    void theBorrowersLabelsAsTheFileGivesThem() throws IOException {
        Dataset d = SimulatedBook.read(dir, Label.defaults());
        String[] group = ((Column.Categorical) d.column("industry_risk_group")).values();
        String[] size = ((Column.Categorical) d.column("size_class")).values();
        String[] province = ((Column.Categorical) d.column("province")).values();
        // row 3 is B's: catering, 50 employees and 5 M yuan → small; Beijing
        assertEquals("CATERING", group[3]);
        assertEquals("SMALL", size[3]);
        assertEquals("11", province[3]);
        // row 0 is A's, an individual in Shenzhen; C's region code is invalid
        assertEquals("NONE", group[0]);
        assertEquals("NOT_APPLICABLE", size[0]);
        assertEquals("44", province[0]);
        assertNull(province[4]);
    }
}
