package dev.loanwatch.tagging.repository;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.contracts.events.v1.RiskGroupTag;
import dev.loanwatch.contracts.events.v1.TagSource;
import dev.loanwatch.industry.IndustryInference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxWriter;
import dev.loanwatch.tagging.mapping.Labels;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.model.Policy;
import dev.loanwatch.tagging.service.BorrowerTagger;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one write path of labels, set-based over JDBC: the loan book's borrower events, backfills and
 * overrides all end here. {@link #retag} computes the labels of a set of borrowers, compares them
 * with the stored ones by fingerprint, and writes only the changed ones — each with its
 * {@code BorrowerTagged} event in the outbox, in the caller's transaction. Recomputing labels that
 * did not change writes and publishes nothing, which makes every caller idempotent.
 */
@ApplicationScoped
public class TagStore {
    private static final String FACTS = "select borrower_id, revision, customer_type, region_code, industry_code, business_scope,"
            + " employees, annual_revenue_fen, total_assets_fen from borrower";

    private final OutboxWriter outbox;
    private final Counter computedCount;
    private final Map<TagSource.Kind, Counter> changedBySource = new java.util.EnumMap<>(TagSource.Kind.class);

    public TagStore(OutboxWriter outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.computedCount = Counter.builder("loanwatch_tagging_labels_computed")
                .description("borrowers whose labels were computed (events, backfills, overrides)").register(registry);
        for (TagSource.Kind kind : List.of(TagSource.Kind.GIVEN, TagSource.Kind.INFERRED, TagSource.Kind.OVERRIDE, TagSource.Kind.NONE)) {
            changedBySource.put(kind, Counter.builder("loanwatch_tagging_labels_changed")
                    .description("borrowers whose labels changed and were published, by the source of their industry")
                    .tag("industry_source", kind.name()).register(registry));
        }
    }

    /** A business scope and the classifier's reading of it, computed ahead of a chunk. */
    public record Classified(String scope, IndustryInference inference) {
    }

    /**
     * The business scopes of the next borrowers after {@code afterId} (not locked), classified: the
     * CPU-heavy part of a backfill chunk, done while the previous chunk is being written.
     */
    public Map<String, Classified> classifyAhead(Connection c, String afterId, int limit, BorrowerTagger tagger) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select borrower_id, business_scope from borrower where borrower_id > ? order by borrower_id limit ?")) {
            ps.setString(1, afterId == null ? "" : afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return rows.parallelStream().collect(java.util.stream.Collectors.toMap(r -> r[0],
                r -> new Classified(r[1], tagger.classify(r[1]))));
    }

    /** What {@link #retag} did. */
    public record Outcome(int computed, int changed) {
    }

    /**
     * Stores borrower records, the newest revision winning (an older or equal revision changes
     * nothing). Returns the facts now stored for the borrowers whose record changed.
     */
    public List<BorrowerFacts> upsertBorrowers(Connection c, Collection<BorrowerFacts> borrowers, Instant now) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into borrower (borrower_id, revision, customer_type, region_code, industry_code, business_scope,
                                      employees, annual_revenue_fen, total_assets_fen, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (borrower_id) do update set revision = excluded.revision, customer_type = excluded.customer_type,
                    region_code = excluded.region_code, industry_code = excluded.industry_code,
                    business_scope = excluded.business_scope, employees = excluded.employees,
                    annual_revenue_fen = excluded.annual_revenue_fen, total_assets_fen = excluded.total_assets_fen,
                    received_at = excluded.received_at
                where borrower.revision < excluded.revision
                returning borrower_id""")) {
            for (BorrowerFacts b : borrowers) {
                ps.setString(1, b.borrowerId());
                ps.setInt(2, b.revision());
                ps.setString(3, b.type().name());
                ps.setString(4, b.regionCode());
                ps.setString(5, b.industryCode());
                ps.setString(6, b.businessScope());
                setInteger(ps, 7, b.employees());
                setLong(ps, 8, b.annualRevenueFen());
                setLong(ps, 9, b.totalAssetsFen());
                ps.setTimestamp(10, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
            }
        }
        return facts(c, applied);
    }

    /** The stored facts of these borrowers (unknown ids are left out), locked until the transaction ends. */
    public List<BorrowerFacts> facts(Connection c, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(FACTS + " where borrower_id = any(?) order by borrower_id for update")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            return readFacts(ps);
        }
    }

    /** The next borrowers after {@code afterId} in id order (a backfill's chunk), locked. */
    public List<BorrowerFacts> chunk(Connection c, String afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FACTS + " where borrower_id > ? order by borrower_id limit ? for update")) {
            ps.setString(1, afterId == null ? "" : afterId);
            ps.setInt(2, limit);
            return readFacts(ps);
        }
    }

    /** Borrowers marked stale (an override changed), locked; others working on them are skipped. */
    public List<BorrowerFacts> stale(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FACTS + " where stale order by borrower_id limit ? for update skip locked")) {
            ps.setInt(1, limit);
            return readFacts(ps);
        }
    }

    /**
     * Computes the labels of {@code borrowers} (whose rows the caller has locked) under {@code policy}
     * and writes those that changed, with their events, in the caller's transaction; clears their
     * stale marks.
     */
    public Outcome retag(Connection c, List<BorrowerFacts> borrowers, Policy policy, BorrowerTagger tagger, Instant now)
            throws SQLException {
        return retag(c, borrowers, policy, tagger, now, Map.of());
    }

    /**
     * As {@link #retag(Connection, List, Policy, BorrowerTagger, Instant)}, with business scopes the
     * caller classified ahead ({@code classified}: borrower id → the text and its reading); a
     * borrower whose text differs from the one classified is classified again.
     */
    public Outcome retag(Connection c, List<BorrowerFacts> borrowers, Policy policy, BorrowerTagger tagger, Instant now,
                         Map<String, Classified> classified) throws SQLException {
        if (borrowers.isEmpty()) {
            return new Outcome(0, 0);
        }
        Map<String, Stored> stored = stored(c, borrowers.stream().map(BorrowerFacts::borrowerId).toList());
        // classification is CPU work: a large set is computed on every core
        List<BorrowerTags.Builder> computed = (borrowers.size() > 64 ? borrowers.parallelStream() : borrowers.stream())
                .map(b -> {
                    Classified ahead = classified.get(b.borrowerId());
                    return ahead != null && java.util.Objects.equals(ahead.scope(), b.businessScope())
                            ? tagger.tag(b, policy, ahead.inference()) : tagger.tag(b, policy);
                }).toList();
        List<BorrowerTags> changed = new ArrayList<>();
        List<byte[]> fingerprints = new ArrayList<>();
        for (BorrowerTags.Builder tags : computed) {
            byte[] fingerprint = fingerprint(tags);
            Stored before = stored.get(tags.getBorrowerId());
            if (before != null && Arrays.equals(before.fingerprint, fingerprint)) {
                continue;
            }
            changed.add(tags.setTagsVersion(before == null ? 1 : before.version + 1).build());
            fingerprints.add(fingerprint);
        }
        write(c, changed, fingerprints, now);
        List<OutboxEntry> events = new ArrayList<>(changed.size());
        for (BorrowerTags tags : changed) {
            UUID eventId = UUID.randomUUID();
            BorrowerTagged event = BorrowerTagged.newBuilder()
                    .setMeta(EventMeta.newBuilder().setEventId(eventId.toString())
                            .setOccurredAt(com.google.protobuf.Timestamp.newBuilder()
                                    .setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                            .setSchemaVersion(1).setProducer("tagging-service"))
                    .setTags(tags).build();
            events.add(OutboxEntry.of(eventId, Topics.BORROWER_TAGS, tags.getBorrowerId(), EventTypes.BORROWER_TAGGED,
                    event.toByteArray()));
        }
        outbox.add(c, events);
        computedCount.increment(borrowers.size());
        for (BorrowerTags tags : changed) {
            Counter counter = changedBySource.get(tags.getIndustry().getSource().getKind());
            if (counter != null) {
                counter.increment();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update borrower set stale = false where borrower_id = any(?) and stale")) {
            ps.setArray(1, c.createArrayOf("text", borrowers.stream().map(BorrowerFacts::borrowerId).toArray()));
            ps.executeUpdate();
        }
        return new Outcome(borrowers.size(), changed.size());
    }

    /** SHA-256 of the labels without version and revision: equal labels, equal fingerprint. */
    static byte[] fingerprint(BorrowerTags.Builder tags) {
        try {
            byte[] bytes = tags.clone().clearTagsVersion().clearBorrowerRevision().build().toByteArray();
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Stored(long version, byte[] fingerprint) {
    }

    private static Map<String, Stored> stored(Connection c, List<String> ids) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select borrower_id, tags_version, fingerprint from borrower_tags where borrower_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString("borrower_id"), new Stored(rs.getLong("tags_version"), rs.getBytes("fingerprint")));
                }
            }
        }
        return stored;
    }

    private static void write(Connection c, List<BorrowerTags> changed, List<byte[]> fingerprints, Instant now) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into borrower_tags (borrower_id, tags_version, borrower_revision, industry_section, industry_division,
                    industry_class, industry_source, industry_confidence, given_code_status, needs_review, size_class,
                    province_code, prefecture_code, risk_groups, custom_tags, fingerprint, tags, tagged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (borrower_id) do update set tags_version = excluded.tags_version,
                    borrower_revision = excluded.borrower_revision, industry_section = excluded.industry_section,
                    industry_division = excluded.industry_division, industry_class = excluded.industry_class,
                    industry_source = excluded.industry_source, industry_confidence = excluded.industry_confidence,
                    given_code_status = excluded.given_code_status, needs_review = excluded.needs_review,
                    size_class = excluded.size_class, province_code = excluded.province_code,
                    prefecture_code = excluded.prefecture_code, risk_groups = excluded.risk_groups,
                    custom_tags = excluded.custom_tags, fingerprint = excluded.fingerprint, tags = excluded.tags,
                    tagged_at = excluded.tagged_at""")) {
            for (int i = 0; i < changed.size(); i++) {
                BorrowerTags t = changed.get(i);
                ps.setString(1, t.getBorrowerId());
                ps.setLong(2, t.getTagsVersion());
                ps.setInt(3, t.getBorrowerRevision());
                ps.setString(4, emptyToNull(t.getIndustry().getSection()));
                ps.setString(5, emptyToNull(t.getIndustry().getDivision()));
                ps.setString(6, emptyToNull(t.getIndustry().getIndustryClass()));
                ps.setString(7, t.getIndustry().getSource().getKind().name());
                if (t.getIndustry().getSource().getKind() == TagSource.Kind.INFERRED) {
                    ps.setDouble(8, t.getIndustry().getSource().getConfidence());
                } else {
                    ps.setNull(8, Types.DOUBLE);
                }
                ps.setString(9, t.getIndustry().getGivenCodeStatus().name());
                ps.setBoolean(10, t.getIndustry().getNeedsReview());
                ps.setString(11, Labels.sizeCode(t.getSize().getSize()));
                ps.setString(12, emptyToNull(t.getRegion().getProvinceCode()));
                ps.setString(13, emptyToNull(t.getRegion().getPrefectureCode()));
                ps.setArray(14, c.createArrayOf("text", t.getRiskGroupsList().stream().map(RiskGroupTag::getCode).toArray()));
                ps.setArray(15, c.createArrayOf("text", t.getCustomTagsList().stream().map(ct -> ct.getCode()).toArray()));
                ps.setBytes(16, fingerprints.get(i));
                ps.setBytes(17, t.toByteArray());
                ps.setTimestamp(18, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<BorrowerFacts> readFacts(PreparedStatement ps) throws SQLException {
        List<BorrowerFacts> facts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.add(new BorrowerFacts(rs.getString("borrower_id"), rs.getInt("revision"),
                        BorrowerType.valueOf(rs.getString("customer_type")), rs.getString("region_code"),
                        rs.getString("industry_code"), rs.getString("business_scope"),
                        (Integer) rs.getObject("employees"), (Long) rs.getObject("annual_revenue_fen"),
                        (Long) rs.getObject("total_assets_fen")));
            }
        }
        return facts;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
