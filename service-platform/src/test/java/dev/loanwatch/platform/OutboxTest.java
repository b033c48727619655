package dev.loanwatch.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loanwatch.platform.app.NoteEvents;
import dev.loanwatch.platform.outbox.OutboxEntry;
import dev.loanwatch.platform.outbox.OutboxRelay;
import dev.loanwatch.platform.outbox.OutboxWriter;
import dev.loanwatch.platform.outbox.ReactiveOutbox;
import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.EventTap;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox as a service uses it: written in the same transaction as the change (JDBC, Hibernate
 * Reactive, the reactive client) — committed means published exactly once, rolled back means never;
 * rendered and streamed events; a relay crash at the worst moment; metrics and readiness.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxTest {
    static final String TOPIC = "platform-test.notes";
    static final Database DB = new Database("platform");
    static EventTap tap;

    @Inject
    OutboxWriter writer;
    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Pool pool;

    @BeforeAll
    static void tap() {
        tap = new EventTap(List.of(TOPIC));
    }

    @AfterAll
    static void untap() throws InterruptedException {
        tap.close();
    }

    static OutboxEntry event(String key, String text) {
        return OutboxEntry.of(UUID.randomUUID(), TOPIC, key, "NoteWritten", text.getBytes(StandardCharsets.UTF_8));
    }

    void insertNote(Connection c, UUID id, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into note (id, text) values (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, text);
            ps.executeUpdate();
        }
    }

    static long notes(UUID id) {
        return DB.count("select count(*) from note where id = '" + id + "'");
    }

    /** Waits until the relay has published everything committed so far and the tap has read it. */
    static void awaitOutboxEmpty() {
        tap.awaitAllPublished(DB);
    }

    @Test
    void jdbcCommitPublishesOnceRollbackNever() throws Exception {
        UUID kept = UUID.randomUUID(), dropped = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insertNote(c, kept, "kept");
            writer.add(c, List.of(event(kept.toString(), "kept")));
            c.commit();
            insertNote(c, dropped, "dropped");
            writer.add(c, List.of(event(dropped.toString(), "dropped")));
            c.rollback();
        }
        ConsumerRecord<String, byte[]> r = tap.await(TOPIC, kept.toString(), 1).get(0);
        assertEquals("kept", new String(r.value(), StandardCharsets.UTF_8));
        assertEquals("NoteWritten", EventTap.header(r, "event-type"));
        awaitOutboxEmpty();
        assertEquals(0, tap.of(TOPIC, dropped.toString()).size());
        assertEquals(1, tap.of(TOPIC, kept.toString()).size());
        assertEquals(0, notes(dropped));
    }

    @Test
    void hibernateReactiveTransactionCarriesTheEvent() throws Exception {
        UUID kept = UUID.randomUUID(), dropped = UUID.randomUUID();
        given().body("reactive").post("/notes/" + kept).then().statusCode(200);
        given().body("never").post("/notes/" + dropped + "?failAfterEvent=true").then().statusCode(409);
        assertEquals("reactive", new String(tap.await(TOPIC, kept.toString(), 1).get(0).value(), StandardCharsets.UTF_8));
        awaitOutboxEmpty();
        assertEquals(1, notes(kept));
        assertEquals(0, notes(dropped));
        assertEquals(0, tap.of(TOPIC, dropped.toString()).size());
    }

    @Test
    void reactiveClientTransactionCarriesTheEvent() throws Exception {
        UUID kept = UUID.randomUUID(), dropped = UUID.randomUUID();
        pool.withTransaction(conn -> conn.preparedQuery("insert into note (id, text) values ($1, $2)").execute(Tuple.of(kept, "pg"))
                .chain(() -> ReactiveOutbox.add(conn, List.of(event(kept.toString(), "pg"))))).await().atMost(Duration.ofSeconds(10));
        assertThrows(IllegalStateException.class, () -> pool.withTransaction(conn -> conn.preparedQuery(
                        "insert into note (id, text) values ($1, $2)").execute(Tuple.of(dropped, "never"))
                .chain(() -> ReactiveOutbox.add(conn, List.of(event(dropped.toString(), "never"))))
                .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("fails after the event"))))
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals("pg", new String(tap.await(TOPIC, kept.toString(), 1).get(0).value(), StandardCharsets.UTF_8));
        awaitOutboxEmpty();
        assertEquals(0, notes(dropped));
        assertEquals(0, tap.of(TOPIC, dropped.toString()).size());
    }

    @Test
    void renderedAndStreamedRowsArePublishedOnceEach() throws Exception {
        UUID note = UUID.randomUUID();
        String count = String.valueOf(12_000 + (int) (Math.random() * 1000));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insertNote(c, note, "rendered at publish time");
            writer.add(c, List.of(new OutboxEntry(UUID.randomUUID(), TOPIC, note.toString(), NoteEvents.RENDERED, null, LocalDate.now()),
                    new OutboxEntry(UUID.randomUUID(), TOPIC, count, NoteEvents.COUNTDOWN, null, LocalDate.now())));
            c.commit();
        }
        assertEquals("rendered at publish time", new String(tap.await(TOPIC, note.toString(), 1).get(0).value(), StandardCharsets.UTF_8));
        int n = Integer.parseInt(count);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tap.matching(r -> r.key().startsWith(count + "/")).size() >= n);
        awaitOutboxEmpty();
        List<ConsumerRecord<String, byte[]>> streamed = tap.matching(r -> r.key().startsWith(count + "/"));
        assertEquals(n, streamed.size());
        assertEquals(n, streamed.stream().map(r -> EventTap.header(r, "event-id")).distinct().count());
        assertEquals(NoteEvents.COUNTDOWN, EventTap.header(streamed.get(0), "event-type"));
    }

    @Test
    void aRelayDyingBetweenKafkaCommitAndBookkeepingSendsNothingTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        relay.crashAfterNextCommit();
        try (Connection c = dataSource.getConnection()) {
            writer.add(c, List.of(event(key, "once")));
        }
        tap.await(TOPIC, key, 1);
        awaitOutboxEmpty();
        // after the injected crash the relay restarted from its checkpoint and cleaned up instead of resending
        String more = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            writer.add(c, List.of(event(more, "after")));
        }
        tap.await(TOPIC, more, 1);
        assertEquals(1, tap.of(TOPIC, key).size());
    }

    @Test
    void readinessTurnsDownWhenEventsWaitTooLong() throws Exception {
        relay.stop();
        String key = UUID.randomUUID().toString();
        try {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into outbox (topic, msg_key, event_type, payload, created_at) values (?, ?, 'NoteWritten', ?, now() - interval '10 minutes')")) {
                ps.setString(1, TOPIC);
                ps.setString(2, key);
                ps.setBytes(3, "late".getBytes(StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
            // max-lag is 5 minutes by default: an event waiting 10 means nobody hears of the changes
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body("checks.find { it.name == 'outbox-relay' }.status", org.hamcrest.Matchers.equalTo("DOWN")));
        } finally {
            relay.start();
        }
        tap.await(TOPIC, key, 1);
        awaitOutboxEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void metricsAndProbes() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("outbox-relay"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("outbox-relay"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("loanwatch_outbox_published_total"))
                .body(containsString("loanwatch_outbox_backlog"))
                .body(containsString("loanwatch_outbox_oldest_age_seconds"))
                .body(containsString("loanwatch_outbox_leader 1.0"));
    }
}
