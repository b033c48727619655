package dev.loanwatch.tagging.service;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.rules.Condition;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule would tag before anyone activates it: the condition evaluated on every borrower's
 * stored labels and figures (streamed, read-only), with a sample of the borrowers it matches.
 */
@ApplicationScoped
public class RulePreview {
    static final int SAMPLE = 20;

    private final AgroalDataSource dataSource;

    public RulePreview(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Preview(long borrowers, long matching, List<String> sample) {
    }

    public Preview preview(Condition condition) throws SQLException {
        long borrowers = 0;
        long matching = 0;
        List<String> sample = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    select b.borrower_id, b.revision, b.customer_type, b.region_code, b.industry_code, b.business_scope,
                           b.employees, b.annual_revenue_fen, b.total_assets_fen, t.tags
                    from borrower b join borrower_tags t using (borrower_id) order by b.borrower_id""")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        borrowers++;
                        BorrowerFacts facts = new BorrowerFacts(rs.getString(1), rs.getInt(2), BorrowerType.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                                (Long) rs.getObject(8), (Long) rs.getObject(9));
                        BorrowerTags tags;
                        try {
                            tags = BorrowerTags.parseFrom(rs.getBytes(10));
                        } catch (InvalidProtocolBufferException e) {
                            throw new IllegalStateException("stored labels of " + facts.borrowerId() + " are unreadable", e);
                        }
                        if (condition.test(facts, tags)) {
                            matching++;
                            if (sample.size() < SAMPLE) {
                                sample.add(facts.borrowerId());
                            }
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return new Preview(borrowers, matching, sample);
    }
}
