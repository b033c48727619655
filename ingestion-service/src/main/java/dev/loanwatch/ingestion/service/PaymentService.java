package dev.loanwatch.ingestion.service;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.contracts.events.v1.AllocatedAmount;
import dev.loanwatch.contracts.events.v1.PaymentReceived;
import dev.loanwatch.domain.Allocation;
import dev.loanwatch.domain.AllocationLine;
import dev.loanwatch.domain.InstallmentBalance;
import dev.loanwatch.domain.PaymentAllocation;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.ingestion.mapping.PaymentCommand;
import dev.loanwatch.ingestion.repository.LoanRepository;
import dev.loanwatch.ingestion.repository.LoanRepository.BalanceUpdate;
import dev.loanwatch.ingestion.repository.LoanRepository.PaidUpdate;
import dev.loanwatch.ingestion.repository.LoanRow;
import dev.loanwatch.ingestion.repository.LoanState;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxWriter;
import dev.loanwatch.ingestion.repository.PaymentRepository;
import dev.loanwatch.ingestion.repository.PaymentRepository.PaymentRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaymentService implements ChunkIngestion<PaymentCommand, PaymentView> {
    /** Installments read per loan up front; the rest only for a payment that reaches past them. */
    static final int FIRST_OWED = 6;

    private final AgroalDataSource dataSource;
    private final LoanRepository loans;
    private final PaymentRepository payments;
    private final OutboxWriter outbox;
    private final IngestionConfig config;

    public PaymentService(AgroalDataSource dataSource, LoanRepository loans, PaymentRepository payments,
                          OutboxWriter outbox, IngestionConfig config) {
        this.dataSource = dataSource;
        this.loans = loans;
        this.payments = payments;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Allocates a chunk of payments in one transaction: the loans are locked, their owed
     * installments read once, every payment allocated in arrival order by the domain core
     * (several payments of one loan see each other), and all changes written set-based.
     */
    @Override
    @Transactional
    public List<Outcome<PaymentView>> ingest(List<PaymentCommand> commands) {
        try (Connection c = dataSource.getConnection()) {
            Replays replays = new Replays(payments.contentHashes(c, commands.stream().map(PaymentCommand::id).toList()));
            Map<String, LoanRow> loanRows = loans.lock(c, commands.stream().map(PaymentCommand::loanId).distinct().sorted().toList());
            Map<String, List<InstallmentBalance>> owed = loans.owed(c, loanRows.keySet(), FIRST_OWED);
            // loans whose payments in this chunk may reach past the first installments: read all of them at once
            Map<String, BigDecimal> paying = new HashMap<>();
            commands.forEach(cmd -> paying.merge(cmd.loanId(), cmd.amount(), BigDecimal::add));
            List<String> reachFurther = new ArrayList<>();
            owed.forEach((id, first) -> {
                BigDecimal unpaid = first.stream().map(InstallmentBalance::unpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (first.size() >= FIRST_OWED && unpaid.compareTo(paying.get(id)) <= 0) {
                    reachFurther.add(id);
                }
            });
            if (!reachFurther.isEmpty()) {
                owed.putAll(loans.owed(c, reachFurther, Integer.MAX_VALUE));
            }
            Map<String, LoanBalance> balances = new LinkedHashMap<>();
            Map<String, PaidUpdate> paidUpdates = new LinkedHashMap<>();
            List<PaymentRow> rows = new ArrayList<>();
            List<OutboxEntry> events = new ArrayList<>();
            List<Outcome<PaymentView>> out = new ArrayList<>(commands.size());
            List<Integer> replayed = new ArrayList<>();
            for (PaymentCommand cmd : commands) {
                String hash = cmd.contentHash();
                Replays.Verdict verdict = replays.judge(cmd.id(), hash);
                if (verdict == Replays.Verdict.REPLAY) {
                    replayed.add(out.size());
                    out.add(null);
                    continue;
                }
                if (verdict == Replays.Verdict.CHANGED) {
                    out.add(Outcome.rejected(Rejection.conflict("payment " + cmd.id() + " already exists with different content")));
                    continue;
                }
                LoanRow loan = loanRows.get(cmd.loanId());
                if (loan == null) {
                    out.add(Outcome.rejected(Rejection.notFound("loanId", "loan " + cmd.loanId() + " does not exist")));
                    continue;
                }
                LoanBalance balance = balances.computeIfAbsent(loan.id(), k -> new LoanBalance(loan, owed.getOrDefault(k, List.of())));
                if (!balance.covers(cmd.amount())) {
                    balance.loadRest(loans.owed(c, List.of(loan.id()), Integer.MAX_VALUE).get(loan.id()));
                }
                if (balance.state == LoanState.SETTLED) {
                    out.add(Outcome.rejected(Rejection.notAllowed("loanId", "loan " + loan.id() + " is settled (closed); a payment cannot be applied")));
                    continue;
                }
                if (cmd.valueDate().isBefore(loan.disbursementDate())) {
                    out.add(Outcome.rejected(Rejection.invalid(List.of(new FieldError("valueDate",
                            "is before the loan's disbursement date " + loan.disbursementDate())))));
                    continue;
                }
                replays.accepted(cmd.id(), hash);
                Allocation allocation = PaymentAllocation.allocate(balance.installments, cmd.amount());
                balance.apply(allocation);
                for (AllocationLine line : allocation.lines()) {
                    InstallmentBalance b = balance.byNumber(line.installment());
                    paidUpdates.put(loan.id() + "#" + line.installment(), new PaidUpdate(loan.id(), b.number(),
                            b.principalPaid(), b.interestPaid(), b.penaltyPaid()));
                }
                PaymentRow row = new PaymentRow(cmd.id(), loan.id(), cmd.valueDate(), cmd.amount(), allocation.credit(),
                        balance.outstanding, balance.state, hash, allocation.lines());
                rows.add(row);
                events.add(event(row));
                out.add(Outcome.created(view(row)));
            }
            payments.insert(c, rows);
            loans.updatePaid(c, new ArrayList<>(paidUpdates.values()));
            loans.updateBalances(c, balances.values().stream().filter(b -> b.changed)
                    .map(b -> new BalanceUpdate(b.loanId, b.outstanding, b.credit, b.state)).toList());
            outbox.add(c, events);
            for (int i : replayed) {
                out.set(i, Outcome.replayed(load(c, commands.get(i).id()).orElseThrow()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<PaymentView> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<PaymentView> load(Connection c, String id) throws SQLException {
        return payments.find(c, id).map(PaymentService::view);
    }

    private static PaymentView view(PaymentRow r) {
        return new PaymentView(r.id(), r.loanId(), r.valueDate(), r.amount(), r.allocation(), r.credit(), r.outstandingAfter(),
                r.loanStateAfter());
    }

    private OutboxEntry event(PaymentRow r) {
        List<AllocationLine> lines = r.allocation();
        UUID id = UUID.randomUUID();
        PaymentReceived e = PaymentReceived.newBuilder()
                .setMeta(Events.meta(id, r.valueDate(), Instant.now()))
                .setPaymentId(r.id()).setLoanId(r.loanId()).setValueDate(r.valueDate().toString())
                .setAmountFen(Fen.of(r.amount()))
                .addAllAllocation(lines.stream().map(l -> AllocatedAmount.newBuilder().setInstallment(l.installment())
                        .setPenaltyFen(Fen.of(l.penalty())).setInterestFen(Fen.of(l.interest()))
                        .setPrincipalFen(Fen.of(l.principal())).build()).toList())
                .setCreditFen(Fen.of(r.credit()))
                .setOutstandingPrincipalFen(Fen.of(r.outstandingAfter()))
                .setLoanState(Events.loanState(r.loanStateAfter()))
                .build();
        return new OutboxEntry(id, config.topics().payments(), r.loanId(), EventTypes.PAYMENT_RECEIVED, e.toByteArray(), null);
    }

    /** A loan's owed installments and balances while a chunk is being allocated. */
    private static final class LoanBalance {
        final String loanId;
        final List<InstallmentBalance> installments;
        BigDecimal outstanding;
        BigDecimal credit;
        LoanState state;
        boolean changed;

        /** Whether every installment the loan still owes is loaded (fewer than asked for came back). */
        boolean complete;

        LoanBalance(LoanRow loan, List<InstallmentBalance> owed) {
            this.loanId = loan.id();
            this.installments = new ArrayList<>(owed);
            this.complete = owed.size() != FIRST_OWED;
            this.outstanding = loan.outstandingPrincipal();
            this.credit = loan.credit();
            this.state = loan.state();
        }

        /** Whether the loaded installments are enough to allocate {@code amount} as if all were loaded. */
        boolean covers(BigDecimal amount) {
            if (complete) {
                return true;
            }
            BigDecimal unpaid = BigDecimal.ZERO;
            for (InstallmentBalance b : installments) {
                unpaid = unpaid.add(b.unpaid());
            }
            // strictly more: a payment of exactly everything loaded may be paying off the loan, which needs all of it
            return unpaid.compareTo(amount) > 0;
        }

        /** Adds the installments not loaded yet; those loaded keep what this chunk already allocated to them. */
        void loadRest(List<InstallmentBalance> all) {
            java.util.Set<Integer> loaded = new java.util.HashSet<>();
            installments.forEach(b -> loaded.add(b.number()));
            for (InstallmentBalance b : all) {
                if (!loaded.contains(b.number())) {
                    installments.add(b);
                }
            }
            complete = true;
        }

        InstallmentBalance byNumber(int number) {
            for (InstallmentBalance b : installments) {
                if (b.number() == number) {
                    return b;
                }
            }
            throw new IllegalStateException("installment " + number + " of " + loanId + " not loaded");
        }

        void apply(Allocation allocation) {
            for (AllocationLine line : allocation.lines()) {
                for (int i = 0; i < installments.size(); i++) {
                    if (installments.get(i).number() == line.installment()) {
                        installments.set(i, installments.get(i).plus(line));
                    }
                }
                outstanding = outstanding.subtract(line.principal());
            }
            credit = credit.add(allocation.credit());
            // a written-off loan stays written off: what it receives is a recovery
            // settled only when every installment is loaded and paid (covers() loads the rest before
            // a payment that could pay everything)
            if (state == LoanState.OPEN && complete && installments.stream().allMatch(InstallmentBalance::isSettled)) {
                state = LoanState.SETTLED;
            }
            changed = true;
        }
    }
}
