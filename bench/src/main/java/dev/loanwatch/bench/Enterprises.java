package dev.loanwatch.bench;

import dev.loanwatch.simulator.book.BookGenerator;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.reference.ReferenceData;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The enterprise borrowers of the simulator's book, as the tagging benchmark's load: business
 * scopes (经营范围) of 3–7 registration phrases of the borrower's industry, sometimes with a common
 * extra activity (技术服务、技术开发、技术咨询 / 货物进出口), and the closing formula of real
 * registrations; the lender's industry code as the simulator reports it (missing for ~12 %, a
 * wrong division for ~8 %, else the true division or class). Only enterprises: every borrower
 * has a text to classify (individuals have none and cost the tagger almost nothing). Everything
 * is a pure function of the seed and the index, so a run's texts are the same every time.
 */
final class Enterprises {
    private static final long SEED = 20_261_128L;
    /** Borrowers drawn per parallel batch while streaming. */
    private static final int BATCH = 16_384;
    /**
     * Codes that are not GB/T 4754-2017 (no such class, no such division, no such section, no
     * section letter) for {@link #storedCode}: what a stale or mistyped code in a lender's file looks like.
     */
    private static final List<String> INVALID_CODES = List.of("C3999", "A0100", "C99", "Z01", "3912");
    /** One in this many stored borrowers gets an invalid code instead of the simulator's. */
    private static final int INVALID_EVERY = 33;

    private final BookGenerator generator = new BookGenerator(ReferenceData.load(), SEED, "TB", YearMonth.of(2025, 1), 24);

    /** The first {@code count} enterprises of the book, in order, drawn on every core in batches. */
    void stream(int count, Consumer<SimBorrower> sink) {
        int sent = 0;
        for (int from = 0; sent < count; from += BATCH) {
            List<SimBorrower> batch = IntStream.range(from, from + BATCH).parallel()
                    .mapToObj(generator::borrower).filter(SimBorrower::enterprise).toList();
            for (SimBorrower b : batch) {
                if (sent == count) {
                    break;
                }
                sink.accept(b);
                sent++;
            }
        }
    }

    List<SimBorrower> first(int count) {
        List<SimBorrower> out = new ArrayList<>(count);
        stream(count, out::add);
        return out;
    }

    /**
     * The industry code the service's read model stores for the n-th borrower loaded: the
     * simulator's (~12 % missing), except that one in {@value #INVALID_EVERY} carries a code that
     * is not GB/T 4754-2017 (the service marks it INVALID and infers the industry from the text).
     */
    static String storedCode(SimBorrower b, int n) {
        return n % INVALID_EVERY == INVALID_EVERY - 1 ? INVALID_CODES.get((n / INVALID_EVERY) % INVALID_CODES.size())
                : b.reportedIndustryCode();
    }
}
