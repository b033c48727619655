package dev.loanwatch.scoring.grpc;

import dev.loanwatch.contracts.scoring.v1.FieldViolation;
import dev.loanwatch.contracts.scoring.v1.Reason;
import dev.loanwatch.contracts.scoring.v1.ScoreError;
import dev.loanwatch.contracts.scoring.v1.ScoreReply;
import dev.loanwatch.contracts.scoring.v1.ScoreRequest;
import dev.loanwatch.contracts.scoring.v1.ScoreStreamResult;
import dev.loanwatch.contracts.scoring.v1.Scoring;
import dev.loanwatch.domain.ReasonCodes;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.grpc.GrpcErrors;
import dev.loanwatch.scoring.service.Scorer;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;

/**
 * The gRPC face of scoring: {@code Score} for one row, {@code ScoreStream} for bulk callers (one
 * result per request, in order; a bad request answers with its error and the stream goes on). A call whose deadline has already passed is answered
 * DEADLINE_EXCEEDED without the work; bad rows get INVALID_ARGUMENT with a violation per feature.
 */
@GrpcService
public class ScoringGrpcService implements Scoring {
    private final Scorer scorer;

    public ScoringGrpcService(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * On the calling event loop: a row is bounded CPU work (tens of microseconds: the checks, one ONNX
     * Runtime run, the reasons) with no I/O, and the hop to a worker thread and back cost more than
     * the work: on a worker its p99 was 2.33× the empty method's at 2,000 calls/s, here 1.38–1.70×
     * (bench/scoring.sh).
     */
    @Override
    public Uni<ScoreReply> score(ScoreRequest request) {
        return Uni.createFrom().item(() -> {
            requireTime();
            return reply(scorer.score(row(request)));
        });
    }

    /**
     * Requests are taken in groups — up to {@value #GROUP} rows, or what arrived within a millisecond —
     * and each group is one ONNX Runtime run (raw, one row a run gave 67,449 rows/s, 256 a run 736,431:
     * bench/scoring.sh part a), answered row by row in order.
     */
    @Override
    public Multi<ScoreStreamResult> scoreStream(Multi<ScoreRequest> requests) {
        // requests arrive and are grouped on the event loop; each group is scored on a worker thread, in
        // order (a hop per group, not per row); the timer closes a group whether or not the answers were
        // asked for yet, so groups wait in a buffer
        return requests.group().intoLists().of(GROUP, Duration.ofMillis(1))
                .onOverflow().buffer(GROUP)
                .onItem().transformToUniAndConcatenate(group -> Uni.createFrom().item(() -> streamed(group))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().<ScoreStreamResult>disjoint();
    }

    static final int GROUP = 256;

    private List<ScoreStreamResult> streamed(List<ScoreRequest> requests) {
        List<Scorer.Outcome> outcomes;
        try {
            outcomes = scorer.scoreEach(requests.stream().map(ScoringGrpcService::row).toList());
        } catch (RejectedException e) {
            // no champion: every row of the group says so
            return requests.stream().map(r -> error(r, e)).toList();
        }
        List<ScoreStreamResult> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Scorer.Outcome o = outcomes.get(i);
            out.add(o.error() != null ? error(requests.get(i), o.error())
                    : ScoreStreamResult.newBuilder().setReply(reply(o.score())).build());
        }
        return out;
    }

    private static ScoreStreamResult error(ScoreRequest request, RejectedException e) {
        ScoreError.Builder error = ScoreError.newBuilder().setReference(request.getReference())
                .setCode(GrpcErrors.code(e.rejection().kind()).name())
                .setMessage(e.rejection().detail() == null ? "" : e.rejection().detail());
        for (FieldError f : e.errors()) {
            error.addViolations(FieldViolation.newBuilder().setField(f.field()).setDescription(f.message()));
        }
        return ScoreStreamResult.newBuilder().setError(error).build();
    }

    static Scorer.Row row(ScoreRequest r) {
        return new Scorer.Row(r.getReference(), r.getNumericMap(), r.getCategoricalMap(), new HashSet<>(r.getMissingList()));
    }

    static ScoreReply reply(Scorer.Score s) {
        ScoreReply.Builder b = ScoreReply.newBuilder().setReference(s.reference() == null ? "" : s.reference()).setPd(s.pd())
                .setPoints(s.points()).setGrade(s.grade()).setModel(s.model()).setVersion(s.version());
        for (ReasonCodes.Reason r : s.reasons()) {
            b.addReasons(Reason.newBuilder().setFeature(r.feature()).setBin(r.bin()).setPoints(r.points())
                    .setWhatIfBin(r.whatIfBin()).setPointsBelowBest(r.pointsBelowBest()));
        }
        return b.build();
    }

    private static void requireTime() {
        Deadline deadline = Context.current().getDeadline();
        if (deadline != null && deadline.isExpired()) {
            throw Status.DEADLINE_EXCEEDED.withDescription("the caller's deadline passed before the work began").asRuntimeException();
        }
    }
}
