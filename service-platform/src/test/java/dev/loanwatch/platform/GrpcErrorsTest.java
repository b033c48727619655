package dev.loanwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.BadRequest;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import dev.loanwatch.platform.grpc.GrpcErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same rejection a REST client gets as problem+json, as a gRPC client gets it. */
class GrpcErrorsTest {

    @Test
    void invalidFieldsAreFieldViolations() throws Exception {
        StatusRuntimeException e = GrpcErrors.toStatus(RejectedException.invalid(List.of(
                new FieldError("amount", "must be a plain decimal number"), new FieldError("valueDate", "is required"))));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        BadRequest bad = status.getDetails(0).unpack(BadRequest.class);
        assertEquals("amount", bad.getFieldViolations(0).getField());
        assertEquals("must be a plain decimal number", bad.getFieldViolations(0).getDescription());
        assertEquals("valueDate", bad.getFieldViolations(1).getField());
    }

    @Test
    void kindsHaveTheirCodes() {
        assertEquals(Status.Code.NOT_FOUND, GrpcErrors.of(Rejection.notFound("loanId", "loan L1 does not exist")).getStatus().getCode());
        assertEquals(Status.Code.ALREADY_EXISTS, GrpcErrors.of(Rejection.conflict("different content")).getStatus().getCode());
        assertEquals(Status.Code.FAILED_PRECONDITION, GrpcErrors.of(Rejection.notAllowed("loanId", "settled")).getStatus().getCode());
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, GrpcErrors.of(Rejection.tooLarge("too big")).getStatus().getCode());
        assertEquals("loan L1 does not exist", GrpcErrors.of(Rejection.notFound("loanId", "loan L1 does not exist")).getStatus().getDescription());
    }

    @Test
    void aBugIsInternalWithoutItsMessage() {
        StatusRuntimeException e = GrpcErrors.toStatus(new IllegalStateException("secret"));
        assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
        assertEquals("an unexpected error occurred; it has been logged", e.getStatus().getDescription());
    }
}
