package dev.loanwatch.alert.repository;

import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.DecisionRoute;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanRestructured;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanWrittenOff;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.RateBand;
import dev.loanwatch.domain.TermBand;
import dev.loanwatch.platform.jdbc.Bulk;
import dev.loanwatch.platform.text.IsoDate;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the facts of the read model, one set-based statement per kind and batch. Every write is
 * idempotent by the fact's natural key (a loan id, a payment id and installment number, a loan and
 * a close date), so a batch delivered twice — after a crash between the commit and the offset
 * commit, or a replay of the topics from the start — changes nothing. That is why this service needs
 * no table of consumed event ids: the 24 million month-end events of a replay would otherwise cost 24
 * million more rows. Month-end snapshots are the exception: they are copied, and a second delivery is
 * a second row that supersedes the first (see {@link #monthEnds}).
 */
@ApplicationScoped
public class FactStore {
    /** The installments FPD … QPD look at; malicious delinquency with up to 3 following ones too. */
    public static final int EARLY_INSTALLMENTS = 4;

    /** Rows of one batch of month-end snapshots at most: the place of a row in its batch is the low 24 bits of its seq. */
    static final long BATCH_ROWS = 1L << 24;

    /** A fact of the loan topic, read once from its event (its dates parsed, its bands derived). */
    public sealed interface LoanFact permits Opened, WrittenOff, Restructured {
        String loanId();
    }

    /**
     * A loan opened: its contract, the first and last due date of its schedule, and its first
     * installments (FPD … QPD, malicious delinquency) ordered by number.
     */
    public record Opened(String loanId, String borrowerId, String product, String channel, LocalDate disbursed,
                         long principalFen, String annualRate, int termMonths, String termBand, String rateBand,
                         LocalDate firstDue, LocalDate lastDue, List<ScheduledInstallment> early) implements LoanFact {

        /**
         * Reads an opening in one pass over its schedule; throws {@link java.time.format.DateTimeParseException}
         * for a date and {@link NumberFormatException} for a rate that is not one.
         */
        public static Opened of(String loanId, LoanOpened o) {
            LocalDate first = null;
            LocalDate last = null;
            List<ScheduledInstallment> early = new ArrayList<>(EARLY_INSTALLMENTS);
            for (ScheduledInstallment i : o.getScheduleList()) {
                LocalDate due = IsoDate.parse(i.getDueDate());
                first = first == null || due.isBefore(first) ? due : first;
                last = last == null || due.isAfter(last) ? due : last;
                if (i.getNumber() <= EARLY_INSTALLMENTS) {
                    early.add(i);
                }
            }
            early.sort(Comparator.comparingInt(ScheduledInstallment::getNumber));
            BigDecimal rate = new BigDecimal(o.getAnnualRate());
            return new Opened(loanId, o.getBorrowerId(), o.getProduct(), o.getChannel(), IsoDate.parse(o.getDisbursementDate()),
                    o.getPrincipalFen(), o.getAnnualRate(), o.getTermMonths(), TermBand.of(o.getTermMonths()).label(),
                    RateBand.of(rate).label(), first, last, early);
        }
    }

    /** A write-off of a loan. */
    public record WrittenOff(String loanId, LocalDate date, long principalFen, long interestFen) implements LoanFact {
    }

    /** A restructuring of a loan: only the new schedule's last due date matters here (none for an empty schedule). */
    public record Restructured(String loanId, LocalDate lastDue) implements LoanFact {
    }

    /** A payment's principal + interest allocated to one of the first installments. */
    public record EarlyPayment(String paymentId, int number, String loanId, LocalDate valueDate, long paidFen) {
    }

    /** A payment on a written-off loan. */
    public record Recovery(String paymentId, String loanId, LocalDate valueDate, long principalFen, long amountFen) {
    }

    /**
     * Loans opened, each with the first installments of its original schedule (FPD … QPD) as arrays in
     * its row: a table of their own cost four keyed rows per loan, the slowest part of a rebuild after
     * the month-end snapshots. A loan already stored is skipped by {@code not exists} rather than
     * {@code on conflict do nothing}, whose speculative insertion cost PostgreSQL a third more per row
     * (500,000 loans: 3.8 s against 2.9 s, psql, here); only this service's loan feed writes the table,
     * and a second opening of a loan in the same batch is dropped here.
     */
    public void loansOpened(Connection c, List<Opened> loans) throws SQLException {
        Map<String, Opened> first = new LinkedHashMap<>();
        loans.forEach(o -> first.putIfAbsent(o.loanId(), o));
        Bulk.of(List.copyOf(first.values()))
                .column(Opened::loanId)
                .column(Opened::borrowerId)
                .column(Opened::product)
                .column(Opened::channel)
                .column(Opened::disbursed)
                .column(o -> o.disbursed().withDayOfMonth(1))
                .column(Opened::principalFen)
                .column(Opened::annualRate)
                .column(Opened::termMonths)
                .column(Opened::termBand)
                .column(Opened::rateBand)
                .column(Opened::firstDue)
                .column(Opened::lastDue)
                .column(o -> arrayLiteral(o.early(), i -> Integer.toString(i.getNumber())))
                .column(o -> arrayLiteral(o.early(), ScheduledInstallment::getDueDate))
                .column(o -> arrayLiteral(o.early(), i -> Long.toString(i.getPrincipalDueFen() + i.getInterestDueFen())))
                .execute(c, """
                        insert into loan (loan_id, borrower_id, product, channel, disbursement_date, cohort, principal_fen,
                                          annual_rate, term_months, term_band, rate_band, first_due, last_due,
                                          early_number, early_due, early_due_fen)
                        select l, b, p, ch, dd, co, pr, ar, tm, tb, rb, fd, ld, en::smallint[], ed::date[], ef::bigint[]
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::bigint[],
                                    ?::numeric[], ?::int[], ?::text[], ?::text[], ?::date[], ?::date[], ?::text[], ?::text[],
                                    ?::text[]) as x(l, b, p, ch, dd, co, pr, ar, tm, tb, rb, fd, ld, en, ed, ef)
                        where not exists (select 1 from loan stored where stored.loan_id = x.l)""");
    }

    public void writtenOff(Connection c, List<WrittenOff> writeOffs) throws SQLException {
        Bulk.of(writeOffs)
                .column(WrittenOff::loanId)
                .column(WrittenOff::date)
                .column(WrittenOff::principalFen)
                .column(WrittenOff::interestFen)
                .execute(c, """
                        update loan l set written_off_on = w.d, written_off_principal_fen = w.p, written_off_interest_fen = w.i
                        from unnest(?::text[], ?::date[], ?::bigint[], ?::bigint[]) as w(id, d, p, i)
                        where l.loan_id = w.id""");
    }

    public void restructured(Connection c, List<Restructured> restructures) throws SQLException {
        Bulk.of(restructures)
                .column(Restructured::loanId)
                .column(Restructured::lastDue)
                .execute(c, """
                        update loan l set last_due = greatest(l.last_due, r.d)
                        from unnest(?::text[], ?::date[]) as r(id, d) where l.loan_id = r.id""");
    }

    public void earlyPayments(Connection c, List<EarlyPayment> payments) throws SQLException {
        Bulk.of(payments)
                .column(EarlyPayment::paymentId)
                .column(EarlyPayment::number)
                .column(EarlyPayment::loanId)
                .column(EarlyPayment::valueDate)
                .column(EarlyPayment::paidFen)
                .execute(c, """
                        insert into early_payment (payment_id, number, loan_id, value_date, paid_fen)
                        select * from unnest(?::text[], ?::smallint[], ?::text[], ?::date[], ?::bigint[])
                        on conflict do nothing""");
    }

    public void recoveries(Connection c, List<Recovery> recoveries) throws SQLException {
        Bulk.of(recoveries)
                .column(Recovery::paymentId)
                .column(Recovery::loanId)
                .column(Recovery::valueDate)
                .column(Recovery::principalFen)
                .column(Recovery::amountFen)
                .execute(c, """
                        insert into recovery (payment_id, loan_id, value_date, principal_fen, amount_fen)
                        select * from unnest(?::text[], ?::text[], ?::date[], ?::bigint[], ?::bigint[])
                        on conflict do nothing""");
    }

    /** The status changes that took a loan out of C: the inflow (入催) of their month. */
    public static List<LoanStatus> delinquencyEntries(List<LoanStatus> changes) {
        return changes.stream()
                .filter(s -> Bucket.ofLabel(s.getPreviousBucket()) == Bucket.C && Bucket.ofLabel(s.getBucket()) != Bucket.C)
                .toList();
    }

    /** Stores the status changes that took a loan out of C. */
    public void statusChanges(Connection c, List<LoanStatus> changes) throws SQLException {
        List<LoanStatus> entries = delinquencyEntries(changes);
        Bulk.of(entries).column(LoanStatus::getLoanId).column(LoanStatus::getAsOf)
                .execute(c, """
                        insert into delinquency_entry (loan_id, as_of)
                        select * from unnest(?::text[], ?::date[]) on conflict do nothing""");
    }

    /**
     * Month-end snapshots, into their month's partition (created when the month is new), with COPY: the
     * table has no key to check each row against (an index maintained row by row made storing a
     * snapshot five times as slow as copying it). A snapshot delivered again is a second row with a
     * later {@code seq}; the newest row of a loan and month end is the fact ({@link LoanColumns} keeps
     * it, {@code MonthEndCompaction} deletes the older ones). The {@code seq} of a row is its batch's
     * number from {@code month_end_seq} times 2^24 plus its place in the batch: one {@code nextval} per
     * batch, where a default per row cost PostgreSQL a third more time per copied row (1.27 s against
     * 0.93 s for 1,000,000 rows, measured with psql).
     */
    public void monthEnds(Connection c, List<LoanColumns.Snapshot> snapshots) throws SQLException {
        if (snapshots.size() >= BATCH_ROWS) {
            throw new IllegalArgumentException("a batch of " + snapshots.size() + " month-end snapshots; at most " + BATCH_ROWS);
        }
        long seq = batchNumber(c) * BATCH_ROWS;
        Copy rows = new Copy(snapshots.size() * 110);
        // a batch holds one or two month ends: each is checked for its partition once
        LocalDate month = null;
        for (LoanColumns.Snapshot s : snapshots) {
            if (!s.monthEnd().equals(month)) {
                month = s.monthEnd();
                ensurePartition(c, month);
            }
            rows.row(13).date(s.monthEnd()).text(s.loanId()).integer(s.dpd()).smallint(s.bucket()).smallint(s.grade())
                    .bigint(s.outstandingFen()).bigint(s.overduePrincipalFen()).bigint(s.overdueInterestFen())
                    .bool(s.nearM2()).bool(s.nearM3()).bool(s.restructured()).integer(s.mob()).bigint(seq++);
        }
        rows.copy(c, "copy month_end (month_end, loan_id, dpd, bucket, grade, outstanding_fen, overdue_principal_fen,"
                + " overdue_interest_fen, near_m2, near_m3, restructured, mob, seq) from stdin (format binary)");
    }

    private static long batchNumber(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select nextval('month_end_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes the rows of month end {@code monthEnd} that a later delivery of the same loan's snapshot replaced. */
    public int compact(Connection c, LocalDate monthEnd) throws SQLException {
        try (var ps = c.prepareStatement("delete from " + partition(monthEnd) + " m using (select loan_id, max(seq) as newest from "
                + partition(monthEnd) + " group by loan_id having count(*) > 1) d where m.loan_id = d.loan_id and m.seq < d.newest")) {
            return ps.executeUpdate();
        }
    }

    /** A borrower's labels, when newer than the stored ones. */
    public void borrowerTags(Connection c, List<BorrowerTags> tags) throws SQLException {
        Bulk.of(tags)
                .column(BorrowerTags::getBorrowerId)
                .column(BorrowerTags::getTagsVersion)
                .column(t -> t.getCustomerType().name())
                .column(t -> t.getIndustry().getSection())
                .column(t -> t.getIndustry().getDivision())
                .column(t -> t.getRegion().getProvinceCode())
                .column(t -> t.getRegion().getPrefectureCode())
                .column(t -> t.getSize().getSize().name())
                .column(t -> setLiteral(t.getRiskGroupsList().stream().map(g -> g.getCode()).toList()))
                .column(t -> setLiteral(t.getCustomTagsList().stream().map(g -> g.getCode()).toList()))
                .execute(c, """
                        with incoming as (
                            select * from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                                 ?::text[], ?::text[], ?::text[], ?::text[])
                                as t(borrower_id, tags_version, customer_type, section, division, province, prefecture,
                                     size_class, risk_groups, custom_tags))
                        insert into borrower (borrower_id, tags_version, customer_type, section, division, province,
                                                  prefecture, size_class, risk_groups, custom_tags)
                            select borrower_id, tags_version, customer_type, section, division, province, prefecture,
                                   size_class, risk_groups::text[], custom_tags::text[] from incoming
                            on conflict (borrower_id) do update set tags_version = excluded.tags_version,
                                customer_type = excluded.customer_type, section = excluded.section,
                                division = excluded.division, province = excluded.province,
                                prefecture = excluded.prefecture, size_class = excluded.size_class,
                                risk_groups = excluded.risk_groups, custom_tags = excluded.custom_tags
                            where borrower.tags_version < excluded.tags_version""");
    }

    /** The partition of month_end that holds month end {@code monthEnd}. */
    static String partition(LocalDate monthEnd) {
        return String.format("month_end_%04d_%02d", monthEnd.getYear(), monthEnd.getMonthValue());
    }

    private static void ensurePartition(Connection c, LocalDate monthEnd) throws SQLException {
        LocalDate first = monthEnd.withDayOfMonth(1);
        String name = partition(monthEnd);
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + name + " partition of month_end for values from ('" + first
                    + "') to ('" + first.plusMonths(1) + "')");
        }
    }

    /** Applications (进件), each at its newest revision. */
    public void applications(Connection c, List<ApplicationRecorded> applications) throws SQLException {
        Bulk.of(applications)
                .column(ApplicationRecorded::getApplicationId)
                .column(ApplicationRecorded::getRevision)
                .column(ApplicationRecorded::getBorrowerId)
                .column(ApplicationRecorded::getProduct)
                .column(ApplicationRecorded::getChannel)
                .column(ApplicationRecorded::getAppliedOn)
                .column(a -> YearMonth.from(IsoDate.parse(a.getAppliedOn())).atDay(1))
                .column(ApplicationRecorded::getAmountFen)
                .column(ApplicationRecorded::getTermMonths)
                .column(a -> TermBand.of(a.getTermMonths()).label())
                .column(a -> a.getDecision().name())
                .column(a -> a.getDecidedOn().isEmpty() ? null : a.getDecidedOn())
                .column(a -> a.getRoute() == DecisionRoute.DECISION_ROUTE_UNSPECIFIED ? null : a.getRoute().name())
                .column(ApplicationRecorded::getDeviation)
                .column(a -> setLiteral(a.getRuleHitsList()))
                .column(a -> a.getModelDecision().name())
                .column(a -> a.hasModelScore() ? a.getModelScore() : null)
                .column(a -> a.getRejectReason().isEmpty() ? null : a.getRejectReason())
                .column(a -> a.getRiskGrade().isEmpty() ? null : a.getRiskGrade())
                .column(a -> a.getLoanId().isEmpty() ? null : a.getLoanId())
                .execute(c, """
                        insert into application (application_id, revision, borrower_id, product, channel, applied_on,
                            applied_month, amount_fen, term_months, term_band, decision, decided_on, route, deviation, rule_hits,
                            model_decision, model_score, reject_reason, risk_grade, loan_id)
                        select a, r, b, p, ch, ao, am, amt, tm, tb, d, dd, ro, dev, rh::text[], md, ms, rr, rg, l
                        from unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::bigint[],
                                    ?::int[], ?::text[], ?::text[], ?::date[], ?::text[], ?::boolean[], ?::text[], ?::text[],
                                    ?::int[], ?::text[], ?::text[], ?::text[])
                            as x(a, r, b, p, ch, ao, am, amt, tm, tb, d, dd, ro, dev, rh, md, ms, rr, rg, l)
                        on conflict (application_id) do update set revision = excluded.revision,
                            borrower_id = excluded.borrower_id, product = excluded.product, channel = excluded.channel,
                            applied_on = excluded.applied_on, applied_month = excluded.applied_month,
                            amount_fen = excluded.amount_fen, term_months = excluded.term_months, term_band = excluded.term_band,
                            decision = excluded.decision, decided_on = excluded.decided_on, route = excluded.route,
                            deviation = excluded.deviation, rule_hits = excluded.rule_hits,
                            model_decision = excluded.model_decision, model_score = excluded.model_score,
                            reject_reason = excluded.reject_reason, risk_grade = excluded.risk_grade, loan_id = excluded.loan_id
                        where application.revision < excluded.revision""");
    }

    /** A PostgreSQL array literal of the values, in their order. */
    private static String arrayLiteral(List<String> values) {
        return arrayLiteral(values, x -> x);
    }

    /** A PostgreSQL array literal of {@code value} of each item, in their order. */
    private static <T> String arrayLiteral(List<T> items, Function<T, String> value) {
        StringBuilder literal = new StringBuilder(2 + items.size() * 14).append('{');
        for (T item : items) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            String x = value.apply(item);
            for (int i = 0; i < x.length(); i++) {
                char ch = x.charAt(i);
                if (ch == '\\' || ch == '"') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** A PostgreSQL array literal of a set of codes: sorted and distinct, so the same labels give the same array. */
    private static String setLiteral(List<String> codes) {
        return arrayLiteral(codes.stream().sorted().distinct().toList());
    }
}
