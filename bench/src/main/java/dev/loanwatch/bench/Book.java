package dev.loanwatch.bench;

import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The synthetic loan book of parts a and b: one borrower per loan, loans disbursed in January
 * 2025, payments spread over the following months. Everything is a pure function of the row
 * number, so the CSV import, the COPY baseline and the Kafka records see exactly the same data
 * and every row is valid (the service is expected to reject none).
 */
final class Book {
    static final LocalDate FIRST_DISBURSEMENT = LocalDate.of(2025, 1, 1);
    private static final String[] REGIONS = {"110105", "310104", "440305", "330106", "510107", "420102"};
    private static final String[] METHODS = {"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL", "INTEREST_ONLY"};
    private static final String[] PRODUCTS = {"consumer-credit", "sme-working-capital"};
    private static final String[] CHANNELS = {"app", "branch", "partner"};
    private static final String[] INDUSTRIES = {"C39", "F51", "I65", "G54"};
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1960, 1, 1);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** Payments per loan that fit before the close dates of part c; more payments means more loans. */
    static final int PAYMENTS_PER_LOAN = 10;

    final int loans;

    Book(int loans) {
        this.loans = loans;
    }

    static String borrowerId(int j) {
        return String.format("B%07d", j);
    }

    static String loanId(int j) {
        return String.format("L%07d", j);
    }

    static LocalDate disbursed(int j) {
        return FIRST_DISBURSEMENT.plusDays(j % 28);
    }

    /**
     * Principal of at least 100,000 yuan: 20 payments of at most 2,000 (parts a and b) can never
     * settle a loan, since a payment on a settled loan would be rejected.
     */
    static String principal(int j) {
        return (100_000 + (j % 901) * 1_000) + ".00";
    }

    void writeBorrowers(Path file) throws IOException {
        try (Writer w = writer(file)) {
            w.write("id,type,name,identityNumber,regionCode,industryCode,employees,annualRevenue,totalAssets\n");
            for (int j = 1; j <= loans; j++) {
                String region = REGIONS[j % REGIONS.length];
                if (j % 2 == 1) {
                    // 91 = enterprise registered with the market regulator, then the region and a 9-character
                    // organisation code
                    String first17 = "91" + region + String.format("%09d", j);
                    w.write(borrowerId(j) + ",ENTERPRISE,Bench Trading Co. " + j + "," + first17
                            + UnifiedSocialCreditCode.checkCharacter(first17) + "," + region + ","
                            + INDUSTRIES[j % INDUSTRIES.length] + "," + (10 + j % 500) + ","
                            + (1_000_000 + (j % 1000) * 10_000) + ".00," + (2_000_000 + (j % 1000) * 20_000) + ".00\n");
                } else {
                    // region, a real birth date and a 3-digit sequence: unique for up to 15 million borrowers
                    String first17 = region + FIRST_BIRTHDAY.plusDays(j % 15_000).format(BASIC)
                            + String.format("%03d", (j / 15_000) % 1000);
                    w.write(borrowerId(j) + ",INDIVIDUAL,Bench Person " + j + "," + first17
                            + ResidentIdNumber.checkCharacter(first17) + "," + region + ",,,,\n");
                }
            }
        }
    }

    void writeLoans(Path file) throws IOException {
        try (Writer w = writer(file)) {
            w.write("id,borrowerId,product,channel,disbursementDate,principal,annualRate,termMonths,method\n");
            for (int j = 1; j <= loans; j++) {
                String rate = String.format("0.%06d", 43_500 + (j % 12) * 10_000);
                w.write(loanId(j) + "," + borrowerId(j) + "," + PRODUCTS[j % PRODUCTS.length] + ","
                        + CHANNELS[j % CHANNELS.length] + "," + disbursed(j) + "," + principal(j) + "," + rate + ","
                        + (12 + j % 25) + "," + METHODS[j % METHODS.length] + "\n");
            }
        }
    }

    /** A payment of the CSV import (part a) or of the Kafka topic (part b); {@code n} counts from 0. */
    record Payment(String id, String loanId, LocalDate valueDate, String amount) {
        String csv() {
            return id + "," + loanId + "," + valueDate + "," + amount + "\n";
        }

        /** The same fields as a JSON object, the amount as a JSON number with its 2 decimals. */
        String json() {
            return "{\"id\":\"" + id + "\",\"loanId\":\"" + loanId + "\",\"valueDate\":\"" + valueDate
                    + "\",\"amount\":" + amount + "}";
        }
    }

    /**
     * Payment {@code n} of a series: the loans in turn (so consecutive rows, like a day's file,
     * touch different loans), value dates in the order of the rounds. Series 'P' (import) pays in
     * the first ~5 months after disbursement, series 'K' (Kafka) in the 6th, both before the
     * close dates of part c (end of July 2025).
     */
    Payment payment(char series, long n) {
        int j = (int) (n % loans) + 1;
        int round = (int) (n / loans);
        if (round >= PAYMENTS_PER_LOAN) {
            throw new IllegalArgumentException("more than " + PAYMENTS_PER_LOAN + " payments per loan");
        }
        int days = series == 'P' ? 1 + round * 15 + j % 7 : 150 + round * 2 + j % 3;
        long mixed = (n + 1) * 0x9E3779B97F4A7C15L ^ (series == 'P' ? 0x5bd1e995L : 0x27d4eb2dL);
        long fen = 10_000 + Math.floorMod(mixed >>> 7, 190_001L);
        String amount = (fen / 100) + "." + String.format("%02d", fen % 100);
        return new Payment(String.format("%c%09d", series, n + 1), loanId(j), disbursed(j).plusDays(days), amount);
    }

    void writePayments(Path file, long count) throws IOException {
        try (Writer w = writer(file)) {
            w.write("id,loanId,valueDate,amount\n");
            for (long n = 0; n < count; n++) {
                w.write(payment('P', n).csv());
            }
        }
    }

    private static Writer writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
