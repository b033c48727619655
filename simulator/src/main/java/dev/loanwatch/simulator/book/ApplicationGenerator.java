package dev.loanwatch.simulator.book;

import dev.loanwatch.simulator.book.SimApplication.Decision;
import dev.loanwatch.simulator.book.SimApplication.ModelDecision;
import dev.loanwatch.simulator.book.SimApplication.Route;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The applications (进件) behind a book: every loan's approved application, and the applications
 * that led to no loan — rejected, approved but never disbursed, cancelled, still pending at the end.
 * Each application has its own random stream from the seed and its index (deterministic whatever
 * the threads). The rates are the README's; in short, per disbursed loan there are
 * {@value #REJECTED_PER_LOAN} rejected, {@value #UNDISBURSED_PER_LOAN} approved-undisbursed and
 * {@value #CANCELLED_PER_LOAN} cancelled applications over the months loans are disbursed in, and
 * {@value #PENDING_PER_LOAN} received in the last week and still pending at the end; 70 % of them
 * from new applicants.
 */
public final class ApplicationGenerator {
    static final double REJECTED_PER_LOAN = 0.75;
    static final double UNDISBURSED_PER_LOAN = 0.06;
    static final double CANCELLED_PER_LOAN = 0.08;
    static final double PENDING_PER_LOAN = 0.01;
    static final double NEW_APPLICANT_SHARE = 0.7;
    /** The model rejects below this score (scores 300–900, higher is better). */
    static final int CUT_OFF = 520;
    private static final int MIN_SCORE = 300;
    private static final int MAX_SCORE = 900;
    private static final List<RejectReason> RULE_REASONS = Arrays.stream(RejectReason.values()).filter(r -> r.rule != null).toList();

    private final BookGenerator book;
    private final long seed;
    private final String idPrefix;
    private final YearMonth start;
    private final int months;
    private final Weighted<RejectReason> ruleReasons = new Weighted<>(RULE_REASONS, r -> r.weight);

    public ApplicationGenerator(BookGenerator book, long seed, String idPrefix, YearMonth start, int months) {
        this.book = book;
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.start = start;
        this.months = months;
    }

    /** The applications and the applicants generated for them (borrowers numbered after the book's). */
    public record Result(List<SimApplication> applications, List<SimBorrower> applicants) {
    }

    public Result applications(List<SimBorrower> borrowers, List<SimLoan> loans) {
        List<SimApplication> out = new ArrayList<>();
        for (SimLoan l : loans) {
            out.add(approvedFor(l));
        }
        List<SimBorrower> applicants = new ArrayList<>();
        int decided = (int) Math.round(loans.size() * (REJECTED_PER_LOAN + UNDISBURSED_PER_LOAN + CANCELLED_PER_LOAN));
        int extra = decided + (int) Math.round(loans.size() * PENDING_PER_LOAN);
        LocalDate end = start.plusMonths(months - 1L).atEndOfMonth();
        for (int j = 0; j < extra; j++) {
            SplittableRandom r = BookGenerator.stream(seed, 6, j);
            LocalDate applied;
            Decision outcome;
            if (j < decided) {
                applied = book.disbursementDate(r, null);
                double u = r.nextDouble() * (REJECTED_PER_LOAN + UNDISBURSED_PER_LOAN + CANCELLED_PER_LOAN);
                outcome = u < REJECTED_PER_LOAN ? Decision.REJECTED
                        : u < REJECTED_PER_LOAN + UNDISBURSED_PER_LOAN ? Decision.APPROVED : Decision.CANCELLED;
            } else {
                applied = end.minusDays(r.nextInt(7));
                outcome = Decision.PENDING;
            }
            SimBorrower b;
            boolean fresh = r.nextDouble() < NEW_APPLICANT_SHARE;
            if (fresh) {
                b = book.borrower(borrowers.size() + applicants.size());
                applicants.add(b);
            } else {
                b = borrowers.get(r.nextInt(borrowers.size()));
            }
            out.add(withoutLoan(loans.size() + j, b, fresh, r, applied, outcome));
        }
        return new Result(out, applicants);
    }

    /** A loan's application: approved 0–3 days after it came in, disbursed 0–10 days after it came in. */
    private SimApplication approvedFor(SimLoan l) {
        SplittableRandom r = BookGenerator.stream(seed, 5, l.index());
        LocalDate disbursed = l.terms().disbursementDate();
        LocalDate applied = max(disbursed.minusDays(r.nextInt(11)), start.atDay(1));
        Route route = r.nextDouble() < manualShare(l.product()) ? Route.MANUAL : Route.MACHINE;
        LocalDate decided = min(applied.plusDays(route == Route.MACHINE ? 0 : 1 + r.nextInt(3)), disbursed);
        // a person sometimes approves against a rule or the model (违例核准)
        boolean deviation = route == Route.MANUAL && r.nextDouble() < 0.15;
        boolean scored = r.nextDouble() < scoredShare(l.product());
        int score = deviation && r.nextBoolean() ? below(r) : above(r);
        List<String> hits = deviation || r.nextDouble() < 0.10 ? List.of(ruleReasons.draw(r).rule) : List.of();
        // some apply for more than they are lent
        BigDecimal amount = r.nextDouble() < 0.2 ? l.terms().principal().multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP)
                : l.terms().principal();
        return new SimApplication(l.index(), id(l.index()), l.borrower(), false, l.product(), l.channel(), applied, amount,
                l.terms().termMonths(), Decision.APPROVED, decided, route, deviation, hits,
                scored ? (score < CUT_OFF ? ModelDecision.REJECT : ModelDecision.PASS) : ModelDecision.NOT_SCORED,
                scored ? score : null, null, grade(score), l);
    }

    /** An application that led to no loan, with its outcome: what the rules, the model and a person said. */
    private SimApplication withoutLoan(int index, SimBorrower b, boolean fresh, SplittableRandom r, LocalDate applied,
                                       Decision outcome) {
        // product, channel, amount and term as the book's loans of such a borrower have them
        SimLoan offer = book.loan(index, b, r, applied, 0);
        Product product = offer.product();
        Route route = switch (outcome) {
            case REJECTED -> r.nextDouble() < 0.2 ? Route.MANUAL : Route.MACHINE;
            case APPROVED -> r.nextDouble() < manualShare(product) ? Route.MANUAL : Route.MACHINE;
            // cancelled, or waiting: some with a person already
            default -> r.nextDouble() < 0.4 ? Route.MANUAL : null;
        };
        boolean scored = r.nextDouble() < scoredShare(product);
        RejectReason reason = null;
        List<String> hits = List.of();
        int score = above(r);
        if (outcome == Decision.REJECTED) {
            if (route == Route.MACHINE && scored && r.nextDouble() < 0.55) {
                reason = RejectReason.MODEL_SCORE;
                score = below(r);
                hits = r.nextDouble() < 0.3 ? List.of(ruleReasons.draw(r).rule) : List.of();
            } else {
                reason = ruleReasons.draw(r);
                RejectReason second = ruleReasons.draw(r);
                hits = second != reason && r.nextDouble() < 0.3 ? List.of(reason.rule, second.rule) : List.of(reason.rule);
                score = r.nextDouble() < 0.3 ? below(r) : above(r);
            }
        } else if (r.nextDouble() < 0.10) {
            hits = List.of(ruleReasons.draw(r).rule);
        }
        int lag = route == Route.MANUAL ? 1 + r.nextInt(5) : outcome == Decision.CANCELLED ? 1 + r.nextInt(10) : 0;
        LocalDate decided = outcome == Decision.PENDING ? null : applied.plusDays(lag);
        return new SimApplication(index, id(index), b, fresh, product, offer.channel(), applied, offer.terms().principal(),
                offer.terms().termMonths(), outcome, decided, route, false, hits,
                scored ? (score < CUT_OFF ? ModelDecision.REJECT : ModelDecision.PASS) : ModelDecision.NOT_SCORED,
                scored ? score : null, reason, grade(score), null);
    }

    private String id(int index) {
        return idPrefix + "-A" + String.format("%07d", index);
    }

    /** Share of approvals a person decides: most mortgages, many SME loans, few consumer loans. */
    private static double manualShare(Product p) {
        return switch (p) {
            case MORTGAGE -> 0.85;
            case SME -> 0.40;
            case CONSUMER -> 0.08;
        };
    }

    private static double scoredShare(Product p) {
        return switch (p) {
            case CONSUMER -> 1.0;
            case SME -> 0.7;
            case MORTGAGE -> 0.3;
        };
    }

    private static int above(SplittableRandom r) {
        return (int) Math.min(MAX_SCORE, CUT_OFF + Math.round(Math.abs(BookGenerator.gaussian(r)) * 110));
    }

    private static int below(SplittableRandom r) {
        return (int) Math.max(MIN_SCORE, CUT_OFF - 1 - Math.round(Math.abs(BookGenerator.gaussian(r)) * 60));
    }

    /** The lender's risk grade from the score: A from 700, B 640, C 580, D from the cut-off, E below it. */
    static String grade(int score) {
        return score >= 700 ? "A" : score >= 640 ? "B" : score >= 580 ? "C" : score >= CUT_OFF ? "D" : "E";
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
