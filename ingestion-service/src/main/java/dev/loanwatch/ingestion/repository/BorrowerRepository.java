package dev.loanwatch.ingestion.repository;

import dev.loanwatch.platform.jdbc.Bulk;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class BorrowerRepository {
    private static final String COLUMNS = "id, type, name, identity_hash, identity_masked, region_code, industry_code, "
            + "business_scope, employees, annual_revenue, total_assets, revision, content_hash";

    /** id → content hash of those ids that exist. */
    public Map<String, String> contentHashes(Connection c, Collection<String> ids) throws SQLException {
        return Lookups.contentHashes(c, "borrower", ids);
    }

    public Set<String> existing(Connection c, Collection<String> ids) throws SQLException {
        return new HashSet<>(contentHashes(c, ids).keySet());
    }

    public void insert(Connection c, List<BorrowerRow> rows) throws SQLException {
        Bulk.of(rows).column(BorrowerRow::id).column(BorrowerRow::type).column(BorrowerRow::name)
                .column(BorrowerRow::identityHash).column(BorrowerRow::identityMasked).column(BorrowerRow::regionCode)
                .column(BorrowerRow::industryCode).column(BorrowerRow::businessScope).column(BorrowerRow::employees)
                .column(BorrowerRow::annualRevenue).column(BorrowerRow::totalAssets).column(BorrowerRow::revision)
                .column(BorrowerRow::contentHash)
                .execute(c, "insert into borrower (" + COLUMNS + ") select * from unnest(?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::numeric[], "
                        + "?::int[], ?::text[])");
    }

    public void update(Connection c, BorrowerRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update borrower set type = ?, name = ?, identity_hash = ?, "
                + "identity_masked = ?, region_code = ?, industry_code = ?, business_scope = ?, employees = ?, "
                + "annual_revenue = ?, total_assets = ?, revision = ?, content_hash = ?, updated_at = now() where id = ?")) {
            ps.setString(1, r.type());
            ps.setString(2, r.name());
            ps.setString(3, r.identityHash());
            ps.setString(4, r.identityMasked());
            ps.setString(5, r.regionCode());
            ps.setString(6, r.industryCode());
            ps.setString(7, r.businessScope());
            ps.setObject(8, r.employees());
            ps.setBigDecimal(9, r.annualRevenue());
            ps.setBigDecimal(10, r.totalAssets());
            ps.setInt(11, r.revision());
            ps.setString(12, r.contentHash());
            ps.setString(13, r.id());
            ps.executeUpdate();
        }
    }

    public Optional<BorrowerRow> find(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from borrower where id = ?"
                + (forUpdate ? " for update" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BorrowerRow(rs.getString("id"), rs.getString("type"), rs.getString("name"),
                        rs.getString("identity_hash"), rs.getString("identity_masked"), rs.getString("region_code"),
                        rs.getString("industry_code"), rs.getString("business_scope"), rs.getObject("employees", Integer.class),
                        rs.getBigDecimal("annual_revenue"), rs.getBigDecimal("total_assets"), rs.getInt("revision"),
                        rs.getString("content_hash")));
            }
        }
    }


}
