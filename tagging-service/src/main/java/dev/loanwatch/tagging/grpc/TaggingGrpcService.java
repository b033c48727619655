package dev.loanwatch.tagging.grpc;

import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.tagging.v1.ClassifyIndustryRequest;
import dev.loanwatch.contracts.tagging.v1.ClassifyIndustryResponse;
import dev.loanwatch.contracts.tagging.v1.FieldViolation;
import dev.loanwatch.contracts.tagging.v1.GetTagsRequest;
import dev.loanwatch.contracts.tagging.v1.IndustryCandidate;
import dev.loanwatch.contracts.tagging.v1.TagError;
import dev.loanwatch.contracts.tagging.v1.TagRequest;
import dev.loanwatch.contracts.tagging.v1.TagStreamResult;
import dev.loanwatch.contracts.tagging.v1.Tagging;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.industry.IndustryInference;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.grpc.GrpcErrors;
import dev.loanwatch.tagging.model.BorrowerFacts;
import dev.loanwatch.tagging.repository.TagReads;
import dev.loanwatch.tagging.service.BorrowerTagger;
import dev.loanwatch.tagging.service.PolicyHolder;
import dev.loanwatch.tagging.service.TagRequests;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The gRPC face of tagging. {@code Tag} and {@code ClassifyIndustry} are computed in memory (the
 * policy is this pod's copy, the classifier is loaded): bounded CPU work on a text of at most
 * {@code max-scope-chars}, no I/O, so they run on the calling thread. {@code GetTags} reads with the
 * reactive client. A call whose deadline has already passed is answered DEADLINE_EXCEEDED without
 * doing the work; bad requests get INVALID_ARGUMENT with a violation per field (service-platform).
 */
@GrpcService
public class TaggingGrpcService implements Tagging {
    private final TagRequests requests;
    private final BorrowerTagger tagger;
    private final PolicyHolder policies;
    private final TagReads reads;

    public TaggingGrpcService(TagRequests requests, BorrowerTagger tagger, PolicyHolder policies, TagReads reads) {
        this.requests = requests;
        this.tagger = tagger;
        this.policies = policies;
        this.reads = reads;
    }

    @Override
    public Uni<BorrowerTags> tag(TagRequest request) {
        return Uni.createFrom().item(() -> {
            requireTime();
            return tag(requests.facts(request));
        });
    }

    @Override
    public Uni<BorrowerTags> getTags(GetTagsRequest request) {
        return Uni.createFrom().item(() -> TagRequests.id(request.getBorrowerId(), "borrower_id")).chain(reads::tags);
    }

    @Override
    public Uni<ClassifyIndustryResponse> classifyIndustry(ClassifyIndustryRequest request) {
        return Uni.createFrom().item(() -> {
            requireTime();
            requests.scope(request.getText(), "text").ifPresent(e -> {
                throw RejectedException.invalid(List.of(e));
            });
            // 0 (unset in proto3) means the default, 3
            int max = TagRequests.maxCandidates(request.getMaxCandidates() == 0 ? 3 : request.getMaxCandidates(), "max_candidates");
            return classification(tagger.classify(request.getText()), max);
        });
    }

    @Override
    public Multi<TagStreamResult> tagStream(Multi<TagRequest> requests) {
        return requests.map(this::streamed);
    }

    private TagStreamResult streamed(TagRequest request) {
        TagStreamResult.Builder result = TagStreamResult.newBuilder().setBorrowerId(request.getBorrowerId());
        try {
            return result.setTags(tag(requests.facts(request))).build();
        } catch (RejectedException e) {
            TagError.Builder error = TagError.newBuilder()
                    .setCode(GrpcErrors.code(e.rejection().kind()).name())
                    .setMessage(e.rejection().detail() == null ? "" : e.rejection().detail());
            for (FieldError f : e.errors()) {
                error.addViolations(FieldViolation.newBuilder().setField(f.field()).setDescription(f.message()));
            }
            return result.setError(error).build();
        }
    }

    private BorrowerTags tag(BorrowerFacts facts) {
        return tagger.tag(facts, policies.current()).build();
    }

    static ClassifyIndustryResponse classification(IndustryInference inference, int max) {
        ClassifyIndustryResponse.Builder response = ClassifyIndustryResponse.newBuilder()
                .setOutcome(switch (inference.outcome()) {
                    case CONFIDENT -> ClassifyIndustryResponse.Outcome.CONFIDENT;
                    case REVIEW -> ClassifyIndustryResponse.Outcome.REVIEW;
                    case NO_EVIDENCE -> ClassifyIndustryResponse.Outcome.NO_EVIDENCE;
                });
        inference.candidates().stream().limit(max).forEach(c -> {
            String code = c.industryClass() != null ? c.industryClass() : c.division();
            response.addCandidates(IndustryCandidate.newBuilder().setSection(c.section()).setDivision(c.division())
                    .setIndustryClass(c.industryClass() == null ? "" : c.industryClass())
                    .setNameZh(IndustryTaxonomy.find(code).map(IndustryTaxonomy.Entry::nameZh).orElse(""))
                    .setConfidence(c.confidence()).addAllEvidence(c.evidence()));
        });
        return response.build();
    }

    private static void requireTime() {
        Deadline deadline = Context.current().getDeadline();
        if (deadline != null && deadline.isExpired()) {
            throw Status.DEADLINE_EXCEEDED.withDescription("the caller's deadline passed before the work began").asRuntimeException();
        }
    }
}
