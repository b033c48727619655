package dev.loanwatch.ingestion.repository;

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
                             BigDecimal outstandingAfter, String loanStateAfter, String contentHash) {
    }

    public record AllocationRow(String paymentId, String loanId, LocalDate valueDate, AllocationLine line) {
    }

    public Map<String, String> contentHashes(Connection c, Collection<String> ids) throws SQLException {
        return Bulk.contentHashes(c, "payment", ids);
    }

    public void insert(Connection c, List<PaymentRow> rows, List<AllocationRow> allocations) throws SQLException {
        Bulk.of(rows).column(PaymentRow::id).column(PaymentRow::loanId).column(PaymentRow::valueDate)
                .column(PaymentRow::amount).column(PaymentRow::credit).column(PaymentRow::outstandingAfter)
                .column(PaymentRow::loanStateAfter).column(PaymentRow::contentHash)
                .execute(c, "insert into payment (id, loan_id, value_date, amount, credit, outstanding_after, "
                        + "loan_state_after, content_hash) select * from unnest(?::text[], ?::text[], ?::date[], "
                        + "?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::text[])");
        Bulk.of(allocations).column(AllocationRow::paymentId).column(AllocationRow::loanId)
                .column(a -> a.line().installment()).column(AllocationRow::valueDate)
                .column(a -> a.line().penalty()).column(a -> a.line().interest()).column(a -> a.line().principal())
                .execute(c, "insert into payment_allocation (payment_id, loan_id, installment, value_date, penalty, "
                        + "interest, principal) select * from unnest(?::text[], ?::text[], ?::int[], ?::date[], "
                        + "?::numeric[], ?::numeric[], ?::numeric[])");
    }

    public Optional<PaymentRow> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, loan_id, value_date, amount, credit, "
                + "outstanding_after, loan_state_after, content_hash from payment where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PaymentRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)));
            }
        }
    }

    public List<AllocationLine> allocation(Connection c, String paymentId) throws SQLException {
        List<AllocationLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select installment, penalty, interest, principal "
                + "from payment_allocation where payment_id = ? order by installment")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AllocationLine(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                }
            }
        }
        return out;
    }
}
