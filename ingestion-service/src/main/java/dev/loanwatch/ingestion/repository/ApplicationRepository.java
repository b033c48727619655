package dev.loanwatch.ingestion.repository;

import dev.loanwatch.platform.jdbc.Bulk;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.mapping.ApplicationCommand.Decision;
import dev.loanwatch.ingestion.mapping.ApplicationCommand.ModelDecision;
import dev.loanwatch.ingestion.mapping.ApplicationCommand.Route;
import dev.loanwatch.ingestion.mapping.StoredCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class ApplicationRepository {
    private static final String COLUMNS = "id, borrower_id, product, channel, applied_on, amount, term_months, decision, "
            + "decided_on, route, deviation, rule_hits, model_decision, model_score, reject_reason, risk_grade, loan_id, "
            + "revision";
    private static final String SELECT = "select " + COLUMNS + ", (select content_hash from application_revision r "
            + "where r.application_id = a.id and r.revision = a.revision) content_hash from application a where a.id = any(?)";

    /**
     * Locks the stored applications among {@code ids} (in id order, so two writers never deadlock)
     * and returns them by id with the content hashes of all their revisions.
     */
    public Map<String, Stored> lock(Connection c, Collection<String> ids) throws SQLException {
        Map<String, ApplicationRow> rows = select(c, SELECT + " order by a.id for update of a", ids);
        Map<String, Set<String>> hashes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select application_id, content_hash from application_revision "
                + "where application_id = any(?)")) {
            ps.setArray(1, Bulk.texts(c, rows.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.computeIfAbsent(rs.getString("application_id"), k -> new HashSet<>()).add(rs.getString("content_hash"));
                }
            }
        }
        Map<String, Stored> out = new LinkedHashMap<>();
        rows.forEach((id, row) -> out.put(id, new Stored(row, hashes.getOrDefault(id, Set.of()))));
        return out;
    }

    /** A stored application and the content hashes of every revision it had (its current one included). */
    public record Stored(ApplicationRow row, Set<String> revisionHashes) {
    }

    /**
     * Writes the latest revision of each application (inserted, or updated when it exists) and the
     * content hash of every revision in {@code revisions}. An application stored meanwhile by
     * another writer makes the revision's key collide: the caller's unique-violation retry then
     * sees it as stored.
     */
    public void write(Connection c, List<ApplicationRow> latest, List<ApplicationRow> revisions) throws SQLException {
        Bulk.of(latest).column(r -> r.application().id()).column(r -> r.application().borrowerId())
                .column(r -> r.application().product()).column(r -> r.application().channel())
                .column(r -> r.application().appliedOn()).column(r -> r.application().amount())
                .column(r -> r.application().termMonths()).column(r -> r.application().decision().code())
                .column(r -> r.application().decidedOn()).column(r -> codeOrNull(r.application().route()))
                .column(r -> r.application().deviation()).column(r -> String.join(",", r.application().ruleHits()))
                .column(r -> r.application().modelDecision().code()).column(r -> r.application().modelScore())
                .column(r -> r.application().rejectReason()).column(r -> r.application().riskGrade())
                .column(r -> r.application().loanId()).column(ApplicationRow::revision)
                .execute(c, "insert into application (" + COLUMNS + ") select u.id, u.borrower_id, u.product, u.channel, "
                        + "u.applied_on, u.amount, u.term_months, u.decision, u.decided_on, u.route, u.deviation, "
                        + "string_to_array(u.rule_hits, ','), u.model_decision, u.model_score, u.reject_reason, u.risk_grade, "
                        + "u.loan_id, u.revision from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], "
                        + "?::numeric[], ?::int[], ?::text[], ?::date[], ?::text[], ?::boolean[], ?::text[], ?::text[], "
                        + "?::int[], ?::text[], ?::text[], ?::text[], ?::int[]) as u(" + COLUMNS + ") "
                        + "on conflict (id) do update set borrower_id = excluded.borrower_id, product = excluded.product, "
                        + "channel = excluded.channel, applied_on = excluded.applied_on, amount = excluded.amount, "
                        + "term_months = excluded.term_months, decision = excluded.decision, decided_on = excluded.decided_on, "
                        + "route = excluded.route, deviation = excluded.deviation, rule_hits = excluded.rule_hits, "
                        + "model_decision = excluded.model_decision, model_score = excluded.model_score, "
                        + "reject_reason = excluded.reject_reason, risk_grade = excluded.risk_grade, loan_id = excluded.loan_id, "
                        + "revision = excluded.revision, updated_at = now()");
        Bulk.of(revisions).column(r -> r.application().id()).column(ApplicationRow::revision).column(ApplicationRow::contentHash)
                .execute(c, "insert into application_revision (application_id, revision, content_hash) "
                        + "select * from unnest(?::text[], ?::int[], ?::text[])");
    }

    public Optional<ApplicationRow> find(Connection c, String id) throws SQLException {
        return Optional.ofNullable(select(c, SELECT, List.of(id)).get(id));
    }

    /** loan id → the application it was disbursed from, for those of {@code loanIds} that have one. */
    public Map<String, String> applicationsOfLoans(Connection c, Collection<String> loanIds) throws SQLException {
        return Lookups.lookup(c, "application", "loan_id", "id", loanIds);
    }

    private static Map<String, ApplicationRow> select(Connection c, String sql, Collection<String> ids) throws SQLException {
        Map<String, ApplicationRow> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Bulk.texts(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ApplicationRow r = row(rs);
                    out.put(r.application().id(), r);
                }
            }
        }
        return out;
    }

    private static ApplicationRow row(ResultSet rs) throws SQLException {
        Array hits = rs.getArray("rule_hits");
        String route = rs.getString("route");
        ApplicationCommand a = new ApplicationCommand(rs.getString("id"), rs.getString("borrower_id"), rs.getString("product"),
                rs.getString("channel"), rs.getObject("applied_on", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getInt("term_months"), StoredCode.ofCode(Decision.class, rs.getString("decision")),
                rs.getObject("decided_on", LocalDate.class), route == null ? null : StoredCode.ofCode(Route.class, route),
                rs.getBoolean("deviation"), List.of((String[]) hits.getArray()),
                StoredCode.ofCode(ModelDecision.class, rs.getString("model_decision")),
                rs.getObject("model_score", Integer.class), rs.getString("reject_reason"), rs.getString("risk_grade"),
                rs.getString("loan_id"));
        return new ApplicationRow(a, rs.getInt("revision"), rs.getString("content_hash"));
    }

    private static String codeOrNull(StoredCode code) {
        return code == null ? null : code.code();
    }
}
