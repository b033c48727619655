package dev.loanwatch.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

@ConfigMapping(prefix = "loanwatch")
public interface IngestionConfig {

    /** The lender's business time zone: "today" and the scheduled close use it. */
    @WithDefault("Asia/Shanghai")
    ZoneId businessZone();

    /** Mixed into identity-number hashes so that a hash cannot be looked up in a table of all IDs. */
    @WithDefault("loanwatch-dev-salt")
    String identitySalt();

    Delinquency delinquency();

    Close close();

    Imports imports();

    Outbox outbox();

    Topics topics();

    /** Product name → five-tier policy name (COMMERCIAL_BANK_2023, CREDIT_CARD). */
    Map<String, String> productPolicy();

    @WithDefault("COMMERCIAL_BANK_2023")
    String defaultPolicy();

    interface Delinquency {
        /** An installment is past due only when more than this is unpaid (DOMAIN.md §2; 0 by default, 50 for CPD). */
        @WithDefault("0")
        BigDecimal tolerance();
    }

    interface Close {
        /** Close the previous business date on a schedule. Off in tests and when a simulator drives dates. */
        @WithDefault("true")
        boolean scheduled();
    }

    interface Imports {
        /** Rows per database transaction. */
        @WithDefault("2000")
        int chunkSize();

        /** Where uploaded files wait while a job runs. */
        @WithDefault("${java.io.tmpdir}/loanwatch-imports")
        String spoolDirectory();

        @WithDefault("4294967296")
        long maxFileBytes();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("5000")
        int batchSize();

        /** Fixed per deployment: a new relay instance fences the previous one (Kafka transactions). */
        @WithDefault("ingestion-outbox-relay")
        String transactionalId();

        @WithDefault("25")
        long idleMillis();
    }

    interface Topics {
        @WithDefault("loanbook.borrowers")
        String borrowers();

        @WithDefault("loanbook.loans")
        String loans();

        @WithDefault("loanbook.payments")
        String payments();

        @WithDefault("loanbook.loan-status")
        String loanStatus();

        @WithDefault("loanbook.month-end-snapshots")
        String snapshots();

        @WithDefault("loanbook.outbox-checkpoints")
        String outboxCheckpoints();
    }
}
