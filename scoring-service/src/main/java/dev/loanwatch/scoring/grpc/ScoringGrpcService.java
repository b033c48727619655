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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * The gRPC face of scoring: {@code Score} for one row, {@code ScoreStream} for bulk callers (one
 * result per request, in order; a bad request answers with its error and the stream goes on). Scoring
 * is ONNX Runtime's CPU work, on worker threads. A call whose deadline has already passed is answered
 * DEADLINE_EXCEEDED without the work; bad rows get INVALID_ARGUMENT with a violation per feature.
 */
@GrpcService
public class ScoringGrpcService implements Scoring {
    private final Scorer scorer;

    public ScoringGrpcService(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    @Blocking
    public Uni<ScoreReply> score(ScoreRequest request) {
        return Uni.createFrom().item(() -> {
            requireTime();
            return reply(scorer.score(row(request)));
        });
    }

    @Override
    @Blocking
    public Multi<ScoreStreamResult> scoreStream(Multi<ScoreRequest> requests) {
        return requests.map(this::streamed);
    }

    private ScoreStreamResult streamed(ScoreRequest request) {
        try {
            return ScoreStreamResult.newBuilder().setReply(reply(scorer.score(row(request)))).build();
        } catch (RejectedException e) {
            ScoreError.Builder error = ScoreError.newBuilder().setReference(request.getReference())
                    .setCode(GrpcErrors.code(e.rejection().kind()).name())
                    .setMessage(e.rejection().detail() == null ? "" : e.rejection().detail());
            for (FieldError f : e.errors()) {
                error.addViolations(FieldViolation.newBuilder().setField(f.field()).setDescription(f.message()));
            }
            return ScoreStreamResult.newBuilder().setError(error).build();
        }
    }

    static Scorer.Row row(ScoreRequest r) {
        Map<String, Double> numeric = new HashMap<>(r.getNumericMap());
        return new Scorer.Row(r.getReference(), numeric, r.getCategoricalMap(), new HashSet<>(r.getMissingList()));
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
