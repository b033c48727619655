package dev.loanwatch.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * MOB (账龄) for vintage analysis. It counts month ends, not elapsed months, so that every loan of
 * a disbursement-month cohort has the same MOB on the same snapshot date: the end of the
 * disbursement month is MOB 0, the next month end MOB 1, and so on.
 */
public final class MonthsOnBook {

    private MonthsOnBook() {
    }

    /**
     * The number of the last month end on or before asOf, counting the disbursement month's end as
     * 0; 0 before that first month end as well (a loan is on book from disbursement).
     */
    public static int of(LocalDate disbursementDate, LocalDate asOf) {
        if (asOf.isBefore(disbursementDate)) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the disbursement date " + disbursementDate);
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(disbursementDate), YearMonth.from(asOf));
        boolean atMonthEnd = asOf.getDayOfMonth() == asOf.lengthOfMonth();
        long mob = atMonthEnd ? months : months - 1;
        return Math.toIntExact(Math.max(mob, 0));
    }
}
