package dev.loanwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import dev.loanwatch.contracts.scoring.v1.ScoreReply;
import dev.loanwatch.contracts.scoring.v1.ScoreRequest;
import dev.loanwatch.contracts.scoring.v1.ScoreStreamResult;
import dev.loanwatch.contracts.scoring.v1.ScoringGrpc;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Model changes under load fail no request; the gRPC face answers as REST does, errors per feature. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class HotSwapAndGrpcTest {

    @Test
    @TestSecurity(user = "bob", roles = "admin")
    void activationsAndRollbacksUnderLoadFailNoRequest() throws Exception {
        String name = "swap-" + System.nanoTime();
        String v1 = Models.card("scorecard", name, "1");
        Models.upload(Models.onnx("scorecard"), v1).statusCode(201);
        Models.upload(Models.onnx("scorecard"), Models.card("scorecard", name, "2")).statusCode(201);
        given().post("/models/" + name + "/1/activate").then().statusCode(200);
        Map<String, Object> row = Models.probeRequest(v1, 0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Void>> load = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            load.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    var r = given().contentType(ContentType.JSON).body(row).post("/scores").then().extract();
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(r.statusCode() + " " + r.asString());
                    }
                }
            }, callers));
        }
        try {
            for (int i = 0; i < 6; i++) {
                given().post("/models/" + name + "/2/activate").then().statusCode(200);
                given().post("/models/" + name + "/rollback").then().statusCode(200);
            }
        } finally {
            stop.set(true);
            CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            callers.shutdown();
        }
        assertEquals(List.of(), failures);
        assertTrue(ok.get() > 0);
        // the first activation, then six activations of version 2 and six rollbacks to version 1
        assertEquals(13, JsonPath.from(given().get("/models/audit").asString())
                .getList("findAll { it.subject.startsWith('model " + name + " ') && it.action != 'UPLOADED' }").size());
    }

    @Test
    @TestSecurity(user = "bob", roles = "admin")
    void grpcScoresAndNamesEveryBadFeature() throws Exception {
        String card = Models.card("scorecard", "grpc-" + System.nanoTime(), "1");
        Models.upload(Models.onnx("scorecard"), card).statusCode(201);
        given().post("/models/" + JsonPath.from(card).getString("name") + "/1/activate").then().statusCode(200);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        try {
            var scoring = ScoringGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
            ScoreReply reply = scoring.score(request(Models.probeRequest(card, 2)).build());
            assertEquals(Models.probePd(card, 2), reply.getPd(), 1e-6);
            assertEquals("probe-2", reply.getReference());

            StatusRuntimeException bad = assertThrows(StatusRuntimeException.class,
                    () -> scoring.score(request(Models.probeRequest(card, 2)).putNumeric("shoe_size", 42)
                            .putNumeric("principal", Double.NaN).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
            BadRequest details = StatusProto.fromThrowable(bad).getDetails(0).unpack(BadRequest.class);
            List<String> fields = details.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList();
            assertTrue(fields.containsAll(List.of("numeric.shoe_size", "numeric.principal")), fields.toString());

            // the stream: one result per request, in order, the bad one with its error
            List<ScoreStreamResult> results = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            StreamObserver<ScoreRequest> requests = ScoringGrpc.newStub(channel).scoreStream(new StreamObserver<>() {
                @Override
                public void onNext(ScoreStreamResult r) {
                    results.add(r);
                }

                @Override
                public void onError(Throwable t) {
                    done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                    done.complete(null);
                }
            });
            requests.onNext(request(Models.probeRequest(card, 0)).build());
            requests.onNext(request(Models.probeRequest(card, 1)).putCategorical("weather", "rain").build());
            requests.onNext(request(Models.probeRequest(card, 2)).build());
            requests.onCompleted();
            done.get(20, TimeUnit.SECONDS);
            assertEquals(3, results.size());
            assertEquals("probe-0", results.get(0).getReply().getReference());
            assertEquals("INVALID_ARGUMENT", results.get(1).getError().getCode());
            assertEquals("categorical.weather", results.get(1).getError().getViolations(0).getField());
            assertEquals("probe-2", results.get(2).getReply().getReference());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static ScoreRequest.Builder request(Map<String, Object> row) {
        ScoreRequest.Builder b = ScoreRequest.newBuilder().setReference((String) row.get("reference"));
        ((Map<String, Object>) row.get("numeric")).forEach((k, v) -> b.putNumeric(k, ((Number) v).doubleValue()));
        ((Map<String, Object>) row.get("categorical")).forEach((k, v) -> b.putCategorical(k, (String) v));
        b.addAllMissing((List<String>) row.get("missing"));
        return b;
    }
}
