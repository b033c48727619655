package dev.loanwatch.alert.repository;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One month end's snapshots as columns: row r is loan {@code loan[r]} with its days past due, bucket
 * and grade codes, flags and amounts in fen. {@link #rowOf} finds a loan's row, so a month is joined
 * to the one before it (transitions, new bad debt) without sorting. A snapshot delivered again
 * replaces the loan's row: the newest delivery wins, as in the table.
 */
final class MonthColumns {
    static final byte RESTRUCTURED = 1;
    static final byte NEAR_M2 = 2;
    static final byte NEAR_M3 = 4;

    final LocalDate monthEnd;
    int size;
    int[] loan = new int[1024];
    int[] dpd = new int[1024];
    byte[] bucket = new byte[1024];
    byte[] grade = new byte[1024];
    byte[] flags = new byte[1024];
    long[] outstanding = new long[1024];
    long[] overduePrincipal = new long[1024];
    long[] overdueInterest = new long[1024];
    /** Row of each loan index, -1 when the loan is not in this month end. */
    private int[] rowOf = new int[0];
    /** Snapshots that replaced an earlier one since the table was last compacted. */
    boolean replaced;
    /** When a fact of this month last changed (System.nanoTime), for "pending". */
    volatile long changedAt = System.nanoTime();

    MonthColumns(LocalDate monthEnd) {
        this.monthEnd = monthEnd;
    }

    /** The row of loan index {@code l}, or -1. */
    int row(int l) {
        return l < rowOf.length ? rowOf[l] : -1;
    }

    /** Stores a snapshot; true when it replaced one of the same loan. */
    boolean put(int l, int dpdValue, int bucketCode, int gradeCode, int flagBits, long outstandingFen,
                long overduePrincipalFen, long overdueInterestFen) {
        int r = row(l);
        boolean again = r >= 0;
        if (!again) {
            if (size == loan.length) {
                grow();
            }
            if (l >= rowOf.length) {
                int old = rowOf.length;
                // by half again, not double: 24 months of 2.4 million loan indexes are 230 MB at 4 bytes each
                rowOf = Arrays.copyOf(rowOf, Math.max(l + 1024, old + (old >> 1)));
                Arrays.fill(rowOf, old, rowOf.length, -1);
            }
            r = size++;
            rowOf[l] = r;
            loan[r] = l;
        }
        dpd[r] = dpdValue;
        bucket[r] = (byte) bucketCode;
        grade[r] = (byte) gradeCode;
        flags[r] = (byte) flagBits;
        outstanding[r] = outstandingFen;
        overduePrincipal[r] = overduePrincipalFen;
        overdueInterest[r] = overdueInterestFen;
        changedAt = System.nanoTime();
        return again;
    }

    boolean has(int r, byte flag) {
        return (flags[r] & flag) != 0;
    }

    private void grow() {
        int n = loan.length * 2;
        loan = Arrays.copyOf(loan, n);
        dpd = Arrays.copyOf(dpd, n);
        bucket = Arrays.copyOf(bucket, n);
        grade = Arrays.copyOf(grade, n);
        flags = Arrays.copyOf(flags, n);
        outstanding = Arrays.copyOf(outstanding, n);
        overduePrincipal = Arrays.copyOf(overduePrincipal, n);
        overdueInterest = Arrays.copyOf(overdueInterest, n);
    }
}
