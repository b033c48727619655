package dev.loanwatch.ingestion.repository;

import dev.loanwatch.platform.jdbc.Bulk;
import dev.loanwatch.domain.AllocationLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PaymentRepository {

    public record PaymentRow(String id, String loanId, LocalDate valueDate, BigDecimal amount, BigDecimal credit,
                             BigDecimal outstandingAfter, LoanState loanStateAfter, String contentHash,
                             List<AllocationLine> allocation) {
    }

    public Map<String, String> contentHashes(Connection c, Collection<String> ids) throws SQLException {
        return Lookups.contentHashes(c, "payment", ids);
    }

    public void insert(Connection c, List<PaymentRow> rows) throws SQLException {
        Bulk.of(rows).column(PaymentRow::id).column(PaymentRow::loanId).column(PaymentRow::valueDate)
                .column(PaymentRow::amount).column(PaymentRow::credit).column(PaymentRow::outstandingAfter)
                .column(r -> r.loanStateAfter().code()).column(PaymentRow::contentHash)
                .column(r -> arrayLiteral(r.allocation(), l -> String.valueOf(l.installment())))
                .column(r -> arrayLiteral(r.allocation(), l -> l.penalty().toPlainString()))
                .column(r -> arrayLiteral(r.allocation(), l -> l.interest().toPlainString()))
                .column(r -> arrayLiteral(r.allocation(), l -> l.principal().toPlainString()))
                .execute(c, "insert into payment (id, loan_id, value_date, amount, credit, outstanding_after, "
                        + "loan_state_after, content_hash, alloc_installment, alloc_penalty, alloc_interest, alloc_principal) "
                        + "select id, l, v::date, a::numeric, cr::numeric, o::numeric, s, h, ai::int[], ap::numeric[], "
                        + "aint::numeric[], apr::numeric[] from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "as u(id, l, v, a, cr, o, s, h, ai, ap, aint, apr)");
    }

    private static String arrayLiteral(List<AllocationLine> lines, java.util.function.Function<AllocationLine, String> value) {
        StringBuilder sb = new StringBuilder("{");
        for (AllocationLine l : lines) {
            sb.append(sb.length() == 1 ? "" : ",").append(value.apply(l));
        }
        return sb.append('}').toString();
    }

    public Optional<PaymentRow> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, loan_id, value_date, amount, credit, "
                + "outstanding_after, loan_state_after, content_hash from payment where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PaymentRow(rs.getString("id"), rs.getString("loan_id"),
                        rs.getObject("value_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getBigDecimal("credit"),
                        rs.getBigDecimal("outstanding_after"), LoanState.ofCode(rs.getString("loan_state_after")),
                        rs.getString("content_hash"), allocation(c, id)));
            }
        }
    }

    private List<AllocationLine> allocation(Connection c, String paymentId) throws SQLException {
        List<AllocationLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select installment, penalty, interest, principal "
                + "from payment_allocation where payment_id = ? order by installment")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(allocationLine(rs));
                }
            }
        }
        return out;
    }

    /** A row with the columns installment, penalty, interest and principal (of payment_allocation). */
    static AllocationLine allocationLine(ResultSet rs) throws SQLException {
        return new AllocationLine(rs.getInt("installment"), rs.getBigDecimal("penalty"), rs.getBigDecimal("interest"),
                rs.getBigDecimal("principal"));
    }
}
