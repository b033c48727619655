package dev.loanwatch.bench;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.RateBand;
import dev.loanwatch.domain.TermBand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rebuild's baseline: a plain KafkaConsumer (read_committed, the service's fetch settings) reads
 * the same records from the same offsets, parses the protobuf values and COPYs the rows into plain
 * tables — the month-end snapshots into {@code raw_month_end} (partitioned by month, as the service's
 * facts are), the loans, the borrowers' labels and the status changes beside it. These tables are
 * also what the plain SQL of the query baseline reads.
 */
final class RawCopy {
    /** Rows buffered per table before they go to its COPY. */
    private static final int FLUSH_BYTES = 1 << 20;

    static final String SCHEMA = """
            create table raw_borrower (borrower_id text not null, tags_version bigint not null, customer_type text not null,
                section text not null, division text not null, province text not null, prefecture text not null,
                size_class text not null, risk_groups text[] not null, custom_tags text[] not null);
            create table raw_loan (loan_id text not null, borrower_id text not null, product text not null, channel text not null,
                disbursement_date date not null, principal_fen bigint not null, annual_rate numeric(12, 8) not null,
                term_months int not null, term_band text not null, rate_band text not null, first_due date, last_due date,
                written_off_on date);
            create table raw_write_off (loan_id text not null, written_off_on date not null);
            create table raw_status (loan_id text not null, as_of date not null, bucket smallint not null,
                previous_bucket smallint not null);
            create table raw_month_end (month_end date not null, loan_id text not null, dpd int not null,
                bucket smallint not null, grade smallint not null, outstanding_fen bigint not null,
                overdue_principal_fen bigint not null, overdue_interest_fen bigint not null, near_m2 boolean not null,
                near_m3 boolean not null, restructured boolean not null, mob int not null) partition by range (month_end);
            """;

    /** What the baseline read and wrote, and how long it took. */
    record Result(long records, long snapshots, double seconds) {
    }

    private final String bootstrap;
    private final Db db;

    RawCopy(String bootstrap, Db db) {
        this.bootstrap = bootstrap;
        this.db = db;
    }

    /** The tables, and one partition per month end (the plain loader knows the months it loads). */
    void createTables(List<LocalDate> monthEnds) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            for (LocalDate m : monthEnds) {
                LocalDate first = m.withDayOfMonth(1);
                s.execute("create table raw_month_end_" + first.getYear() + "_" + first.getMonthValue()
                        + " partition of raw_month_end for values from ('" + first + "') to ('" + first.plusMonths(1) + "')");
            }
        }
    }

    /** Reads [start, end) of every partition and COPYs the rows; the clock runs from the first poll to the last commit. */
    Result run(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the service's settings (application.properties), so the difference is the work per record
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(50 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Table> tables = new LinkedHashMap<>();
        long read = 0;
        long snapshots = 0;
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            tables.put(Topics.BORROWER_TAGS, new Table(db.connect(), "raw_borrower"));
            tables.put(Topics.LOANS, new Table(db.connect(), "raw_loan"));
            tables.put(Topics.LOAN_STATUS, new Table(db.connect(), "raw_status"));
            tables.put(Topics.MONTH_END_SNAPSHOTS, new Table(db.connect(), "raw_month_end"));
            Table writeOffs = new Table(db.connect(), "raw_write_off");
            tables.put("write-offs", writeOffs);
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(e -> e.getValue() <= start.getOrDefault(e.getKey(), 0L));
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : records) {
                    read++;
                    Table t = tables.get(r.topic());
                    switch (r.topic()) {
                        case Topics.BORROWER_TAGS -> borrower(t, BorrowerTagged.parseFrom(r.value()).getTags());
                        case Topics.LOANS -> loan(t, writeOffs, LoanEvent.parseFrom(r.value()));
                        case Topics.LOAN_STATUS -> status(t, LoanStatusChanged.parseFrom(r.value()).getStatus());
                        case Topics.MONTH_END_SNAPSHOTS -> {
                            monthEnd(t, MonthEndSnapshot.parseFrom(r.value()).getStatus());
                            snapshots++;
                        }
                        default -> throw new IllegalStateException("not assigned: " + r.topic());
                    }
                }
                for (TopicPartition tp : new ArrayList<>(remaining.keySet())) {
                    if (consumer.position(tp) >= remaining.get(tp)) {
                        remaining.remove(tp);
                    }
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(60)) {
                    throw new IllegalStateException("the plain consumer read only " + read + " records in 60 minutes");
                }
            }
            for (Table t : tables.values()) {
                t.finish();
            }
        } finally {
            for (Table t : tables.values()) {
                t.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(read, snapshots, seconds);
    }

    /**
     * What the plain SQL needs besides the rows (not part of the timed baseline): write-offs onto the
     * loans, primary keys, statistics.
     */
    double index() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("update raw_loan l set written_off_on = w.written_off_on from raw_write_off w where w.loan_id = l.loan_id");
            s.execute("alter table raw_borrower add primary key (borrower_id)");
            s.execute("alter table raw_loan add primary key (loan_id)");
            s.execute("alter table raw_month_end add primary key (month_end, loan_id)");
            s.execute("create index on raw_status (as_of)");
            s.execute("vacuum analyze raw_borrower");
            s.execute("vacuum analyze raw_loan");
            s.execute("vacuum analyze raw_status");
            s.execute("vacuum analyze raw_month_end");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void borrower(Table t, BorrowerTags b) throws SQLException {
        t.row(b.getBorrowerId(), Long.toString(b.getTagsVersion()), b.getCustomerType().name(), b.getIndustry().getSection(),
                b.getIndustry().getDivision(), b.getRegion().getProvinceCode(), b.getRegion().getPrefectureCode(),
                b.getSize().getSize().name(), array(b.getRiskGroupsList().stream().map(g -> g.getCode()).toList()),
                array(b.getCustomTagsList().stream().map(g -> g.getCode()).toList()));
    }

    private static void loan(Table t, Table writeOffs, LoanEvent e) throws SQLException {
        switch (e.getEventCase()) {
            case OPENED -> {
                LoanOpened o = e.getOpened();
                String first = null;
                String last = null;
                for (ScheduledInstallment i : o.getScheduleList()) {
                    first = first == null || i.getDueDate().compareTo(first) < 0 ? i.getDueDate() : first;
                    last = last == null || i.getDueDate().compareTo(last) > 0 ? i.getDueDate() : last;
                }
                t.row(e.getLoanId(), o.getBorrowerId(), o.getProduct(), o.getChannel(), o.getDisbursementDate(),
                        Long.toString(o.getPrincipalFen()), o.getAnnualRate(), Integer.toString(o.getTermMonths()),
                        TermBand.of(o.getTermMonths()).label(), RateBand.of(new BigDecimal(o.getAnnualRate())).label(),
                        first == null ? "\\N" : first, last == null ? "\\N" : last, "\\N");
            }
            case WRITTEN_OFF -> writeOffs.row(e.getLoanId(), e.getWrittenOff().getWriteOffDate());
            default -> {
                // restructurings: the book of this benchmark has none
            }
        }
    }

    private static void status(Table t, LoanStatus s) throws SQLException {
        t.row(s.getLoanId(), s.getAsOf(), Integer.toString(Bucket.ofLabel(s.getBucket()).code()),
                Integer.toString(Bucket.ofLabel(s.getPreviousBucket()).code()));
    }

    private static void monthEnd(Table t, LoanStatus s) throws SQLException {
        t.row(s.getAsOf(), s.getLoanId(), Integer.toString(s.getDpd()), Integer.toString(Bucket.ofLabel(s.getBucket()).code()),
                Integer.toString(dev.loanwatch.domain.FiveTierGrade.valueOf(s.getGrade().name()).code()),
                Long.toString(s.getOutstandingPrincipalFen()), Long.toString(s.getOverduePrincipalFen()),
                Long.toString(s.getOverdueInterestFen()), bool(s.getNearM2()), bool(s.getNearM3()), bool(s.getRestructured()),
                Integer.toString(s.getMob()));
    }

    private static String bool(boolean b) {
        return b ? "t" : "f";
    }

    /** A text-format array literal; the codes here have no quotes, commas or backslashes. */
    private static String array(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    /** One table's COPY (text format) on its own connection, fed in chunks, committed at the end. */
    private static final class Table implements AutoCloseable {
        private final Connection c;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);

        Table(Connection c, String table) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
        }

        void row(String... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                buffer.append(values[i]);
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_BYTES) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] b = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buffer.setLength(0);
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            c.close();
        }
    }
}
