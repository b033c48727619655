package dev.loanwatch.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.TagSource;
import dev.loanwatch.contracts.tagging.v1.ClassifyIndustryRequest;
import dev.loanwatch.contracts.tagging.v1.ClassifyIndustryResponse;
import dev.loanwatch.contracts.tagging.v1.GetTagsRequest;
import dev.loanwatch.contracts.tagging.v1.TagRequest;
import dev.loanwatch.contracts.tagging.v1.TagStreamResult;
import dev.loanwatch.contracts.tagging.v1.TaggingGrpc;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import grpc.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gRPC over the real transport: answers, field violations, NOT_FOUND, deadlines, the bidirectional stream. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "tagging"))
class TaggingGrpcTest {
    ManagedChannel channel;
    TaggingGrpc.TaggingBlockingStub tagging;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        tagging = TaggingGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static TagRequest.Builder request(String id) {
        return TagRequest.newBuilder().setBorrowerId(id).setType(BorrowerType.ENTERPRISE).setRegionCode("420106")
                .setBusinessScope("餐饮服务；食品销售").setEmployees(8).setAnnualRevenueFen(50_000_000L);
    }

    @Test
    void tagAnswersAtOnceWithoutStoring() {
        BorrowerTags tags = tagging.tag(request("G-1").build());
        assertEquals("62", tags.getIndustry().getDivision());
        assertEquals(TagSource.Kind.INFERRED, tags.getIndustry().getSource().getKind());
        // 8 persons, 50万 revenue in catering → micro
        assertEquals(EnterpriseSize.MICRO, tags.getSize().getSize());
        assertEquals("武汉市", tags.getRegion().getPrefectureName());
        assertEquals(0, tags.getTagsVersion());
        assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                () -> tagging.getTags(GetTagsRequest.newBuilder().setBorrowerId("G-1").build())).getStatus().getCode());
    }

    @Test
    void badFieldsAreInvalidArgumentNamingEachField() throws Exception {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> tagging.tag(request("G-2")
                .setIndustryCode("C9999").setRegionCode("12345X").setType(BorrowerType.BORROWER_TYPE_UNSPECIFIED)
                .setBusinessScope("餐".repeat(4001)).setEmployees(-1).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        BadRequest bad = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of("type", "region_code", "industry_code", "business_scope", "employees"),
                bad.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertTrue(bad.getFieldViolations(3).getDescription().contains("at most 4000 characters"));

        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class,
                () -> tagging.tag(request("G-2").setIndustryCode("Z12").build()));
        BadRequest why = StatusProto.fromThrowable(malformed).getDetails(0).unpack(BadRequest.class);
        assertEquals("industry_code", why.getFieldViolations(0).getField());
    }

    @Test
    void classifyIndustryRanksDivisionsWithEvidenceAndAbstainsOnBoilerplate() {
        ClassifyIndustryResponse r = tagging.classifyIndustry(ClassifyIndustryRequest.newBuilder()
                .setText("房地产开发经营；物业管理；房地产经纪").setMaxCandidates(3).build());
        assertEquals("70", r.getCandidates(0).getDivision());
        assertFalse(r.getCandidates(0).getEvidenceList().isEmpty());
        assertTrue(r.getCandidatesCount() <= 3);
        ClassifyIndustryResponse none = tagging.classifyIndustry(ClassifyIndustryRequest.newBuilder()
                .setText("一般项目：除依法须经批准的项目外，凭营业执照依法自主开展经营活动").build());
        assertEquals(ClassifyIndustryResponse.Outcome.NO_EVIDENCE, none.getOutcome());
        assertEquals(0, none.getCandidatesCount());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> tagging.classifyIndustry(
                ClassifyIndustryRequest.newBuilder().setText("餐饮").setMaxCandidates(11).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }

    @Test
    void theStandardHealthServiceAnswersServing() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().build());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
    }

    @Test
    void aPassedDeadlineIsDeadlineExceeded() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> tagging.withDeadlineAfter(1, TimeUnit.NANOSECONDS).tag(request("G-3").build()));
        assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    }

    @Test
    void getTagsAnswersWhatWasPublished() throws Exception {
        String id = Borrowers.id("G");
        try (EventTap tap = new EventTap(List.of(Topics.BORROWER_TAGS))) {
            Borrowers.send(Borrowers.enterprise(id, 1, "420106", "E4700", "房屋建筑工程施工").build());
            BorrowerTags published = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 1).get(0));
            assertEquals(published, tagging.getTags(GetTagsRequest.newBuilder().setBorrowerId(id).build()));
        }
    }

    @Test
    void theStreamAnswersEveryRequestInOrderAndCarriesErrorsInBand() throws Exception {
        List<TagStreamResult> results = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<TagRequest> requests = TaggingGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .tagStream(new StreamObserver<>() {
                    public void onNext(TagStreamResult r) {
                        results.add(r);
                    }

                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        for (int i = 0; i < 200; i++) {
            requests.onNext(i == 7 ? request("S-" + i).setRegionCode("999999").build() : request("S-" + i).build());
        }
        requests.onCompleted();
        done.get(30, TimeUnit.SECONDS);
        assertEquals(200, results.size());
        assertEquals(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "S-" + i).toList(),
                results.stream().map(TagStreamResult::getBorrowerId).collect(Collectors.toList()));
        assertEquals("INVALID_ARGUMENT", results.get(7).getError().getCode());
        assertEquals("region_code", results.get(7).getError().getViolations(0).getField());
        assertEquals("62", results.get(8).getTags().getIndustry().getDivision());
    }
}
