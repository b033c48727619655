package dev.loanwatch.ingestion.service;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.contracts.events.v1.LoanEvent;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanRestructured;
import dev.loanwatch.contracts.events.v1.LoanWrittenOff;
import dev.loanwatch.domain.AllocationLine;
import dev.loanwatch.domain.DelinquencyStatus;
import dev.loanwatch.domain.FiveTierClassification;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.Installment;
import dev.loanwatch.domain.InstallmentBalance;
import dev.loanwatch.domain.LoanTerms;
import dev.loanwatch.domain.MonthsOnBook;
import dev.loanwatch.domain.RepaymentMethod;
import dev.loanwatch.domain.Schedule;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import dev.loanwatch.ingestion.mapping.LoanCommand;
import dev.loanwatch.ingestion.mapping.RestructureCommand;
import dev.loanwatch.ingestion.mapping.WriteOffCommand;
import dev.loanwatch.ingestion.repository.BorrowerRepository;
import dev.loanwatch.ingestion.repository.InstallmentRow;
import dev.loanwatch.ingestion.repository.LoanRepository;
import dev.loanwatch.ingestion.repository.LoanRow;
import dev.loanwatch.ingestion.repository.LoanState;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class LoanService implements ChunkIngestion<LoanCommand, LoanView> {
    private final AgroalDataSource dataSource;
    private final LoanRepository loans;
    private final BorrowerRepository borrowers;
    private final OutboxWriter outbox;
    private final Policies policies;
    private final IngestionConfig config;

    public LoanService(AgroalDataSource dataSource, LoanRepository loans, BorrowerRepository borrowers,
                       OutboxWriter outbox, Policies policies, IngestionConfig config) {
        this.dataSource = dataSource;
        this.loans = loans;
        this.borrowers = borrowers;
        this.outbox = outbox;
        this.policies = policies;
        this.config = config;
    }

    @Override
    @Transactional
    public List<Outcome<LoanView>> ingest(List<LoanCommand> commands) {
        try (Connection c = dataSource.getConnection()) {
            Replays replays = new Replays(loans.contentHashes(c, commands.stream().map(LoanCommand::id).toList()));
            Set<String> borrowerIds = borrowers.existing(c, commands.stream().map(LoanCommand::borrowerId).distinct().toList());
            List<Outcome<LoanView>> out = new ArrayList<>(commands.size());
            List<LoanRow> rows = new ArrayList<>();
            List<InstallmentRow> installments = new ArrayList<>();
            List<OutboxEntry> events = new ArrayList<>();
            List<Integer> replayed = new ArrayList<>();
            for (LoanCommand cmd : commands) {
                String hash = cmd.contentHash();
                Replays.Verdict verdict = replays.judge(cmd.id(), hash);
                if (verdict == Replays.Verdict.REPLAY) {
                    replayed.add(out.size());
                    out.add(null);
                    continue;
                }
                if (verdict == Replays.Verdict.CHANGED) {
                    out.add(Outcome.rejected(Rejection.conflict("loan " + cmd.id() + " already exists with different content")));
                    continue;
                }
                if (!borrowerIds.contains(cmd.borrowerId())) {
                    out.add(Outcome.rejected(Rejection.notFound("borrowerId", "borrower " + cmd.borrowerId() + " does not exist")));
                    continue;
                }
                replays.accepted(cmd.id(), hash);
                LoanTerms t = cmd.terms();
                List<Installment> schedule = cmd.schedule();
                LoanRow row = LoanRow.opened(cmd.id(), cmd.borrowerId(), cmd.product(), cmd.channel(),
                        t.disbursementDate(), t.principal(), t.annualRate(), t.termMonths(), t.method().name(),
                        t.dueDay(), cmd.suppliedSchedule() != null, hash);
                List<InstallmentRow> rowsOfLoan = installmentRows(cmd.id(), schedule, t.disbursementDate());
                rows.add(row);
                installments.addAll(rowsOfLoan);
                events.add(opened(row, schedule));
                out.add(Outcome.created(LoanView.of(row, rowsOfLoan)));
            }
            loans.insert(c, rows);
            loans.insertInstallments(c, installments);
            outbox.add(c, events);
            for (int i : replayed) {
                String id = commands.get(i).id();
                out.set(i, Outcome.replayed(LoanView.of(loans.find(c, id, false).orElseThrow(), loans.installments(c, id))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<InstallmentRow> installmentRows(String loanId, List<Installment> schedule, LocalDate validFrom) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return schedule.stream().map(i -> new InstallmentRow(loanId, i.number(), i.dueDate(), i.principalDue(),
                i.interestDue(), zero, zero, zero, zero, validFrom, null)).toList();
    }

    private OutboxEntry opened(LoanRow row, List<Installment> schedule) {
        UUID id = UUID.randomUUID();
        LoanEvent e = LoanEvent.newBuilder()
                .setMeta(Events.meta(id, row.disbursementDate(), Instant.now()))
                .setLoanId(row.id())
                .setOpened(LoanOpened.newBuilder()
                        .setBorrowerId(row.borrowerId()).setProduct(row.product()).setChannel(row.channel())
                        .setDisbursementDate(row.disbursementDate().toString())
                        .setPrincipalFen(Fen.of(row.principal()))
                        .setAnnualRate(row.annualRate().stripTrailingZeros().toPlainString())
                        .setTermMonths(row.termMonths())
                        .setMethod(Events.method(RepaymentMethod.valueOf(row.method())))
                        .setDueDay(row.dueDay())
                        .addAllSchedule(Events.schedule(schedule)))
                .build();
        return new OutboxEntry(id, config.topics().loans(), row.id(), EventTypes.LOAN_OPENED, e.toByteArray(), null);
    }

    @Transactional
    public Optional<LoanView> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            Optional<LoanRow> row = loans.find(c, id, false);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(LoanView.of(row.get(), loans.installments(c, id)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status at the end of {@code asOf}, from the schedule in force that day and the payments
     * whose value date is on or before it — so it is right for any past date, whenever payments
     * were received.
     */
    @Transactional
    public Optional<StatusView> statusAsOf(String id, LocalDate asOf) {
        try (Connection c = dataSource.getConnection()) {
            Optional<LoanRow> row = loans.find(c, id, false);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(statusAsOf(c, row.get(), asOf));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StatusView statusAsOf(Connection c, LoanRow loan, LocalDate asOf) throws SQLException {
        if (asOf.isBefore(loan.disbursementDate())) {
            throw new RejectedException(Rejection.invalid(List.of(new dev.loanwatch.platform.error.FieldError(
                    "asOf", "is before the loan's disbursement date " + loan.disbursementDate()))));
        }
        Map<Integer, AllocationLine> paid = loans.allocatedUpTo(c, loan.id(), asOf);
        List<InstallmentBalance> balances = new ArrayList<>();
        for (InstallmentRow i : loans.installments(c, loan.id())) {
            if (!i.inForceOn(asOf)) {
                continue;
            }
            AllocationLine p = paid.get(i.number());
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            InstallmentBalance b = new InstallmentBalance(i.number(), i.dueDate(), i.principalDue(), i.interestDue(),
                    i.penaltyDue(), zero, zero, zero);
            balances.add(p == null ? b : b.plus(p));
        }
        DelinquencyStatus s = DelinquencyStatus.of(asOf, balances, config.delinquency().tolerance());
        Optional<LocalDate> restructuredOn = restructuredOn(c, loan.id());
        boolean restructured = restructuredOn.isPresent() && !restructuredOn.get().isAfter(asOf);
        FiveTierGrade grade = FiveTierClassification.classify(policies.forProduct(loan.product()), s.dpd(),
                restructured, restructured ? loan.gradeBeforeRestructuring() : null, loan.manualGrade());
        Optional<LocalDate> writtenOff = writeOffDate(c, loan.id());
        LoanState state = writtenOff.isPresent() && !writtenOff.get().isAfter(asOf) ? LoanState.WRITTEN_OFF
                : balances.stream().allMatch(InstallmentBalance::isSettled) ? LoanState.SETTLED : LoanState.OPEN;
        return new StatusView(loan.id(), asOf, state, s.dpd(), s.bucket().label(), s.stage(), grade,
                s.pastDueInstallments(), s.outstandingPrincipal(), s.overduePrincipal(), s.overdueInterest(),
                s.overduePenalty(), s.nearM2(), s.nearM3(), MonthsOnBook.of(loan.disbursementDate(), asOf));
    }

    private static Optional<LocalDate> restructuredOn(Connection c, String loanId) throws SQLException {
        return firstDate(c, "select min(effective_date) from restructure where loan_id = ?", loanId);
    }

    private static Optional<LocalDate> writeOffDate(Connection c, String loanId) throws SQLException {
        return firstDate(c, "select write_off_date from write_off where loan_id = ?", loanId);
    }

    private static Optional<LocalDate> firstDate(Connection c, String sql, String loanId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, loanId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }

    private static Optional<String> storedHash(Connection c, String sql, String loanId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, loanId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** 核销: the remaining principal and the interest already due leave the books; later payments are recoveries. */
    @Transactional
    public Outcome<LoanView> writeOff(WriteOffCommand cmd) {
        try (Connection c = dataSource.getConnection()) {
            LoanRow loan = loans.find(c, cmd.loanId(), true).orElseThrow(() ->
                    new RejectedException(Rejection.notFound("loanId", "loan " + cmd.loanId() + " does not exist")));
            Optional<String> previous = storedHash(c, "select content_hash from write_off where loan_id = ?", loan.id());
            if (previous.isPresent()) {
                if (previous.get().equals(cmd.contentHash())) {
                    return Outcome.replayed(LoanView.of(loan, loans.installments(c, loan.id())));
                }
                return Outcome.rejected(Rejection.conflict("loan " + loan.id() + " was already written off differently"));
            }
            if (loan.state() != LoanState.OPEN) {
                return Outcome.rejected(Rejection.notAllowed("loanId", "loan " + loan.id() + " is " + loan.state() + "; only an open loan can be written off"));
            }
            if (cmd.writeOffDate().isBefore(loan.disbursementDate())) {
                return Outcome.rejected(Rejection.invalid(List.of(new dev.loanwatch.platform.error.FieldError(
                        "writeOffDate", "is before the loan's disbursement date " + loan.disbursementDate()))));
            }
            StatusView s = statusAsOf(c, loan, cmd.writeOffDate());
            try (PreparedStatement ps = c.prepareStatement("insert into write_off (loan_id, write_off_date, principal, "
                    + "interest, reason, content_hash) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, loan.id());
                ps.setObject(2, cmd.writeOffDate());
                ps.setBigDecimal(3, loan.outstandingPrincipal());
                ps.setBigDecimal(4, s.overdueInterest());
                ps.setString(5, cmd.reason());
                ps.setString(6, cmd.contentHash());
                ps.executeUpdate();
            }
            loans.writeOff(c, loan.id());
            UUID id = UUID.randomUUID();
            LoanEvent e = LoanEvent.newBuilder().setMeta(Events.meta(id, cmd.writeOffDate(), Instant.now()))
                    .setLoanId(loan.id())
                    .setWrittenOff(LoanWrittenOff.newBuilder().setWriteOffDate(cmd.writeOffDate().toString())
                            .setPrincipalFen(Fen.of(loan.outstandingPrincipal())).setInterestFen(Fen.of(s.overdueInterest()))
                            .setReason(cmd.reason()))
                    .build();
            outbox.add(c, List.of(new OutboxEntry(id, config.topics().loans(), loan.id(), EventTypes.LOAN_WRITTEN_OFF, e.toByteArray(), null)));
            return Outcome.created(LoanView.of(loans.find(c, loan.id(), false).orElseThrow(), loans.installments(c, loan.id())));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 重组: from the effective date the unpaid installments are replaced by a new schedule whose
     * principal is the unpaid principal plus the interest already due and unpaid (capitalised).
     * The loan keeps at least the special-mention floor, and substandard if it was worse before.
     */
    @Transactional
    public Outcome<LoanView> restructure(RestructureCommand cmd) {
        try (Connection c = dataSource.getConnection()) {
            LoanRow loan = loans.find(c, cmd.loanId(), true).orElseThrow(() ->
                    new RejectedException(Rejection.notFound("loanId", "loan " + cmd.loanId() + " does not exist")));
            try (PreparedStatement ps = c.prepareStatement("select content_hash from restructure where loan_id = ? and effective_date = ?")) {
                ps.setString(1, loan.id());
                ps.setObject(2, cmd.effectiveDate());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getString(1).equals(cmd.contentHash())) {
                            return Outcome.replayed(LoanView.of(loan, loans.installments(c, loan.id())));
                        }
                        return Outcome.rejected(Rejection.conflict("loan " + loan.id() + " was already restructured on "
                                + cmd.effectiveDate() + " with different terms"));
                    }
                }
            }
            if (loan.state() != LoanState.OPEN) {
                return Outcome.rejected(Rejection.notAllowed("loanId", "loan " + loan.id() + " is " + loan.state() + "; only an open loan can be restructured"));
            }
            if (!cmd.effectiveDate().isAfter(loan.disbursementDate())) {
                return Outcome.rejected(Rejection.invalid(List.of(new dev.loanwatch.platform.error.FieldError(
                        "effectiveDate", "must be after the loan's disbursement date " + loan.disbursementDate()))));
            }
            StatusView before = statusAsOf(c, loan, cmd.effectiveDate());
            BigDecimal capitalised = before.overdueInterest().add(before.overduePenalty());
            BigDecimal principal = loan.outstandingPrincipal().add(capitalised);
            int maxNumber = loans.installments(c, loan.id()).stream().mapToInt(InstallmentRow::number).max().orElse(0);
            LoanTerms terms = new LoanTerms(principal, cmd.annualRate(), cmd.termMonths(), cmd.method(),
                    cmd.effectiveDate(), cmd.dueDay() != null ? cmd.dueDay() : loan.dueDay());
            List<Installment> schedule = Schedule.generate(terms).stream().map(i -> new Installment(
                    maxNumber + i.number(), i.dueDate(), i.principalDue(), i.interestDue())).toList();
            FiveTierGrade gradeBefore = before.grade();
            FiveTierGrade minimum = Policies.gradeMinimum(true, gradeBefore, loan.manualGrade());
            loans.restructure(c, loan.id(), cmd.effectiveDate(), gradeBefore, minimum, principal,
                    installmentRows(loan.id(), schedule, cmd.effectiveDate()));
            try (PreparedStatement ps = c.prepareStatement("insert into restructure (loan_id, effective_date, grade_before, "
                    + "principal, capitalised, annual_rate, term_months, method, reason, content_hash) values (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, loan.id());
                ps.setObject(2, cmd.effectiveDate());
                ps.setInt(3, gradeBefore.code());
                ps.setBigDecimal(4, principal);
                ps.setBigDecimal(5, capitalised);
                ps.setBigDecimal(6, cmd.annualRate());
                ps.setInt(7, cmd.termMonths());
                ps.setString(8, cmd.method().name());
                ps.setString(9, cmd.reason());
                ps.setString(10, cmd.contentHash());
                ps.executeUpdate();
            }
            UUID id = UUID.randomUUID();
            LoanEvent e = LoanEvent.newBuilder().setMeta(Events.meta(id, cmd.effectiveDate(), Instant.now()))
                    .setLoanId(loan.id())
                    .setRestructured(LoanRestructured.newBuilder().setEffectiveDate(cmd.effectiveDate().toString())
                            .setGradeBefore(Events.grade(gradeBefore)).setPrincipalFen(Fen.of(principal))
                            .setAnnualRate(cmd.annualRate().stripTrailingZeros().toPlainString())
                            .setTermMonths(cmd.termMonths()).setMethod(Events.method(cmd.method()))
                            .addAllSchedule(Events.schedule(schedule)).setReason(cmd.reason()))
                    .build();
            outbox.add(c, List.of(new OutboxEntry(id, config.topics().loans(), loan.id(), EventTypes.LOAN_RESTRUCTURED, e.toByteArray(), null)));
            return Outcome.created(LoanView.of(loans.find(c, loan.id(), false).orElseThrow(), loans.installments(c, loan.id())));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
