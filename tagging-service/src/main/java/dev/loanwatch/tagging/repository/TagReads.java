package dev.loanwatch.tagging.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads for the APIs, on the reactive client (never a blocking call on an event loop). */
@ApplicationScoped
public class TagReads {
    private final Pool pool;

    public TagReads(Pool pool) {
        this.pool = pool;
    }

    /** The stored labels; NOT_FOUND when the borrower has none (yet). */
    public Uni<BorrowerTags> tags(String borrowerId) {
        return pool.preparedQuery("select tags from borrower_tags where borrower_id = $1").execute(Tuple.of(borrowerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new RejectedException(Rejection.notFound("borrowerId",
                                "borrower " + borrowerId + " has no labels (unknown to tagging, or not tagged yet)"));
                    }
                    try {
                        return BorrowerTags.parseFrom(rows.iterator().next().getBuffer("tags").getBytes());
                    } catch (InvalidProtocolBufferException e) {
                        throw new IllegalStateException("stored labels of " + borrowerId + " are unreadable", e);
                    }
                });
    }

    public record ReviewItem(String borrowerId, String givenCode, String givenCodeStatus, String industrySource,
                             String industryDivision, Double industryConfidence) {
    }

    /** Borrowers whose industry an analyst should look at, in id order after {@code after}. */
    public Uni<List<ReviewItem>> reviews(String after, int limit) {
        return pool.preparedQuery("""
                        select t.borrower_id, b.industry_code, t.given_code_status, t.industry_source, t.industry_division,
                               t.industry_confidence
                        from borrower_tags t join borrower b using (borrower_id)
                        where t.needs_review and t.borrower_id > $1 order by t.borrower_id limit $2""")
                .execute(Tuple.of(after == null ? "" : after, limit))
                .map(rows -> {
                    List<ReviewItem> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(new ReviewItem(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getDouble(5)));
                    }
                    return items;
                });
    }

    public record Mix(long borrowers, long needsReview, Map<String, Long> bySource, Map<String, Long> byGivenCodeStatus,
                      Map<String, Long> bySection, Map<String, Long> byDivision, Map<String, Long> bySize,
                      Map<String, Long> byRiskGroup, Map<String, Long> byCustomTag) {
    }

    /** Where the book's borrowers are: counts by industry source, section, division, size, group, tag. */
    public Uni<Mix> mix() {
        return pool.query("""
                        select 'source' as dim, industry_source as key, count(*) as n from borrower_tags group by 2
                        union all select 'given', given_code_status, count(*) from borrower_tags group by 2
                        union all select 'section', coalesce(industry_section, '-'), count(*) from borrower_tags group by 2
                        union all select 'division', coalesce(industry_division, '-'), count(*) from borrower_tags group by 2
                        union all select 'size', size_class, count(*) from borrower_tags group by 2
                        union all select 'group', g, count(*) from borrower_tags, unnest(risk_groups) g group by 2
                        union all select 'tag', g, count(*) from borrower_tags, unnest(custom_tags) g group by 2
                        union all select 'review', 'review', count(*) from borrower_tags where needs_review
                        union all select 'all', 'all', count(*) from borrower_tags""")
                .execute()
                .map(rows -> {
                    Map<String, Map<String, Long>> dims = new LinkedHashMap<>();
                    for (String d : List.of("source", "given", "section", "division", "size", "group", "tag", "review", "all")) {
                        dims.put(d, new java.util.TreeMap<>());
                    }
                    for (Row r : rows) {
                        dims.get(r.getString("dim")).put(r.getString("key"), r.getLong("n"));
                    }
                    return new Mix(dims.get("all").getOrDefault("all", 0L), dims.get("review").getOrDefault("review", 0L),
                            dims.get("source"), dims.get("given"), dims.get("section"), dims.get("division"),
                            dims.get("size"), dims.get("group"), dims.get("tag"));
                });
    }
}
