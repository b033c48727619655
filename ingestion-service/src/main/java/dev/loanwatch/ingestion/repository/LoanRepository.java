package dev.loanwatch.ingestion.repository;

import dev.loanwatch.platform.jdbc.Bulk;
import dev.loanwatch.domain.AllocationLine;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.InstallmentBalance;
import dev.loanwatch.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class LoanRepository {
    private static final String LOAN_COLUMNS = columns(
            // the loan's figures are those of the latest close since it was disbursed
            "(select max(business_date) from business_day where business_date >= l.disbursement_date)");
    /** Writers lock loans often and never show the close date: no per-row subquery for them. */
    private static final String LOCK_COLUMNS = columns("null::date");

    private static String columns(String statusAsOf) {
        return "id, borrower_id, product, channel, disbursement_date, principal, "
            + "annual_rate, term_months, method, due_day, schedule_supplied, state, outstanding_principal, credit, "
            + "restructured, grade_before_restructuring, manual_grade, grade_minimum, content_hash, "
            + statusAsOf + " status_as_of, dpd, "
            + "bucket, stage, grade, overdue_principal, overdue_interest, near_m2, near_m3";
    }

    private static final String INSTALLMENT_COLUMNS = "loan_id, number, due_date, principal_due, interest_due, "
            + "penalty_due, principal_paid, interest_paid, penalty_paid, valid_from, superseded_on";

    /** A change to what has been paid on an installment (absolute new values). */
    public record PaidUpdate(String loanId, int number, BigDecimal principalPaid, BigDecimal interestPaid,
                             BigDecimal penaltyPaid) {
    }

    /** A change to a loan's balances after payments. */
    public record BalanceUpdate(String loanId, BigDecimal outstandingPrincipal, BigDecimal credit, LoanState state) {
    }

    public Map<String, String> contentHashes(Connection c, Collection<String> ids) throws SQLException {
        return Lookups.contentHashes(c, "loan", ids);
    }

    /** loan id → its borrower's id, for those of {@code ids} that exist. */
    public Map<String, String> borrowers(Connection c, Collection<String> ids) throws SQLException {
        return Lookups.lookup(c, "loan", "id", "borrower_id", ids);
    }

    public void insert(Connection c, List<LoanRow> rows) throws SQLException {
        Bulk.of(rows).column(LoanRow::id).column(LoanRow::borrowerId).column(LoanRow::product).column(LoanRow::channel)
                .column(LoanRow::disbursementDate).column(LoanRow::principal).column(LoanRow::annualRate)
                .column(LoanRow::termMonths).column(LoanRow::method).column(LoanRow::dueDay)
                .column(LoanRow::scheduleSupplied).column(LoanRow::outstandingPrincipal).column(LoanRow::contentHash)
                .execute(c, "insert into loan (id, borrower_id, product, channel, disbursement_date, principal, "
                        + "annual_rate, term_months, method, due_day, schedule_supplied, outstanding_principal, content_hash) "
                        + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::numeric[], "
                        + "?::numeric[], ?::int[], ?::text[], ?::smallint[], ?::boolean[], ?::numeric[], ?::text[])");
    }

    public void insertInstallments(Connection c, List<InstallmentRow> rows) throws SQLException {
        Bulk.of(rows).column(InstallmentRow::loanId).column(InstallmentRow::number).column(InstallmentRow::dueDate)
                .column(InstallmentRow::principalDue).column(InstallmentRow::interestDue)
                .column(InstallmentRow::validFrom)
                .execute(c, "insert into installment (loan_id, number, due_date, principal_due, interest_due, valid_from) "
                        + "select * from unnest(?::text[], ?::int[], ?::date[], ?::numeric[], ?::numeric[], ?::date[])");
    }

    /** Locks the loans (in id order, so two writers never deadlock) and returns them by id. */
    public Map<String, LoanRow> lock(Connection c, Collection<String> ids) throws SQLException {
        return select(c, "select " + LOCK_COLUMNS + " from loan l where id = any(?) order by id for update of l", ids);
    }

    public Optional<LoanRow> find(Connection c, String id, boolean forUpdate) throws SQLException {
        Map<String, LoanRow> m = select(c, "select " + LOAN_COLUMNS + " from loan l where id = any(?)"
                + (forUpdate ? " for update" : ""), List.of(id));
        return Optional.ofNullable(m.get(id));
    }

    private Map<String, LoanRow> select(Connection c, String sql, Collection<String> ids) throws SQLException {
        Map<String, LoanRow> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Bulk.texts(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LoanRow r = loan(rs);
                    out.put(r.id(), r);
                }
            }
        }
        return out;
    }

    private static LoanRow loan(ResultSet rs) throws SQLException {
        return new LoanRow(rs.getString("id"), rs.getString("borrower_id"), rs.getString("product"),
                rs.getString("channel"), rs.getObject("disbursement_date", LocalDate.class), rs.getBigDecimal("principal"),
                rs.getBigDecimal("annual_rate"), rs.getInt("term_months"), rs.getString("method"), rs.getInt("due_day"),
                rs.getBoolean("schedule_supplied"), LoanState.ofCode(rs.getString("state")),
                rs.getBigDecimal("outstanding_principal"), rs.getBigDecimal("credit"), rs.getBoolean("restructured"),
                gradeOrNull(rs, "grade_before_restructuring"), gradeOrNull(rs, "manual_grade"),
                FiveTierGrade.ofCode(rs.getInt("grade_minimum")), rs.getString("content_hash"),
                rs.getObject("status_as_of", LocalDate.class), rs.getInt("dpd"), Bucket.ofCode(rs.getInt("bucket")),
                Stage.ofCode(rs.getInt("stage")), FiveTierGrade.ofCode(rs.getInt("grade")),
                rs.getBigDecimal("overdue_principal"), rs.getBigDecimal("overdue_interest"), rs.getBoolean("near_m2"),
                rs.getBoolean("near_m3"));
    }

    private static FiveTierGrade gradeOrNull(ResultSet rs, String column) throws SQLException {
        int code = rs.getInt(column);
        return rs.wasNull() ? null : FiveTierGrade.ofCode(code);
    }

    /**
     * The first {@code limit} installments still owed by each loan, oldest first: what payments
     * are allocated against. Most payments settle one or two installments, so reading a
     * mortgage's 300 future installments for each would cost more than the payment itself.
     */
    public Map<String, List<InstallmentBalance>> owed(Connection c, Collection<String> loanIds, int limit) throws SQLException {
        Map<String, List<InstallmentBalance>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select x.* from unnest(?::text[]) k(id) cross join lateral ("
                + "select " + INSTALLMENT_COLUMNS + " from installment i where i.loan_id = k.id and not i.settled "
                + "and i.superseded_on is null order by i.number limit ?) x")) {
            ps.setArray(1, Bulk.texts(c, loanIds));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InstallmentRow r = installment(rs);
                    out.computeIfAbsent(r.loanId(), k -> new ArrayList<>()).add(r.balance());
                }
            }
        }
        return out;
    }

    /** Every installment of a loan (also superseded ones), in order. */
    public List<InstallmentRow> installments(Connection c, String loanId) throws SQLException {
        List<InstallmentRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + INSTALLMENT_COLUMNS + " from installment "
                + "where loan_id = ? order by number")) {
            ps.setString(1, loanId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(installment(rs));
                }
            }
        }
        return out;
    }

    private static InstallmentRow installment(ResultSet rs) throws SQLException {
        return new InstallmentRow(rs.getString("loan_id"), rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("principal_due"), rs.getBigDecimal("interest_due"), rs.getBigDecimal("penalty_due"),
                rs.getBigDecimal("principal_paid"), rs.getBigDecimal("interest_paid"), rs.getBigDecimal("penalty_paid"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("superseded_on", LocalDate.class));
    }

    /** Allocations of payments with value date on or before {@code asOf}, per installment. */
    public Map<Integer, AllocationLine> allocatedUpTo(Connection c, String loanId, LocalDate asOf) throws SQLException {
        Map<Integer, AllocationLine> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select installment, sum(penalty) penalty, sum(interest) interest, "
                + "sum(principal) principal from payment_allocation where loan_id = ? and value_date <= ? group by installment")) {
            ps.setString(1, loanId);
            ps.setObject(2, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AllocationLine line = PaymentRepository.allocationLine(rs);
                    out.put(line.installment(), line);
                }
            }
        }
        return out;
    }

    public void updatePaid(Connection c, List<PaidUpdate> updates) throws SQLException {
        Bulk.of(updates).column(PaidUpdate::loanId).column(PaidUpdate::number).column(PaidUpdate::principalPaid)
                .column(PaidUpdate::interestPaid).column(PaidUpdate::penaltyPaid)
                .execute(c, "update installment i set principal_paid = u.pp, interest_paid = u.ip, penalty_paid = u.ep "
                        + "from unnest(?::text[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[]) as u(l, n, pp, ip, ep) "
                        + "where i.loan_id = u.l and i.number = u.n");
    }

    public void updateBalances(Connection c, List<BalanceUpdate> updates) throws SQLException {
        Bulk.of(updates).column(BalanceUpdate::loanId).column(BalanceUpdate::outstandingPrincipal)
                .column(BalanceUpdate::credit).column(u -> u.state().code())
                .execute(c, "update loan l set outstanding_principal = u.o, credit = u.cr, state = u.s "
                        + "from unnest(?::text[], ?::numeric[], ?::numeric[], ?::text[]) as u(id, o, cr, s) where l.id = u.id");
    }

    public void writeOff(Connection c, String loanId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update loan set state = ? where id = ?")) {
            ps.setString(1, LoanState.WRITTEN_OFF.code());
            ps.setString(2, loanId);
            ps.executeUpdate();
        }
    }

    /** Replaces the unpaid installments from {@code effective} on and marks the loan restructured. */
    public void restructure(Connection c, String loanId, LocalDate effective, FiveTierGrade gradeBefore,
                            FiveTierGrade gradeMinimum,
                            BigDecimal principal, List<InstallmentRow> newSchedule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update installment set superseded_on = ? "
                + "where loan_id = ? and not settled and superseded_on is null")) {
            ps.setObject(1, effective);
            ps.setString(2, loanId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update loan set restructured = true, "
                + "grade_before_restructuring = coalesce(grade_before_restructuring, ?), grade_minimum = ?, "
                + "outstanding_principal = ? where id = ?")) {
            ps.setInt(1, gradeBefore.code());
            ps.setInt(2, gradeMinimum.code());
            ps.setBigDecimal(3, principal);
            ps.setString(4, loanId);
            ps.executeUpdate();
        }
        insertInstallments(c, newSchedule);
    }

}
