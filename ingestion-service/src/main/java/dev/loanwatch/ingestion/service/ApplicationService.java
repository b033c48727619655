package dev.loanwatch.ingestion.service;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.mapping.ApplicationCommand;
import dev.loanwatch.ingestion.mapping.ApplicationCommand.Decision;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import dev.loanwatch.ingestion.repository.ApplicationRepository;
import dev.loanwatch.ingestion.repository.ApplicationRow;
import dev.loanwatch.ingestion.repository.BorrowerRepository;
import dev.loanwatch.ingestion.repository.LoanRepository;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loan applications (进件). Unlike a borrower, an application changes through the same channel it
 * arrives by (it is received, decided, then linked to its loan): a record with new content under a
 * known id is the next revision, published as a new event; the content of any revision already
 * stored is a replay. A revision may not move the application to another borrower, make a decided
 * application pending again, or unlink or relink its loan.
 */
@ApplicationScoped
public class ApplicationService implements ChunkIngestion<ApplicationCommand, ApplicationView> {
    private final AgroalDataSource dataSource;
    private final ApplicationRepository applications;
    private final BorrowerRepository borrowers;
    private final LoanRepository loans;
    private final OutboxWriter outbox;
    private final IngestionConfig config;

    public ApplicationService(AgroalDataSource dataSource, ApplicationRepository applications, BorrowerRepository borrowers,
                              LoanRepository loans, OutboxWriter outbox, IngestionConfig config) {
        this.dataSource = dataSource;
        this.applications = applications;
        this.borrowers = borrowers;
        this.loans = loans;
        this.outbox = outbox;
        this.config = config;
    }

    /** What the chunk's records refer to, read once: borrowers, the loans' borrowers, the loans already linked. */
    private record Book(Set<String> borrowerIds, Map<String, String> loanBorrowers, Map<String, String> linkedLoans) {
    }

    @Override
    @Transactional
    public List<Outcome<ApplicationView>> ingest(List<ApplicationCommand> commands) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, ApplicationRepository.Stored> stored = applications.lock(c,
                    commands.stream().map(ApplicationCommand::id).distinct().toList());
            Replays replays = Replays.ofRevisions(stored.values().stream().collect(Collectors.toMap(
                    s -> s.row().application().id(), ApplicationRepository.Stored::revisionHashes)));
            Map<String, ApplicationRow> current = new HashMap<>();
            stored.forEach((id, s) -> current.put(id, s.row()));
            List<String> loanIds = commands.stream().map(ApplicationCommand::loanId).filter(Objects::nonNull).distinct().toList();
            Book book = new Book(borrowers.existing(c, commands.stream().map(ApplicationCommand::borrowerId).distinct().toList()),
                    loans.borrowers(c, loanIds), new HashMap<>(applications.applicationsOfLoans(c, loanIds)));

            List<Outcome<ApplicationView>> out = new ArrayList<>(commands.size());
            Map<String, ApplicationRow> latest = new LinkedHashMap<>();
            List<ApplicationRow> revisions = new ArrayList<>();
            List<OutboxEntry> events = new ArrayList<>();
            List<Integer> replayed = new ArrayList<>();
            for (ApplicationCommand cmd : commands) {
                String hash = cmd.contentHash();
                if (replays.judge(cmd.id(), hash) == Replays.Verdict.REPLAY) {
                    replayed.add(out.size());
                    out.add(null);
                    continue;
                }
                ApplicationRow before = current.get(cmd.id());
                Optional<Rejection> problem = problem(cmd, before, book);
                if (problem.isPresent()) {
                    out.add(Outcome.rejected(problem.get()));
                    continue;
                }
                replays.accepted(cmd.id(), hash);
                ApplicationRow row = new ApplicationRow(cmd, before == null ? 1 : before.revision() + 1, hash);
                if (cmd.loanId() != null) {
                    book.linkedLoans().put(cmd.loanId(), cmd.id());
                }
                current.put(cmd.id(), row);
                latest.put(cmd.id(), row);
                revisions.add(row);
                events.add(event(row));
                out.add(Outcome.created(ApplicationView.of(row)));
            }
            applications.write(c, new ArrayList<>(latest.values()), revisions);
            outbox.add(c, events);
            for (int i : replayed) {
                out.set(i, Outcome.replayed(ApplicationView.of(current.get(commands.get(i).id()))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the record cannot be stored as the application's first or next revision, if it cannot. */
    private static Optional<Rejection> problem(ApplicationCommand cmd, ApplicationRow before, Book book) {
        if (before == null && !book.borrowerIds().contains(cmd.borrowerId())) {
            return Optional.of(Rejection.notFound("borrowerId", "borrower " + cmd.borrowerId() + " does not exist"));
        }
        if (before != null) {
            ApplicationCommand was = before.application();
            if (!was.borrowerId().equals(cmd.borrowerId())) {
                return Optional.of(Rejection.conflict("application " + cmd.id() + " belongs to borrower " + was.borrowerId()
                        + "; a revision cannot move it to another borrower"));
            }
            if (was.decision() != Decision.PENDING && cmd.decision() == Decision.PENDING) {
                return Optional.of(Rejection.conflict("application " + cmd.id() + " was already decided (" + was.decision()
                        + ") and cannot become PENDING again"));
            }
            if (was.loanId() != null && !was.loanId().equals(cmd.loanId())) {
                return Optional.of(Rejection.conflict("application " + cmd.id() + " is already linked to loan " + was.loanId()
                        + "; a revision cannot unlink it or link another loan"));
            }
        }
        if (cmd.loanId() != null) {
            String owner = book.loanBorrowers().get(cmd.loanId());
            if (owner == null) {
                return Optional.of(Rejection.notFound("loanId", "loan " + cmd.loanId() + " does not exist"));
            }
            if (!owner.equals(cmd.borrowerId())) {
                return Optional.of(Rejection.invalid("loanId", "loan " + cmd.loanId() + " belongs to borrower " + owner
                        + ", not to the application's borrower " + cmd.borrowerId()));
            }
            String linked = book.linkedLoans().get(cmd.loanId());
            if (linked != null && !linked.equals(cmd.id())) {
                return Optional.of(Rejection.conflict("loan " + cmd.loanId() + " was already disbursed from application " + linked));
            }
        }
        return Optional.empty();
    }

    @Transactional
    public Optional<ApplicationView> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return applications.find(c, id).map(ApplicationView::of);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboxEntry event(ApplicationRow row) {
        UUID id = UUID.randomUUID();
        ApplicationCommand a = row.application();
        ApplicationRecorded.Builder b = ApplicationRecorded.newBuilder()
                .setMeta(Events.meta(id, a.businessDate(), Instant.now()))
                .setApplicationId(a.id())
                .setBorrowerId(a.borrowerId())
                .setProduct(a.product())
                .setChannel(a.channel())
                .setAppliedOn(a.appliedOn().toString())
                .setAmountFen(Fen.of(a.amount()))
                .setTermMonths(a.termMonths())
                .setDecision(Events.decision(a.decision()))
                .setDeviation(a.deviation())
                .addAllRuleHits(a.ruleHits())
                .setModelDecision(Events.modelDecision(a.modelDecision()))
                .setRevision(row.revision());
        Optional.ofNullable(a.decidedOn()).ifPresent(d -> b.setDecidedOn(d.toString()));
        Optional.ofNullable(a.route()).ifPresent(r -> b.setRoute(Events.route(r)));
        Optional.ofNullable(a.modelScore()).ifPresent(b::setModelScore);
        Optional.ofNullable(a.rejectReason()).ifPresent(b::setRejectReason);
        Optional.ofNullable(a.riskGrade()).ifPresent(b::setRiskGrade);
        Optional.ofNullable(a.loanId()).ifPresent(b::setLoanId);
        return new OutboxEntry(id, config.topics().applications(), a.id(), EventTypes.APPLICATION_RECORDED,
                b.build().toByteArray(), null);
    }
}
