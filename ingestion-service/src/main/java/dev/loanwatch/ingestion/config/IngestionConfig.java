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

    /** Topic names: the defaults are the contract's ({@link dev.loanwatch.contracts.Topics}). */
    interface Topics {
        @WithDefault(dev.loanwatch.contracts.Topics.BORROWERS)
        String borrowers();

        @WithDefault(dev.loanwatch.contracts.Topics.LOANS)
        String loans();

        @WithDefault(dev.loanwatch.contracts.Topics.PAYMENTS)
        String payments();

        @WithDefault(dev.loanwatch.contracts.Topics.LOAN_STATUS)
        String loanStatus();

        @WithDefault(dev.loanwatch.contracts.Topics.MONTH_END_SNAPSHOTS)
        String snapshots();

        @WithDefault(dev.loanwatch.contracts.Topics.APPLICATIONS)
        String applications();

        /** Where rejected input records go, with the reason. */
        @WithDefault(dev.loanwatch.contracts.Topics.IN_DEAD_LETTER)
        String deadLetter();
    }
}
