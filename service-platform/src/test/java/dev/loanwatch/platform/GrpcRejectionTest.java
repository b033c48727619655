package dev.loanwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import dev.loanwatch.platform.test.v1.CheckRequest;
import dev.loanwatch.platform.test.v1.NotesGrpc;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rejection over real gRPC: the code of its kind and the field violations in the status details. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class GrpcRejectionTest {
    ManagedChannel channel;
    NotesGrpc.NotesBlockingStub notes;

    @BeforeEach
    void connect() {
        // gRPC is served on the HTTP port (quarkus.grpc.server.use-separate-server=false)
        channel = ManagedChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        notes = NotesGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void invalidInputIsInvalidArgumentWithFieldViolations() throws Exception {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> notes.check(CheckRequest.newBuilder().setText(" ").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        BadRequest bad = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
        assertEquals("text", bad.getFieldViolations(0).getField());
        assertEquals("must not be empty", bad.getFieldViolations(0).getDescription());
    }

    @Test
    void notFoundIsNotFound() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> notes.check(CheckRequest.newBuilder().setText("missing").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("note missing does not exist", e.getStatus().getDescription());
    }

    @Test
    void goodInputIsAnswered() {
        assertEquals(4, notes.check(CheckRequest.newBuilder().setText("fine").build()).getLength());
    }
}
