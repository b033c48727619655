package dev.loanwatch.bench;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.CustomTag;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.EventMeta;
import dev.loanwatch.contracts.events.v1.FiveTierGrade;
import dev.loanwatch.contracts.events.v1.IndustryTag;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanState;
import dev.loanwatch.contracts.events.v1.LoanStatus;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.LoanWrittenOff;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.contracts.events.v1.RegionTag;
import dev.loanwatch.contracts.events.v1.RepaymentMethod;
import dev.loanwatch.contracts.events.v1.RiskGroupTag;
import dev.loanwatch.contracts.events.v1.ScheduledInstallment;
import dev.loanwatch.contracts.events.v1.SizeTag;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RegionDirectory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A synthetic loan book published straight onto the loan book's and tagging-service's topics, as
 * their relays publish them (protobuf values, key = loan or borrower id, headers event-id and
 * event-type), deterministic from a seed.
 *
 * <p>The book is a steady state: {@code loans} slots, each holding one open loan at every month end,
 * so there are exactly loans × months month-end snapshots. A loan that matures, is paid off early or
 * is written off is replaced in the same month by a new one (the same borrower again half of the
 * time): those are the cohorts disbursed inside the window. At the first month end the loans are
 * of every age their term allows; buckets then follow a Markov chain on the days past due (C → M1
 * → … → M7+, cures and partial payments that keep a loan in its bucket), M7+ loans are written off
 * a few percent a month, and each bucket change is also a status change on the loan-status topic
 * (a C → M1 with its close date inside the month: the month's inflow). Borrowers' sections,
 * divisions, provinces, prefectures, sizes, risk groups and tags are skewed the way a regional
 * lender's book is: a few of each carry most of the loans.
 */
final class AnalyticsBook {
    static final List<String> TOPICS = List.of(Topics.BORROWER_TAGS, Topics.LOANS, Topics.LOAN_STATUS,
            Topics.MONTH_END_SNAPSHOTS);
    private static final String[] PRODUCTS = {"consumer-cash", "sme-working-capital", "auto", "mortgage-topup"};
    private static final String[] CHANNELS = {"BRANCH", "ONLINE", "PARTNER"};
    private static final int[] TERMS = {6, 12, 24, 36};
    private static final String[] RISK_GROUPS = {"WHOLESALE", "REAL_ESTATE", "LOCAL_GOV", "EXPORT", "GROUP_A"};
    private static final String[] TAGS = {"GREEN", "AGRI", "TECH"};
    /** Per bucket code 1 … 6: chance to cure (back to C) and to stay in the bucket; otherwise it rolls on. */
    private static final double[] CURE = {0, 0.50, 0.18, 0.06, 0.04, 0.03, 0.02};
    private static final double[] STAY = {0, 0.15, 0.10, 0.08, 0.05, 0.05, 0.05};

    /** What was published: the counts the read model must end up with. */
    record Published(long borrowers, long loansOpened, long snapshots, long statusChanges, long delinquencyEntries,
                     long writeOffs, long records, long bytes, double seconds) {
    }

    private final long seed;
    private final int loans;
    private final int borrowers;
    private final List<LocalDate> monthEnds;
    private final String bootstrap;

    // per slot: the loan in it now
    private final int[] generation;
    private final int[] borrowerOf;
    private final byte[] product;
    private final byte[] channel;
    private final byte[] term;
    private final int[] rateBp;
    private final long[] principal;
    private final int[] disbursedMonth;   // months since 2000-01
    private final int[] paid;             // installments paid
    private final int[] dpd;
    private final boolean[] restructured;
    private final byte[] lastBucket;

    private KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> sendError = new AtomicReference<>();
    private long events;
    private long bytes;

    AnalyticsBook(long seed, int loans, int months, String bootstrap) {
        this.seed = seed;
        this.loans = loans;
        this.borrowers = Math.max(1, loans / 2);
        this.bootstrap = bootstrap;
        List<LocalDate> ends = new ArrayList<>();
        YearMonth first = YearMonth.of(2026, 1).minusMonths(months);
        for (int i = 0; i < months; i++) {
            ends.add(first.plusMonths(i).atEndOfMonth());
        }
        this.monthEnds = List.copyOf(ends);
        generation = new int[loans];
        borrowerOf = new int[loans];
        product = new byte[loans];
        channel = new byte[loans];
        term = new byte[loans];
        rateBp = new int[loans];
        principal = new long[loans];
        disbursedMonth = new int[loans];
        paid = new int[loans];
        dpd = new int[loans];
        restructured = new boolean[loans];
        lastBucket = new byte[loans];
    }

    List<LocalDate> monthEnds() {
        return monthEnds;
    }

    int borrowers() {
        return borrowers;
    }

    /** Publishes the whole book: labels, loans opened, then month by month its status changes, write-offs, loans replaced, snapshot. */
    Published publish() throws Exception {
        long t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        long opened = 0, snapshots = 0, changes = 0, entries = 0, writeOffs = 0;
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(producerProperties())) {
            producer = p;
            Labels labels = new Labels(new SplittableRandom(seed * 31 + 7));
            for (int b = 0; b < borrowers; b++) {
                BorrowerTags t = labels.next(borrowerId(b));
                send(Topics.BORROWER_TAGS, t.getBorrowerId(), EventTypes.BORROWER_TAGGED,
                        BorrowerTagged.newBuilder().setMeta(meta()).setTags(t).build().toByteArray());
            }
            Log.info("book: %,d borrowers' labels published", borrowers);
            int start = monthIndex(monthEnds.get(0));
            for (int s = 0; s < loans; s++) {
                newLoan(r, s, -1);
                int age = r.nextInt(term[s]);     // installments already due at the first month end
                disbursedMonth[s] = start - age;
                paid[s] = age;
                double u = r.nextDouble();
                dpd[s] = u < 0.95 ? 0 : u < 0.97 ? 1 + r.nextInt(30) : u < 0.98 ? 31 + r.nextInt(30)
                        : u < 0.986 ? 61 + r.nextInt(30) : u < 0.99 ? 91 + r.nextInt(90) : 181 + r.nextInt(120);
                paid[s] = Math.max(0, paid[s] - missed(s));
                lastBucket[s] = (byte) Bucket.ofDpd(dpd[s]).code();
                open(s);
                opened++;
            }
            Log.info("book: %,d loans opened", loans);
            for (int m = 0; m < monthEnds.size(); m++) {
                LocalDate end = monthEnds.get(m);
                if (m > 0) {
                    for (int s = 0; s < loans; s++) {
                        int before = lastBucket[s];
                        int leaves = step(r, s, end);
                        if (leaves != 0) {
                            if (leaves == 2) {
                                writeOffs++;
                            }
                            newLoan(r, s, borrowerOf[s]);
                            disbursedMonth[s] = monthIndex(end);
                            paid[s] = 0;
                            dpd[s] = 0;
                            lastBucket[s] = 0;
                            open(s, end.withDayOfMonth(1 + r.nextInt(end.lengthOfMonth() - 1)));
                            opened++;
                            continue;
                        }
                        int now = Bucket.ofDpd(dpd[s]).code();
                        if (now != before) {
                            LocalDate asOf = end.minusDays(Math.min(dpd[s] % 30, end.getDayOfMonth() - 1));
                            if (before == 0) {
                                asOf = end.minusDays(Math.min(dpd[s] - 1, end.getDayOfMonth() - 1));
                                entries++;
                            }
                            change(s, asOf, before, now);
                            changes++;
                        } else if (before == 0 && now == 0 && r.nextDouble() < 0.01) {
                            // missed an installment and paid it a few days later: in and out of M1 inside the month
                            LocalDate in = end.withDayOfMonth(1 + r.nextInt(20));
                            dpd[s] = 1;
                            change(s, in, 0, 1);
                            dpd[s] = 0;
                            change(s, in.plusDays(1 + r.nextInt(5)), 1, 0);
                            changes += 2;
                            entries++;
                        }
                        lastBucket[s] = (byte) now;
                    }
                }
                for (int s = 0; s < loans; s++) {
                    LoanStatus st = status(s, end, lastBucket[s]);
                    send(Topics.MONTH_END_SNAPSHOTS, st.getLoanId(), EventTypes.MONTH_END_SNAPSHOT,
                            MonthEndSnapshot.newBuilder().setMeta(meta()).setStatus(st).build().toByteArray());
                    snapshots++;
                }
                Log.info("book: month end %s published (%,d loans opened, %,d status changes, %,d written off so far)",
                        end, opened, changes, writeOffs);
            }
            p.flush();
            if (sendError.get() != null) {
                throw new IllegalStateException("publishing the book failed", sendError.get());
            }
        } finally {
            producer = null;
        }
        return new Published(borrowers, opened, snapshots, changes, entries, writeOffs, events, bytes,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One month of loan {@code s}: 0 when it stays in the book (dpd and paid moved on), 1 when it
     * settled (matured or paid off early), 2 when it was written off (the event is published here).
     */
    private int step(SplittableRandom r, int s, LocalDate end) {
        int b = Bucket.ofDpd(dpd[s]).code();
        double u = r.nextDouble();
        if (b == 0) {
            if (paid[s] + 1 >= term[s] || u < 0.004) {
                return 1;
            }
            if (u < 0.029) {
                dpd[s] = 1 + r.nextInt(30);
            } else {
                paid[s]++;
            }
            return 0;
        }
        if (b == Bucket.M7_PLUS.code()) {
            if (u < 0.12) {
                LocalDate on = end.withDayOfMonth(15);
                long outstanding = outstanding(s);
                send(Topics.LOANS, loanId(s), EventTypes.LOAN_WRITTEN_OFF, LoanEvent.newBuilder().setMeta(meta())
                        .setLoanId(loanId(s)).setWrittenOff(LoanWrittenOff.newBuilder().setWriteOffDate(on.toString())
                                .setPrincipalFen(outstanding).setInterestFen(interest(outstanding, rateBp[s]) * 3)
                                .setReason("uncollectable")).build().toByteArray());
                return 2;
            }
            dpd[s] += end.lengthOfMonth();
            return 0;
        }
        if (u < CURE[b]) {
            paid[s] = Math.min(term[s] - 1, paid[s] + missed(s) + 1);
            dpd[s] = 0;
            if (b >= Bucket.M3.code() && r.nextDouble() < 0.3) {
                restructured[s] = true;
            }
        } else if (u < CURE[b] + STAY[b]) {
            paid[s] = Math.min(term[s] - 1, paid[s] + 1);
        } else {
            dpd[s] += end.lengthOfMonth();
        }
        return 0;
    }

    /** A new loan in slot {@code s}: the borrower {@code sameBorrower} again half of the time, else any. */
    private void newLoan(SplittableRandom r, int s, int sameBorrower) {
        generation[s] = sameBorrower < 0 ? 0 : generation[s] + 1;
        borrowerOf[s] = sameBorrower >= 0 && r.nextBoolean() ? sameBorrower : skewed(r, borrowers);
        product[s] = (byte) pick(r, 0.45, 0.30, 0.15, 0.10);
        channel[s] = (byte) pick(r, 0.35, 0.45, 0.20);
        term[s] = (byte) TERMS[pick(r, 0.10, 0.35, 0.35, 0.20)];
        rateBp[s] = 350 + r.nextInt(product[s] == 0 ? 2000 : 900);
        principal[s] = (product[s] == 1 ? 50_000_00L + r.nextLong(2_000_000_00L) : 5_000_00L + r.nextLong(200_000_00L)) / 100 * 100;
        restructured[s] = false;
    }

    private void open(int s) {
        LocalDate disbursed = YearMonth.of(2000, 1).plusMonths(disbursedMonth[s]).atDay(1 + (int) (principal[s] / 100 % 28));
        open(s, disbursed);
    }

    private void open(int s, LocalDate disbursed) {
        int n = term[s];
        long each = principal[s] / n;
        LoanOpened.Builder o = LoanOpened.newBuilder().setBorrowerId(borrowerId(borrowerOf[s])).setProduct(PRODUCTS[product[s]])
                .setChannel(CHANNELS[channel[s]]).setDisbursementDate(disbursed.toString()).setPrincipalFen(principal[s])
                .setAnnualRate(rate(rateBp[s])).setTermMonths(n).setMethod(RepaymentMethod.EQUAL_PRINCIPAL)
                .setDueDay(disbursed.getDayOfMonth());
        long left = principal[s];
        for (int i = 1; i <= n; i++) {
            long p = i == n ? left : each;
            o.addSchedule(ScheduledInstallment.newBuilder().setNumber(i).setDueDate(disbursed.plusMonths(i).toString())
                    .setPrincipalDueFen(p).setInterestDueFen(interest(left, rateBp[s])));
            left -= p;
        }
        send(Topics.LOANS, loanId(s), EventTypes.LOAN_OPENED,
                LoanEvent.newBuilder().setMeta(meta()).setLoanId(loanId(s)).setOpened(o).build().toByteArray());
    }

    private void change(int s, LocalDate asOf, int before, int now) {
        LoanStatus st = status(s, asOf, before).toBuilder().setBucket(Bucket.ofCode(now).label())
                .setPreviousBucket(Bucket.ofCode(before).label()).setGrade(grade(now)).setPreviousGrade(grade(before)).build();
        send(Topics.LOAN_STATUS, st.getLoanId(), EventTypes.LOAN_STATUS_CHANGED,
                LoanStatusChanged.newBuilder().setMeta(meta()).setStatus(st).build().toByteArray());
    }

    private LoanStatus status(int s, LocalDate asOf, int previousBucket) {
        int b = Bucket.ofDpd(dpd[s]).code();
        long outstanding = outstanding(s);
        long overdue = Math.min(outstanding, principal[s] / term[s] * missed(s));
        LocalDate disbursed = YearMonth.of(2000, 1).plusMonths(disbursedMonth[s]).atDay(1);
        return LoanStatus.newBuilder().setLoanId(loanId(s)).setBorrowerId(borrowerId(borrowerOf[s]))
                .setProduct(PRODUCTS[product[s]]).setAsOf(asOf.toString()).setDpd(dpd[s])
                .setBucket(Bucket.ofCode(b).label()).setPreviousBucket(Bucket.ofCode(previousBucket).label())
                .setGrade(grade(b)).setPreviousGrade(grade(previousBucket)).setOutstandingPrincipalFen(outstanding)
                .setOverduePrincipalFen(overdue).setOverdueInterestFen(interest(overdue, rateBp[s]) * Math.max(1, missed(s)))
                .setNearM2(b == 1 && dpd[s] >= 25).setNearM3(b == 2 && dpd[s] >= 55)
                .setMob(monthIndex(asOf) - disbursedMonth[s]).setLoanState(LoanState.OPEN)
                .setDisbursementDate(disbursed.toString()).setDisbursedPrincipalFen(principal[s])
                .setRestructured(restructured[s]).build();
    }

    private long outstanding(int s) {
        return Math.max(0, principal[s] - principal[s] / term[s] * paid[s]);
    }

    /** Installments past due: one per started 30 days. */
    private int missed(int s) {
        return (dpd[s] + 29) / 30;
    }

    private static long interest(long balanceFen, int rateBp) {
        return balanceFen * rateBp / 120_000;
    }

    private static String rate(int bp) {
        return String.format(Locale.ROOT, "0.%04d", bp);
    }

    private static FiveTierGrade grade(int bucket) {
        return bucket == 0 ? FiveTierGrade.NORMAL : bucket <= 2 ? FiveTierGrade.SPECIAL_MENTION
                : bucket == 3 ? FiveTierGrade.SUBSTANDARD : bucket <= 6 ? FiveTierGrade.DOUBTFUL : FiveTierGrade.LOSS;
    }

    private String loanId(int s) {
        return "L" + s + "-" + generation[s];
    }

    private static String borrowerId(int b) {
        return "B" + b;
    }

    private static int monthIndex(LocalDate d) {
        return (d.getYear() - 2000) * 12 + d.getMonthValue() - 1;
    }

    /** An index in [0, n) where low indexes are much more likely (a few large borrowers, regions, sections). */
    static int skewed(SplittableRandom r, int n) {
        double u = r.nextDouble();
        return Math.min(n - 1, (int) (n * u * u * u));
    }

    static int pick(SplittableRandom r, double... weights) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private long eventCounter;
    private String eventId;

    /** Event ids from the seed and a counter: as unique as random ones, without a SecureRandom call each. */
    private EventMeta meta() {
        eventId = new UUID(seed, ++eventCounter).toString();
        return EventMeta.newBuilder().setEventId(eventId).setSchemaVersion(1).setProducer("analytics-bench").build();
    }

    private void send(String topic, String key, String eventType, byte[] value) {
        if (sendError.get() != null) {
            throw new IllegalStateException("publishing the book failed", sendError.get());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", eventType.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (md, e) -> {
            if (e != null) {
                sendError.compareAndSet(null, e);
            }
        });
        events++;
        bytes += value.length;
    }

    private Properties producerProperties() {
        Properties p = KafkaBench.producerProperties(bootstrap, 20, 512 * 1024, ByteArraySerializer.class);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        // as the relays publish
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }

    /** Borrowers' labels: enterprises (80 %) with skewed sections, divisions, regions and sizes; individuals. */
    private static final class Labels {
        private final SplittableRandom r;
        private final List<IndustryTaxonomy.Entry> sections;
        private final List<RegionDirectory.Region> provinces;
        private final List<List<RegionDirectory.Region>> prefectures = new ArrayList<>();

        Labels(SplittableRandom r) {
            this.r = r;
            // the sections a lender's book has most of first: manufacturing, trade, construction, …
            List<IndustryTaxonomy.Entry> all = new ArrayList<>(IndustryTaxonomy.all(IndustryTaxonomy.Level.SECTION));
            List<String> first = List.of("C", "F", "E", "A", "G", "K", "I", "L", "M", "H");
            all.sort((a, b) -> Integer.compare(rank(first, a.code()), rank(first, b.code())));
            this.sections = all;
            List<RegionDirectory.Region> ps = new ArrayList<>();
            RegionDirectory dir = RegionDirectory.standard();
            for (RegionDirectory.Region region : dir.regions()) {
                if (region.level() == RegionDirectory.Level.PROVINCE) {
                    ps.add(region);
                }
            }
            // a lender in Guangdong: its home province first, then its neighbours
            List<String> home = List.of("440000", "450000", "430000", "350000", "360000", "460000");
            ps.sort((a, b) -> Integer.compare(rank(home, a.code()), rank(home, b.code())));
            this.provinces = ps;
            for (RegionDirectory.Region p : ps) {
                List<RegionDirectory.Region> children = new ArrayList<>();
                for (RegionDirectory.Region region : dir.regions()) {
                    if (region.level() == RegionDirectory.Level.PREFECTURE && region.parent().orElse("").equals(p.code())) {
                        children.add(region);
                    }
                }
                prefectures.add(children);
            }
        }

        private static int rank(List<String> first, String code) {
            int i = first.indexOf(code);
            return i < 0 ? first.size() : i;
        }

        BorrowerTags next(String borrowerId) {
            boolean enterprise = r.nextDouble() < 0.8;
            int pi = skewed(r, provinces.size());
            RegionDirectory.Region province = provinces.get(pi);
            List<RegionDirectory.Region> prefs = prefectures.get(pi);
            String prefecture = prefs.isEmpty() ? province.code() : prefs.get(skewed(r, prefs.size())).code();
            BorrowerTags.Builder t = BorrowerTags.newBuilder().setBorrowerId(borrowerId).setTagsVersion(1).setBorrowerRevision(1)
                    .setRegion(RegionTag.newBuilder().setProvinceCode(province.code()).setPrefectureCode(prefecture).setKnown(true));
            if (enterprise) {
                IndustryTaxonomy.Entry section = sections.get(skewed(r, sections.size()));
                List<IndustryTaxonomy.Entry> divisions = IndustryTaxonomy.children(section);
                String division = divisions.isEmpty() ? "" : divisions.get(skewed(r, divisions.size())).code();
                EnterpriseSize size = new EnterpriseSize[] {EnterpriseSize.MICRO, EnterpriseSize.SMALL, EnterpriseSize.MEDIUM,
                        EnterpriseSize.LARGE}[pick(r, 0.45, 0.35, 0.15, 0.05)];
                t.setCustomerType(BorrowerType.ENTERPRISE)
                        .setIndustry(IndustryTag.newBuilder().setSection(section.code()).setDivision(division))
                        .setSize(SizeTag.newBuilder().setSize(size));
                if (r.nextDouble() < 0.2) {
                    t.addRiskGroups(RiskGroupTag.newBuilder().setCode(RISK_GROUPS[skewed(r, RISK_GROUPS.length)]).setVersion(1));
                }
            } else {
                t.setCustomerType(BorrowerType.INDIVIDUAL).setSize(SizeTag.newBuilder().setSize(EnterpriseSize.NOT_APPLICABLE));
            }
            if (r.nextDouble() < 0.15) {
                t.addCustomTags(CustomTag.newBuilder().setCode(TAGS[r.nextInt(TAGS.length)]).setRuleVersion(1));
            }
            return t.build();
        }
    }
}
