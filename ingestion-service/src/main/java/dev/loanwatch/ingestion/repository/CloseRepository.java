package dev.loanwatch.ingestion.repository;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily close, set-based: a handful of statements over all open loans, no loan-by-loan
 * Java. The rules themselves are not repeated here: DPD ranges of the buckets, the stage of a
 * bucket and the five-tier floors come from lookup tables the domain core fills
 * (ReferenceData), the DPD-independent part of the grade is precomputed on the loan
 * (grade_minimum), and CloseConsistencyTest holds this SQL against DelinquencyStatus.
 * Dates and the tolerance are inlined as typed literals (they come from LocalDate/BigDecimal), and
 * so are the stored codes of the open state and of the bucket and stage a current loan has.
 */
@ApplicationScoped
public class CloseRepository {
    private static final String OPEN = "'" + LoanState.OPEN.code() + "'";
    private static final int C = Bucket.C.code();
    private static final int CURRENT = Stage.CURRENT.code();

    public record Day(LocalDate businessDate, int runs, int openLoans, int statusChanges, int snapshotRows, long millis) {
    }

    public void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(73010001)");
        }
    }

    public Optional<LocalDate> lastClosed(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(business_date) from business_day")) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, LocalDate.class));
        }
    }

    public Optional<Day> find(Connection c, LocalDate d) throws SQLException {
        List<Day> days = query(c, "select business_date, runs, open_loans, status_changes, snapshot_rows, millis "
                + "from business_day where business_date = '" + d + "'");
        return days.stream().findFirst();
    }

    public List<Day> recent(Connection c, int limit) throws SQLException {
        return query(c, "select business_date, runs, open_loans, status_changes, snapshot_rows, millis "
                + "from business_day order by business_date desc limit " + limit);
    }

    private static List<Day> query(Connection c, String sql) throws SQLException {
        List<Day> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Day(rs.getObject("business_date", LocalDate.class), rs.getInt("runs"), rs.getInt("open_loans"),
                        rs.getInt("status_changes"), rs.getInt("snapshot_rows"), rs.getLong("millis")));
            }
        }
        return out;
    }

    /** Open loans on the books at the end of {@code d}. */
    public int openLoans(Connection c, LocalDate d) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from loan where state = " + OPEN + " and disbursement_date <= date '" + d + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // MOB counts month ends (MonthsOnBook): the last month end on or before d, minus the disbursement month
    private static String mob(String day) {
        String lastMonthEnd = "(date_trunc('month', " + day + " + 1) - interval '1 day')::date";
        return "greatest(0, (extract(year from " + lastMonthEnd + ")::int * 12 + extract(month from " + lastMonthEnd + ")::int) "
                + "- (extract(year from l.disbursement_date)::int * 12 + extract(month from l.disbursement_date)::int))";
    }

    // the projected bucket (pb) is this one while today's (b) is better; codes ascend with severity
    // (StoredCodeTest), so better is a smaller code
    private static String near(Bucket bucket) {
        return "(x.dpd > 0 and b.code < " + bucket.code() + " and pb.code = " + bucket.code() + ")";
    }

    /**
     * Computes, as of the end of {@code d}, the status of every open loan whose status can differ
     * from C / NORMAL (its grade minimum) / no flags — the loans with an installment past due, the
     * loans whose recorded status is not that default, and the loans with payments valued after
     * d — into the temp table close_new. Every other open loan is current and stays as recorded,
     * so a close costs in proportion to the delinquent book, not the whole book. Returns the
     * number of loans computed.
     */
    public int computeStatuses(Connection c, LocalDate d, BigDecimal tolerance, String defaultPolicy) throws SQLException {
        String day = "date '" + d + "'";
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '256MB'");
            // payments with a value date after d must not count when closing d (late close, re-run)
            s.execute("create temp table close_after on commit drop as "
                    + "select loan_id, installment, sum(penalty) pe, sum(interest) it, sum(principal) pr "
                    + "from payment_allocation where value_date > " + day + " group by loan_id, installment");
            String owedColumns = "i.loan_id, i.due_date, "
                    + "i.principal_due - i.principal_paid + coalesce(a.pr, 0) up, "
                    + "i.interest_due - i.interest_paid + coalesce(a.it, 0) ui, "
                    + "i.penalty_due - i.penalty_paid + coalesce(a.pe, 0) ue ";
            String inForce = " and i.due_date < " + day + " and i.valid_from <= " + day;
            s.execute("create temp table close_owed on commit drop as "
                    + "select " + owedColumns + "from installment i left join close_after a "
                    + "on a.loan_id = i.loan_id and a.installment = i.number "
                    + "where not i.settled and i.superseded_on is null" + inForce
                    + " union all select " + owedColumns + "from installment i join close_after a "
                    + "on a.loan_id = i.loan_id and a.installment = i.number "
                    + "where i.settled and i.superseded_on is null" + inForce
                    + " union all select " + owedColumns + "from installment i left join close_after a "
                    + "on a.loan_id = i.loan_id and a.installment = i.number "
                    + "where i.superseded_on > " + day + inForce);
            s.execute("create temp table close_past_due on commit drop as "
                    + "select loan_id, min(due_date) oldest_due, sum(up) od_p, sum(ui) od_i "
                    + "from close_owed where up + ui + ue > " + tolerance.toPlainString() + " group by loan_id");
            s.execute("create temp table close_principal_after on commit drop as "
                    + "select loan_id, sum(pr) pr from close_after group by loan_id");
            s.execute("analyze close_past_due");
            // 准M2/准M3: the DPD at the end of d's month if nothing is paid falls in M2 (M3) while the
            // loan is better than that bucket today (DelinquencyStatus, rollingOnly = true)
            String monthEnd = "(date_trunc('month', " + day + ") + interval '1 month' - interval '1 day')::date";
            int n = s.executeUpdate("create temp table close_new on commit drop as "
                    + "select x.id, x.dpd, b.code bucket, b.stage, greatest(g.grade, x.grade_minimum) grade, "
                    + "x.outstanding, x.od_p, x.od_i, "
                    + near(Bucket.M2) + " near_m2, " + near(Bucket.M3) + " near_m3, "
                    + "x.mob from ("
                    + "  select l.id, coalesce(pp.policy, '" + defaultPolicy.replace("'", "") + "') policy, l.grade_minimum, "
                    + "  coalesce(" + day + " - p.oldest_due, 0) dpd, "
                    + "  coalesce(" + day + " - p.oldest_due, 0) + (" + monthEnd + " - " + day + ") projected, "
                    + "  l.outstanding_principal + coalesce(pa.pr, 0) outstanding, "
                    + "  coalesce(p.od_p, 0) od_p, coalesce(p.od_i, 0) od_i, " + mob(day) + " mob "
                    + "  from loan l left join close_past_due p on p.loan_id = l.id "
                    + "  left join close_principal_after pa on pa.loan_id = l.id "
                    + "  left join product_policy pp on pp.product = l.product "
                    + "  where l.state = " + OPEN + " and l.disbursement_date <= " + day
                    + "  and (p.loan_id is not null or pa.loan_id is not null or l.dpd <> 0 or l.bucket <> " + C + " or l.stage <> " + CURRENT + " "
                    + "       or l.grade <> l.grade_minimum or l.near_m2 or l.near_m3 or l.overdue_principal <> 0 or l.overdue_interest <> 0)"
                    + ") x "
                    + "join bucket_def b on x.dpd between b.min_dpd and b.max_dpd "
                    + "join bucket_def pb on x.projected between pb.min_dpd and pb.max_dpd "
                    + "join grade_floor g on g.policy = x.policy and x.dpd between g.min_dpd and g.max_dpd");
            s.execute("analyze close_new");
            return n;
        }
    }

    /**
     * Records the loans whose status (bucket, stage, grade, 准M2/准M3) changed in the history and
     * the outbox, then writes the new figures on the loans whose figures moved. Returns the
     * number of status changes.
     */
    public int applyStatuses(Connection c, LocalDate d, String statusTopic) throws SQLException {
        String day = "date '" + d + "'";
        int changes;
        try (PreparedStatement ps = c.prepareStatement("with changed as ("
                + "insert into loan_status_history (loan_id, as_of, dpd, bucket, previous_bucket, stage, grade, "
                + "previous_grade, outstanding_principal, overdue_principal, overdue_interest, near_m2, near_m3, mob) "
                + "select n.id, " + day + ", n.dpd, n.bucket, l.bucket, n.stage, n.grade, l.grade, n.outstanding, "
                + "n.od_p, n.od_i, n.near_m2, n.near_m3, n.mob from close_new n join loan l on l.id = n.id "
                + "where (l.bucket, l.stage, l.grade, l.near_m2, l.near_m3) "
                + "is distinct from (n.bucket, n.stage, n.grade, n.near_m2, n.near_m3) "
                // a re-run of the same date corrects what the first run recorded
                + "on conflict (loan_id, as_of) do update set dpd = excluded.dpd, bucket = excluded.bucket, "
                + "stage = excluded.stage, grade = excluded.grade, outstanding_principal = excluded.outstanding_principal, "
                + "overdue_principal = excluded.overdue_principal, overdue_interest = excluded.overdue_interest, "
                + "near_m2 = excluded.near_m2, near_m3 = excluded.near_m3, mob = excluded.mob returning loan_id) "
                + "insert into outbox (topic, msg_key, event_type, ref_date) "
                + "select ?, loan_id, ?, " + day + " from changed")) {
            // no payload: LoanStatusEvents renders it from the history row when it is published
            ps.setString(1, statusTopic);
            ps.setString(2, EventTypes.LOAN_STATUS_CHANGED);
            changes = ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update loan l set dpd = n.dpd, bucket = n.bucket, stage = n.stage, grade = n.grade, "
                    + "overdue_principal = n.od_p, overdue_interest = n.od_i, near_m2 = n.near_m2, near_m3 = n.near_m3 "
                    + "from close_new n where l.id = n.id and (l.dpd, l.bucket, l.stage, l.grade, l.overdue_principal, "
                    + "l.overdue_interest, l.near_m2, l.near_m3) is distinct from "
                    + "(n.dpd, n.bucket, n.stage, n.grade, n.od_p, n.od_i, n.near_m2, n.near_m3)");
        }
        return changes;
    }

    /**
     * The month-end snapshot of every open loan (those not computed by this close are current:
     * C, their grade minimum, no flags), and ONE outbox row for the whole snapshot: the relay
     * streams the snapshot table itself, loan by loan, instead of a million outbox rows.
     */
    public int snapshot(Connection c, LocalDate d, String snapshotTopic) throws SQLException {
        String day = "date '" + d + "'";
        int rows;
        try (Statement s = c.createStatement()) {
            s.execute("delete from month_end_snapshot where snapshot_date = " + day);
            rows = s.executeUpdate("insert into month_end_snapshot (snapshot_date, loan_id, borrower_id, product, "
                    + "disbursement_date, disbursed_principal, mob, dpd, bucket, stage, grade, outstanding_principal, "
                    + "overdue_principal, overdue_interest, near_m2, near_m3, restructured) "
                    + "select " + day + ", l.id, l.borrower_id, l.product, l.disbursement_date, l.principal, " + mob(day) + ", "
                    + "coalesce(n.dpd, 0), coalesce(n.bucket, " + C + "), coalesce(n.stage, " + CURRENT + "), "
                    + "coalesce(n.grade, l.grade_minimum), "
                    + "coalesce(n.outstanding, l.outstanding_principal), coalesce(n.od_p, 0), coalesce(n.od_i, 0), "
                    + "coalesce(n.near_m2, false), coalesce(n.near_m3, false), l.restructured "
                    + "from loan l left join close_new n on n.id = l.id "
                    + "where l.state = " + OPEN + " and l.disbursement_date <= " + day);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (topic, msg_key, event_type, ref_date) "
                + "values (?, ?, ?, " + day + ")")) {
            // one row without payload stands for the whole snapshot: LoanStatusEvents streams it
            ps.setString(1, snapshotTopic);
            ps.setString(2, d.toString());
            ps.setString(3, EventTypes.MONTH_END_SNAPSHOT);
            ps.executeUpdate();
        }
        return rows;
    }

    public void record(Connection c, Day day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into business_day (business_date, closed_at, runs, "
                + "open_loans, status_changes, snapshot_rows, millis) values (?, now(), 1, ?, ?, ?, ?) "
                + "on conflict (business_date) do update set closed_at = now(), runs = business_day.runs + 1, "
                + "open_loans = excluded.open_loans, status_changes = excluded.status_changes, "
                + "snapshot_rows = excluded.snapshot_rows, millis = excluded.millis")) {
            ps.setObject(1, day.businessDate());
            ps.setInt(2, day.openLoans());
            ps.setInt(3, day.statusChanges());
            ps.setInt(4, day.snapshotRows());
            ps.setLong(5, day.millis());
            ps.executeUpdate();
        }
    }
}
