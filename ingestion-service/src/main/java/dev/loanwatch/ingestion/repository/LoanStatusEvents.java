package dev.loanwatch.ingestion.repository;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import dev.loanwatch.platform.outbox.OutboxRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events the daily close leaves in the outbox without a payload, rendered when the relay
 * publishes them: a status change from {@code loan_status_history} (one row, one event), and a whole
 * month-end snapshot (one row for every open loan, streamed from {@code month_end_snapshot} in loan
 * id order), so a close of a million loans writes a million snapshot rows but not a million outbox rows.
 */
@ApplicationScoped
public class LoanStatusEvents implements OutboxRenderer {

    private static final String STATUS_SQL = "select h.loan_id, h.as_of, h.dpd, h.bucket, h.previous_bucket, h.stage, "
            + "h.grade, h.previous_grade, h.outstanding_principal, h.overdue_principal, h.overdue_interest, h.near_m2, "
            + "h.near_m3, h.mob, l.borrower_id, l.product, l.disbursement_date, l.principal as disbursed_principal, l.restructured "
            + "from unnest(?::text[], ?::date[]) k(loan_id, as_of) "
            + "join loan_status_history h on h.loan_id = k.loan_id and h.as_of = k.as_of join loan l on l.id = h.loan_id";

    // a snapshot has no "previous" of its own: the previous month's snapshot is the comparison
    private static final String SNAPSHOT_SQL = "select s.loan_id, s.snapshot_date as as_of, s.dpd, s.bucket, "
            + "s.bucket as previous_bucket, s.stage, s.grade, s.grade as previous_grade, s.outstanding_principal, "
            + "s.overdue_principal, s.overdue_interest, s.near_m2, s.near_m3, s.mob, s.borrower_id, s.product, "
            + "s.disbursement_date, s.disbursed_principal, s.restructured "
            + "from month_end_snapshot s where s.snapshot_date = ? and s.loan_id > ? order by s.loan_id limit ?";

    @Override
    public boolean streams(String eventType) {
        return EventTypes.MONTH_END_SNAPSHOT.equals(eventType);
    }

    @Override
    public Map<Long, byte[]> render(Connection c, List<Row> rows) throws SQLException {
        for (Row r : rows) {
            if (!EventTypes.LOAN_STATUS_CHANGED.equals(r.eventType())) {
                throw new IllegalStateException("outbox row " + r.id() + " of type " + r.eventType() + " has no payload");
            }
        }
        Map<String, LoanStatus> statuses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(STATUS_SQL)) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(Row::key).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(r -> r.refDate().toString()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LoanStatus s = status(rs);
                    statuses.put(s.getLoanId() + "|" + s.getAsOf(), s);
                }
            }
        }
        Map<Long, byte[]> out = new HashMap<>();
        for (Row r : rows) {
            LoanStatus status = statuses.get(r.key() + "|" + r.refDate());
            if (status == null) {
                throw new IllegalStateException("no stored status for " + r.key() + " as of " + r.refDate());
            }
            out.put(r.id(), LoanStatusChanged.newBuilder().setMeta(Events.meta(r.eventId(), r.refDate(), r.createdAt()))
                    .setStatus(status).build().toByteArray());
        }
        return out;
    }

    @Override
    public Page stream(Connection c, Row row, String afterKey, int limit) throws SQLException {
        LocalDate date = row.refDate();
        List<Rendered> out = new ArrayList<>(limit);
        String last = afterKey;
        try (PreparedStatement ps = c.prepareStatement(SNAPSHOT_SQL)) {
            ps.setObject(1, date);
            ps.setString(2, afterKey);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LoanStatus status = status(rs);
                    UUID eventId = UUID.nameUUIDFromBytes((row.eventId() + "|" + status.getLoanId()).getBytes(StandardCharsets.UTF_8));
                    byte[] payload = MonthEndSnapshot.newBuilder()
                            .setMeta(Events.meta(eventId, date, row.createdAt()))
                            .setStatus(status).build().toByteArray();
                    out.add(new Rendered(eventId, status.getLoanId(), payload));
                    last = status.getLoanId();
                }
            }
        }
        return new Page(out, out.size() < limit ? null : last);
    }

    private static LoanStatus status(ResultSet rs) throws SQLException {
        return LoanStatus.newBuilder()
                .setLoanId(rs.getString("loan_id")).setAsOf(rs.getObject("as_of", LocalDate.class).toString())
                .setDpd(rs.getInt("dpd"))
                .setBucket(Bucket.ofCode(rs.getInt("bucket")).label())
                .setPreviousBucket(Bucket.ofCode(rs.getInt("previous_bucket")).label())
                .setStage(Events.stage(rs.getInt("stage")))
                .setGrade(Events.grade(rs.getInt("grade"))).setPreviousGrade(Events.grade(rs.getInt("previous_grade")))
                .setOutstandingPrincipalFen(Fen.of(rs.getBigDecimal("outstanding_principal")))
                .setOverduePrincipalFen(Fen.of(rs.getBigDecimal("overdue_principal")))
                .setOverdueInterestFen(Fen.of(rs.getBigDecimal("overdue_interest")))
                .setNearM2(rs.getBoolean("near_m2")).setNearM3(rs.getBoolean("near_m3")).setMob(rs.getInt("mob"))
                .setBorrowerId(rs.getString("borrower_id")).setProduct(rs.getString("product"))
                .setDisbursementDate(rs.getObject("disbursement_date", LocalDate.class).toString())
                .setDisbursedPrincipalFen(Fen.of(rs.getBigDecimal("disbursed_principal")))
                .setRestructured(rs.getBoolean("restructured"))
                // only open loans are closed and snapshotted
                .setLoanState(LoanState.OPEN)
                .build();
    }
}
