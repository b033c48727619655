package dev.loanwatch.simulator.book;

import dev.loanwatch.domain.EnterpriseSize;
import dev.loanwatch.domain.LoanTerms;
import dev.loanwatch.domain.RepaymentMethod;
import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import dev.loanwatch.simulator.reference.Industry;
import dev.loanwatch.simulator.reference.ReferenceData;
import dev.loanwatch.simulator.reference.Region;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Borrowers and loans. Every borrower and loan has its own random stream derived from the seed
 * and its index, so the book is the same for a seed whatever the number of threads.
 */
public final class BookGenerator {
    // the 31 characters of GB 32100 (no I, O, S, V, Z)
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final double ENTERPRISE_SHARE = 0.45;

    private final ReferenceData reference;
    private final long seed;
    private final String idPrefix;
    private final YearMonth start;
    private final int months;
    private final Weighted<Industry> industries;
    private final Weighted<Region> regions;

    public BookGenerator(ReferenceData reference, long seed, String idPrefix, YearMonth start, int months) {
        this.reference = reference;
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.start = start;
        this.months = months;
        this.industries = new Weighted<>(reference.industries(), Industry::weight);
        this.regions = new Weighted<>(reference.regions(), Region::weight);
    }

    public static SplittableRandom stream(long seed, long kind, long index) {
        // SplittableRandom's own mixing spreads neighbouring seeds apart
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index);
    }

    public List<SimBorrower> borrowers(int count) {
        return IntStream.range(0, count).parallel().mapToObj(this::borrower).toList();
    }

    /**
     * Borrower {@code index} of the book (a pure function of seed and index): for callers that
     * stream a large book instead of holding it, e.g. the tagging benchmark's million borrowers.
     */
    public SimBorrower borrower(int index) {
        SplittableRandom r = stream(seed, 1, index);
        Region region = regions.draw(r);
        String id = idPrefix + "-B" + String.format("%07d", index);
        double idiosyncratic = gaussian(r) * 0.6;
        if (r.nextDouble() < ENTERPRISE_SHARE) {
            Industry industry = industries.draw(r);
            String industryClass = industry.section() + (industry.classes().isEmpty()
                    ? industry.division() + "00" : industry.classes().get(r.nextInt(industry.classes().size())));
            // employees and revenue are drawn together; the size class follows from the standard itself
            int employees = (int) Math.max(1, Math.round(Math.exp(Math.log(14) + 1.05 * gaussian(r))));
            BigDecimal revenue = yuan(employees * Math.exp(Math.log(350_000) + 0.7 * gaussian(r)));
            BigDecimal assets = yuan(revenue.doubleValue() * Math.exp(Math.log(0.9) + 0.5 * gaussian(r)));
            EnterpriseSize.Size size = EnterpriseSize.classify(industryClass, employees, revenue, assets);
            String reported = reportedCode(r, industryClass);
            String name = region.prefecture().replace("市", "") + reference.companyWords().get(r.nextInt(reference.companyWords().size()))
                    + shortName(industry) + (r.nextDouble() < 0.8 ? "有限公司" : "有限责任公司");
            double sizeEffect = switch (size) {
                case MICRO -> 0.35;
                case SMALL -> 0.1;
                case MEDIUM -> -0.3;
                case LARGE -> -0.7;
                case UNKNOWN -> 0.2;
            };
            double risk = Math.log(industry.risk()) + Math.log(region.risk()) + sizeEffect + idiosyncratic;
            return new SimBorrower(index, id, "ENTERPRISE", name, uscc(r, region.code()), region.code(), reported,
                    industryClass, scope(r, industry), employees, revenue, assets, size.name(), risk,
                    Map.of("type", "ENTERPRISE", "industry", industryClass.substring(0, 1), "division", industryClass.substring(1, 3),
                            "size", size.name(), "province", region.code().substring(0, 2), "prefecture", region.prefectureCode()));
        }
        int age = 22 + r.nextInt(39);
        String name = reference.surnames().get(r.nextInt(reference.surnames().size()))
                + reference.givenNames().get(r.nextInt(reference.givenNames().size()));
        // the young and the old default a little more often
        double ageEffect = age < 28 ? 0.25 : age > 55 ? 0.15 : 0;
        double risk = Math.log(region.risk()) + ageEffect + idiosyncratic;
        return new SimBorrower(index, id, "INDIVIDUAL", name, residentId(r, region.code(), age), region.code(), null, null,
                null, null, null, null, "INDIVIDUAL", risk,
                Map.of("type", "INDIVIDUAL", "industry", "-", "division", "-", "size", "INDIVIDUAL",
                        "province", region.code().substring(0, 2), "prefecture", region.prefectureCode()));
    }

    /** Most lenders' files carry the right code; some leave it out, some carry a wrong one. */
    private String reportedCode(SplittableRandom r, String industryClass) {
        double u = r.nextDouble();
        if (u < 0.12) {
            return null;
        }
        if (u < 0.20) {
            Industry other = industries.draw(r);
            return other.section() + other.division();
        }
        return u < 0.55 ? industryClass.substring(0, 3) : industryClass;
    }

    private static String shortName(Industry industry) {
        String n = industry.nameZh();
        if (n.endsWith("业") && n.length() > 2) {
            n = n.substring(0, n.length() - 1);
        }
        return n.length() > 6 ? n.substring(0, 4) : n;
    }

    private static String scope(SplittableRandom r, Industry industry) {
        List<String> phrases = industry.scope();
        int n = Math.min(phrases.size(), 3 + r.nextInt(4));
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        chosen.add(phrases.get(0));
        while (chosen.size() < n) {
            chosen.add(phrases.get(r.nextInt(phrases.size())));
        }
        if (r.nextDouble() < 0.3) {
            chosen.add(r.nextBoolean() ? "技术服务、技术开发、技术咨询" : "货物进出口");
        }
        return String.join("；", chosen) + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）";
    }

    private static String uscc(SplittableRandom r, String regionCode) {
        StringBuilder sb = new StringBuilder("91").append(regionCode);
        for (int i = 0; i < 9; i++) {
            sb.append(USCC_ALPHABET.charAt(r.nextInt(USCC_ALPHABET.length())));
        }
        return sb.append(UnifiedSocialCreditCode.checkCharacter(sb.toString())).toString();
    }

    private String residentId(SplittableRandom r, String regionCode, int age) {
        LocalDate birth = start.atDay(1).minusYears(age).minusDays(r.nextInt(365));
        String first17 = regionCode + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /**
     * About 1.2 loans per borrower: each borrower takes one, some a second later. Disbursements
     * spread over the months, growing slowly, so vintages of many ages can be compared.
     */
    public List<SimLoan> loans(List<SimBorrower> borrowers) {
        List<SimLoan> out = new ArrayList<>((int) (borrowers.size() * 1.25));
        for (SimBorrower b : borrowers) {
            SplittableRandom r = stream(seed, 2, b.index());
            int count = r.nextDouble() < 0.2 ? 2 : 1;
            LocalDate previous = null;
            for (int k = 0; k < count; k++) {
                LocalDate disbursed = disbursementDate(r, previous);
                if (disbursed == null) {
                    break;
                }
                previous = disbursed;
                out.add(loan(out.size(), b, r, disbursed, k));
            }
        }
        return out;
    }

    /** A day loans are disbursed on (none in the last month); after {@code after} by 3–8 months, or null past the end. */
    LocalDate disbursementDate(SplittableRandom r, LocalDate after) {
        // more loans in later months (a growing lender), none in the last month
        int span = Math.max(1, months - 1);
        double u = Math.sqrt(r.nextDouble());
        int month = (int) Math.min(span - 1, Math.floor(u * span));
        YearMonth ym = start.plusMonths(month);
        LocalDate d = ym.atDay(1 + r.nextInt(ym.lengthOfMonth()));
        if (after != null) {
            if (!d.isAfter(after.plusMonths(3))) {
                d = after.plusMonths(3 + r.nextInt(6));
            }
            if (!d.isBefore(start.plusMonths(months - 1).atDay(1))) {
                return null;
            }
        }
        return d;
    }

    /** Loan {@code index} of borrower {@code b}, its {@code k}-th, disbursed on {@code disbursed}: product, channel and terms. */
    public SimLoan loan(int index, SimBorrower b, SplittableRandom r, LocalDate disbursed, int k) {
        String id = idPrefix + "-L" + String.format("%07d", index);
        if (b.enterprise()) {
            double scale = switch (b.size()) {
                case "MICRO" -> 300_000;
                case "SMALL" -> 1_200_000;
                case "MEDIUM" -> 4_000_000;
                case "LARGE" -> 12_000_000;
                default -> 500_000;
            };
            BigDecimal principal = roundTo(scale * Math.exp(0.6 * gaussian(r)), 10_000);
            int term = new int[]{12, 12, 12, 24, 24, 36}[r.nextInt(6)];
            RepaymentMethod method = r.nextDouble() < 0.45 ? RepaymentMethod.INTEREST_ONLY
                    : r.nextBoolean() ? RepaymentMethod.EQUAL_PRINCIPAL : RepaymentMethod.EQUAL_INSTALLMENT;
            BigDecimal rate = rate(r, 0.0345, 0.012, b.risk(), 0.03, 0.12);
            // banks settle small-business interest on the 20th (结息日)
            return new SimLoan(index, id, b, Product.SME, r.nextDouble() < 0.6 ? "branch" : "online",
                    new LoanTerms(principal, rate, term, method, disbursed, 20));
        }
        if (k == 0 && r.nextDouble() < 0.12) {
            BigDecimal principal = roundTo(900_000 * Math.exp(0.5 * gaussian(r)), 10_000);
            int term = new int[]{120, 240, 300, 360}[r.nextInt(4)];
            BigDecimal rate = rate(r, 0.0355, 0.004, b.risk(), 0.028, 0.06);
            return new SimLoan(index, id, b, Product.MORTGAGE, "branch",
                    new LoanTerms(principal, rate, term, RepaymentMethod.EQUAL_INSTALLMENT, disbursed, disbursed.getDayOfMonth()));
        }
        BigDecimal principal = roundTo(18_000 * Math.exp(0.8 * gaussian(r)), 100).max(new BigDecimal("1000.00"));
        int term = new int[]{6, 12, 12, 12, 24, 24, 36}[r.nextInt(7)];
        BigDecimal rate = rate(r, 0.12, 0.03, b.risk(), 0.06, 0.24);
        String channel = switch (r.nextInt(4)) {
            case 0 -> "branch";
            case 1 -> "partner";
            default -> "app";
        };
        return new SimLoan(index, id, b, Product.CONSUMER, channel,
                new LoanTerms(principal, rate, term, RepaymentMethod.EQUAL_INSTALLMENT, disbursed, disbursed.getDayOfMonth()));
    }

    /** Risk-based pricing: part of the latent risk shows in the rate (the lender sees some of it). */
    private static BigDecimal rate(SplittableRandom r, double base, double perRisk, double risk, double min, double max) {
        double v = base + perRisk * (0.6 * risk + 0.4 * gaussian(r));
        return BigDecimal.valueOf(Math.min(max, Math.max(min, v))).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal roundTo(double v, int unit) {
        return BigDecimal.valueOf(Math.max(unit, Math.round(v / unit) * (long) unit)).setScale(2);
    }

    private static BigDecimal yuan(double v) {
        return BigDecimal.valueOf(Math.round(v)).setScale(2);
    }

    public static double gaussian(SplittableRandom r) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

}
