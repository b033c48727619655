package dev.loanwatch.platform.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.jboss.logging.Logger;

/**
 * The same rejection a REST caller gets as problem+json, as a gRPC status: the code from the
 * rejection's kind, the detail as the message, and every bad field as a
 * {@code google.rpc.BadRequest.FieldViolation} in the status details.
 */
public final class GrpcErrors {
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static Code code(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Code.NOT_FOUND;
            case CONFLICT -> Code.ALREADY_EXISTS;
            case NOT_ALLOWED -> Code.FAILED_PRECONDITION;
            case TOO_LARGE -> Code.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Code.UNAVAILABLE;
        };
    }

    public static StatusRuntimeException of(Rejection r) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(r.kind()).getNumber())
                .setMessage(r.detail());
        if (!r.errors().isEmpty()) {
            BadRequest.Builder bad = BadRequest.newBuilder();
            for (FieldError e : r.errors()) {
                bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(e.field()).setDescription(e.message()));
            }
            status.addDetails(Any.pack(bad.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * Any failure of a gRPC method as the status a client receives: rejections mapped as above,
     * statuses kept, anything else INTERNAL without its message (logged here, never sent).
     */
    public static StatusRuntimeException toStatus(Throwable t) {
        if (t instanceof RejectedException r) {
            return of(r.rejection());
        }
        if (t instanceof StatusRuntimeException s) {
            return s;
        }
        if (t instanceof StatusException s) {
            return new StatusRuntimeException(s.getStatus(), s.getTrailers());
        }
        LOG.error("unexpected error in a gRPC call", t);
        return Status.INTERNAL.withDescription("an unexpected error occurred; it has been logged").asRuntimeException();
    }
}
