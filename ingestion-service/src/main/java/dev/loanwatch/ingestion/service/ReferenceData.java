package dev.loanwatch.ingestion.service;

import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierPolicy;
import dev.loanwatch.domain.Stage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Writes the domain core's definitions (DPD ranges of the buckets, stage of each bucket, DPD
 * ranges of each five-tier floor per policy) into lookup tables at start-up, so the set-based
 * daily close joins on them instead of repeating the rules in SQL.
 */
@ApplicationScoped
public class ReferenceData {
    private final AgroalDataSource dataSource;
    private final Policies policies;

    public ReferenceData(AgroalDataSource dataSource, Policies policies) {
        this.dataSource = dataSource;
        this.policies = policies;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        write();
    }

    public void write() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // replicas starting together take turns
                s.execute("select pg_advisory_xact_lock(73010003)");
                s.execute("delete from bucket_def; delete from grade_floor; delete from product_policy");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into bucket_def values (?, ?, ?, ?, ?)")) {
                for (Bucket b : Bucket.values()) {
                    ps.setInt(1, b.code());
                    ps.setString(2, b.label());
                    ps.setInt(3, b.minDpd());
                    ps.setInt(4, b.maxDpd());
                    ps.setInt(5, Stage.of(b).code());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into grade_floor values (?, ?, ?, ?)")) {
                for (Map.Entry<String, FiveTierPolicy> p : Policies.BY_NAME.entrySet()) {
                    addFloorRanges(ps, p.getKey(), p.getValue());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into product_policy values (?, ?)")) {
                for (Map.Entry<String, String> e : policies.productPolicies().entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Scans DPD upwards with the domain's own floor(dpd) and records where the floor changes. */
    private static void addFloorRanges(PreparedStatement ps, String name, FiveTierPolicy policy) throws SQLException {
        int limit = Math.max(Math.max(policy.lossOverDays(), policy.doubtfulOverDays()),
                Math.max(policy.substandardOverDays(), policy.specialMentionOverDays())) + 2;
        int start = 0;
        var current = policy.floor(0);
        for (int dpd = 1; dpd <= limit; dpd++) {
            var g = policy.floor(dpd);
            if (g != current) {
                addRange(ps, name, current.code(), start, dpd - 1);
                start = dpd;
                current = g;
            }
        }
        addRange(ps, name, current.code(), start, Integer.MAX_VALUE);
    }

    private static void addRange(PreparedStatement ps, String policy, int grade, int min, int max) throws SQLException {
        ps.setString(1, policy);
        ps.setInt(2, grade);
        ps.setInt(3, min);
        ps.setInt(4, max);
        ps.addBatch();
    }
}
