package dev.loanwatch.tagging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.contracts.Topics;
import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.contracts.events.v1.EnterpriseSize;
import dev.loanwatch.contracts.events.v1.GivenCodeStatus;
import dev.loanwatch.contracts.events.v1.TagSource;
import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loan book's borrower events in, labels out on the compacted topic — against the real broker and database. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "tagging"))
class BorrowerEventsTest {
    static final Database DB = new Database("tagging");
    static EventTap tap;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of(Topics.BORROWER_TAGS, Topics.TAGGING_DEAD_LETTER));
    }

    @AfterAll
    static void close() throws InterruptedException {
        tap.close();
    }

    @Test
    void aBorrowerWithAValidCodeIsTaggedWithItsLabelsAndSources() {
        String id = Borrowers.id("B");
        Borrowers.send(Borrowers.enterprise(id, 1, "420106", "H6210", "中餐服务；外卖送餐服务").build());
        BorrowerTags tags = tap.await(Topics.BORROWER_TAGS, id, 1).stream().map(Borrowers::tags).findFirst().orElseThrow();
        assertEquals("H", tags.getIndustry().getSection());
        assertEquals("62", tags.getIndustry().getDivision());
        assertEquals("6210", tags.getIndustry().getIndustryClass());
        assertEquals(TagSource.Kind.GIVEN, tags.getIndustry().getSource().getKind());
        assertEquals(GivenCodeStatus.VALID, tags.getIndustry().getGivenCodeStatus());
        assertEquals("湖北省", tags.getRegion().getProvinceName());
        assertEquals("武汉市", tags.getRegion().getPrefectureName());
        assertEquals("武昌区", tags.getRegion().getCountyName());
        // 餐饮业 under the SME standard: 50 persons, 3,000万 revenue → small (revenue ≥ 100万 and persons ≥ 10, < 100 persons)
        assertEquals(EnterpriseSize.SMALL, tags.getSize().getSize());
        assertEquals(List.of("CATERING"), tags.getRiskGroupsList().stream().map(g -> g.getCode()).toList());
        assertEquals(1, tags.getTagsVersion());
        assertEquals(1L, DB.count("select count(*) from borrower_tags where borrower_id = '" + id + "'"));
    }

    @Test
    void aMissingCodeIsInferredFromTheBusinessScopeWithEvidence() {
        String id = Borrowers.id("B");
        Borrowers.send(Borrowers.enterprise(id, 1, "110105", null, "物业管理；停车场服务；家政服务").build());
        BorrowerTags tags = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 1).get(0));
        assertEquals(TagSource.Kind.INFERRED, tags.getIndustry().getSource().getKind());
        assertEquals("70", tags.getIndustry().getDivision());
        assertEquals(GivenCodeStatus.ABSENT, tags.getIndustry().getGivenCodeStatus());
        assertTrue(tags.getIndustry().getSource().getConfidence() > 0);
        assertFalse(tags.getIndustry().getSource().getEvidenceList().isEmpty());
        assertTrue(tags.getRiskGroupsList().stream().anyMatch(g -> g.getCode().equals("REAL_ESTATE")));
    }

    @Test
    void aCodeTheTextContradictsIsKeptButSuspect() {
        String id = Borrowers.id("B");
        // a software house registered with a coal-mining code
        Borrowers.send(Borrowers.enterprise(id, 1, "310115", "0610", "计算机软件开发；信息系统集成服务；软件销售").build());
        BorrowerTags tags = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 1).get(0));
        assertEquals("06", tags.getIndustry().getDivision());
        assertEquals(GivenCodeStatus.SUSPECT, tags.getIndustry().getGivenCodeStatus());
        assertTrue(tags.getIndustry().getNeedsReview());
        assertEquals("65", tags.getIndustry().getInferredDivision());
    }

    @Test
    void anUnknownCodeIsIgnoredAndTheTextDecides() {
        String id = Borrowers.id("B");
        Borrowers.send(Borrowers.enterprise(id, 1, "440305", "C9999", "房屋建筑工程施工；市政公用工程施工").build());
        BorrowerTags tags = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 1).get(0));
        assertEquals(GivenCodeStatus.INVALID, tags.getIndustry().getGivenCodeStatus());
        assertEquals("C9999", tags.getIndustry().getGivenCode());
        assertEquals("47", tags.getIndustry().getDivision());
    }

    @Test
    void anIndividualHasNoEnterpriseSizeAndNoIndustryToReview() {
        String id = Borrowers.id("P");
        BorrowerUpserted event = Borrowers.enterprise(id, 1, "320102", null, null).setType(BorrowerType.INDIVIDUAL)
                .clearEnterpriseName().clearEmployees().clearAnnualRevenueFen().clearTotalAssetsFen().build();
        Borrowers.send(event);
        BorrowerTags tags = Borrowers.tags(tap.await(Topics.BORROWER_TAGS, id, 1).get(0));
        assertEquals(EnterpriseSize.NOT_APPLICABLE, tags.getSize().getSize());
        assertEquals(TagSource.Kind.NONE, tags.getIndustry().getSource().getKind());
        assertFalse(tags.getIndustry().getNeedsReview());
        assertEquals(BorrowerType.INDIVIDUAL, tags.getCustomerType());
    }

    @Test
    void aRedeliveredEventOrAnOlderRevisionPublishesNothingNewAndANewRevisionOnlyWhenLabelsChange() {
        String id = Borrowers.id("B");
        BorrowerUpserted first = Borrowers.enterprise(id, 2, "420106", "F5211", "超市零售；日用百货零售").build();
        Borrowers.send(first);
        tap.await(Topics.BORROWER_TAGS, id, 1);
        Borrowers.send(first);                                           // redelivery: same event id
        Borrowers.send(Borrowers.enterprise(id, 1, "420106", "H6210", "餐饮服务").build());   // older revision
        Borrowers.send(Borrowers.enterprise(id, 3, "420106", "F5211", "超市零售；日用百货零售").build()); // same labels
        String marker = Borrowers.id("M");
        Borrowers.send(Borrowers.enterprise(marker, 1, "420106", "F5211", "超市零售").build());
        tap.await(Topics.BORROWER_TAGS, marker, 1);                      // everything before it is processed
        tap.awaitCaughtUp();
        assertEquals(1, Borrowers.published(tap, id).size());
        assertEquals(3L, DB.count("select revision from borrower where borrower_id = '" + id + "'"));

        Borrowers.send(Borrowers.enterprise(id, 4, "420106", "H6210", "餐饮服务").build());
        List<BorrowerTags> published = tap.await(Topics.BORROWER_TAGS, id, 2).stream().map(Borrowers::tags).toList();
        assertEquals("62", published.get(1).getIndustry().getDivision());
        assertEquals(2, published.get(1).getTagsVersion());
        assertEquals(4, published.get(1).getBorrowerRevision());
    }

    @Test
    void aRecordThatIsNotABorrowerEventBecomesADeadLetterWithItsReasonAndTheRestIsTagged() {
        String bad = Borrowers.id("X");
        Borrowers.send(bad, "not protobuf at all".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
        String noType = Borrowers.id("X");
        Borrowers.send(Borrowers.enterprise(noType, 1, "420106", null, "餐饮服务").setType(BorrowerType.BORROWER_TYPE_UNSPECIFIED).build());
        String good = Borrowers.id("B");
        Borrowers.send(Borrowers.enterprise(good, 1, "420106", null, "餐饮服务").build());
        tap.await(Topics.BORROWER_TAGS, good, 1);
        var letters = tap.await(Topics.TAGGING_DEAD_LETTER, bad, 1);
        assertTrue(EventTap.header(letters.get(0), "dead-letter-reason").startsWith("INVALID: not a BorrowerUpserted message"),
                EventTap.header(letters.get(0), "dead-letter-reason"));
        var typeLetters = tap.await(Topics.TAGGING_DEAD_LETTER, noType, 1);
        assertEquals("INVALID: type must be ENTERPRISE or INDIVIDUAL", EventTap.header(typeLetters.get(0), "dead-letter-reason"));
        assertEquals(0L, DB.count("select count(*) from borrower where borrower_id in ('" + bad + "', '" + noType + "')"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> tap.of(Topics.BORROWER_TAGS, bad).isEmpty());
    }
}
