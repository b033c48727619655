package dev.loanwatch.platform.app;

import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.test.v1.CheckReply;
import dev.loanwatch.platform.test.v1.CheckRequest;
import dev.loanwatch.platform.test.v1.Notes;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The service layer speaks in rejections; the platform turns them into gRPC statuses. */
@GrpcService
public class NotesGrpcService implements Notes {

    @Override
    public Uni<CheckReply> check(CheckRequest request) {
        if (request.getText().isBlank()) {
            throw RejectedException.invalid("text", "must not be empty");
        }
        if (request.getText().equals("missing")) {
            return Uni.createFrom().failure(new RejectedException(Rejection.notFound("text", "note missing does not exist")));
        }
        return Uni.createFrom().item(CheckReply.newBuilder().setLength(request.getText().length()).build());
    }
}
