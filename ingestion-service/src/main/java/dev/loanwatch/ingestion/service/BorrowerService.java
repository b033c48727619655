package dev.loanwatch.ingestion.service;

import dev.loanwatch.contracts.EventTypes;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.ingestion.mapping.BorrowerCommand;
import dev.loanwatch.ingestion.mapping.ContentHash;
import dev.loanwatch.ingestion.mapping.Events;
import dev.loanwatch.ingestion.mapping.Fen;
import dev.loanwatch.ingestion.repository.BorrowerRepository;
import dev.loanwatch.ingestion.repository.BorrowerRow;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BorrowerService implements ChunkIngestion<BorrowerCommand, BorrowerView> {
    private final AgroalDataSource dataSource;
    private final BorrowerRepository borrowers;
    private final OutboxWriter outbox;
    private final IngestionConfig config;

    public BorrowerService(AgroalDataSource dataSource, BorrowerRepository borrowers, OutboxWriter outbox,
                           IngestionConfig config) {
        this.dataSource = dataSource;
        this.borrowers = borrowers;
        this.outbox = outbox;
        this.config = config;
    }

    /** Creates the borrowers of a chunk in one transaction; an id already stored is a replay or a conflict. */
    @Override
    @Transactional
    public List<Outcome<BorrowerView>> ingest(List<BorrowerCommand> commands) {
        try (Connection c = dataSource.getConnection()) {
            Replays replays = new Replays(borrowers.contentHashes(c, commands.stream().map(BorrowerCommand::id).toList()));
            List<Outcome<BorrowerView>> out = new ArrayList<>(commands.size());
            List<BorrowerRow> rows = new ArrayList<>();
            List<OutboxEntry> events = new ArrayList<>();
            List<Integer> replayed = new ArrayList<>();
            for (BorrowerCommand cmd : commands) {
                String hash = cmd.contentHash();
                switch (replays.judge(cmd.id(), hash)) {
                    case REPLAY -> {
                        replayed.add(out.size());
                        out.add(null);
                        continue;
                    }
                    case CHANGED -> {
                        out.add(Outcome.rejected(Rejection.conflict(
                                "borrower " + cmd.id() + " already exists with different content (use PUT to change it)")));
                        continue;
                    }
                    case NEW -> replays.accepted(cmd.id(), hash);
                }
                BorrowerRow row = toRow(cmd, 1, hash);
                rows.add(row);
                events.add(event(row));
                out.add(Outcome.created(BorrowerView.of(row)));
            }
            borrowers.insert(c, rows);
            outbox.add(c, events);
            for (int i : replayed) {
                out.set(i, Outcome.replayed(BorrowerView.of(borrowers.find(c, commands.get(i).id(), false).orElseThrow())));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes a borrower: a new revision and a new event, unless nothing changed. */
    @Transactional
    public Outcome<BorrowerView> update(BorrowerCommand cmd) {
        try (Connection c = dataSource.getConnection()) {
            Optional<BorrowerRow> current = borrowers.find(c, cmd.id(), true);
            if (current.isEmpty()) {
                return Outcome.rejected(Rejection.notFound("id", "borrower " + cmd.id() + " does not exist"));
            }
            String hash = cmd.contentHash();
            if (current.get().contentHash().equals(hash)) {
                return Outcome.replayed(BorrowerView.of(current.get()));
            }
            BorrowerRow row = toRow(cmd, current.get().revision() + 1, hash);
            borrowers.update(c, row);
            outbox.add(c, List.of(event(row)));
            return Outcome.created(BorrowerView.of(row));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<BorrowerView> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return borrowers.find(c, id, false).map(BorrowerView::of);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private BorrowerRow toRow(BorrowerCommand cmd, int revision, String hash) {
        return new BorrowerRow(cmd.id(), cmd.type().name(), cmd.name(),
                ContentHash.sha256(config.identitySalt() + cmd.identityNumber()), cmd.identityMasked(),
                cmd.regionCode(), cmd.industryCode(), cmd.businessScope(), cmd.employees(), cmd.annualRevenue(),
                cmd.totalAssets(), revision, hash);
    }

    private OutboxEntry event(BorrowerRow row) {
        UUID id = UUID.randomUUID();
        BorrowerUpserted.Builder b = BorrowerUpserted.newBuilder()
                .setMeta(Events.meta(id, LocalDate.now(config.businessZone()), Instant.now()))
                .setBorrowerId(row.id())
                .setType(BorrowerType.valueOf(row.type()))
                .setIdentityHash(row.identityHash())
                .setRegionCode(row.regionCode())
                .setRevision(row.revision());
        if ("ENTERPRISE".equals(row.type())) {
            b.setEnterpriseName(row.name());
        }
        Optional.ofNullable(row.industryCode()).ifPresent(b::setIndustryCode);
        Optional.ofNullable(row.businessScope()).ifPresent(b::setBusinessScope);
        Optional.ofNullable(row.employees()).ifPresent(b::setEmployees);
        Optional.ofNullable(row.annualRevenue()).ifPresent(v -> b.setAnnualRevenueFen(Fen.of(v)));
        Optional.ofNullable(row.totalAssets()).ifPresent(v -> b.setTotalAssetsFen(Fen.of(v)));
        return new OutboxEntry(id, config.topics().borrowers(), row.id(), EventTypes.BORROWER_UPSERTED, b.build().toByteArray(), null);
    }
}
