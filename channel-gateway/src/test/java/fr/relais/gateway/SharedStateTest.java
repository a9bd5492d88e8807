package fr.relais.gateway;

import fr.relais.events.ContractJson;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.commands.RequestFingerprints;
import fr.relais.gateway.store.ExpiredRows;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.KeycloakTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

/**
 * What several gateway instances must agree on lives in the gateway's database, or with journey-service: each test
 * writes rows as another instance would have (or leaves the instance with no memory of a command) and checks this
 * instance answers the same.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SharedStateTest {

    static final JdbcDatabase DATABASE = new JdbcDatabase("gateway_test", "gateway");
    static FakeJourneyService journeyService;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ExpiredRows expiredRows;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void start() {
        journeyService = new FakeJourneyService();
    }

    @AfterAll
    static void stop() throws Exception {
        journeyService.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    static String subject(DemoUser user) {
        return KeycloakTokens.claims(user).path("sub").asText();
    }

    static UUID journeyOf(DemoUser user) {
        UUID id = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(id, subject(user));
        return id;
    }

    @Test
    void aPollIsAnsweredFromJourneyServiceWhenThisInstanceNeverSawTheCommand() throws Exception {
        // decided while another instance waited for it: this one never read its outcome
        UUID commandId = UUID.randomUUID();
        UUID journeyId = UUID.randomUUID();
        CommandOutcome outcome = new CommandOutcome(commandId, journeyId, CommandOutcome.Status.ACCEPTED, null, null, List.of(),
                List.of(UUID.randomUUID()), 4, "WITH_AGENT", Instant.now());
        JourneyServiceStub.COMMANDS.put(commandId, new JourneyServiceStub.Decided(subject(DemoUser.CAMILLE),
                ContractJson.mapper().writeValueAsString(outcome)));

        as(DemoUser.CAMILLE).get("/api/commands/" + commandId).then().statusCode(200)
                .body("commandId", is(commandId.toString())).body("journeyId", is(journeyId.toString()))
                .body("journeyStatus", is("WITH_AGENT")).body("version", is(4));
        // someone else's command does not exist for them
        as(DemoUser.MOHAMED).get("/api/commands/" + commandId).then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("unknown-command"));
    }

    @Test
    void a202IsRecordedAsPendingAndAnyInstanceAnswersItsPollPending() {
        UUID journey = journeyOf(DemoUser.CAMILLE);
        String poll = as(DemoUser.CAMILLE).body(Map.of("answers", Map.of())).post("/api/portal/journeys/" + journey + "/steps/lent")
                .then().statusCode(202).extract().header("Location");
        UUID commandId = UUID.fromString(poll.substring(poll.lastIndexOf('/') + 1));
        assertThat(DATABASE.count("SELECT count(*) FROM pending_command WHERE command_id = ? AND subject = ? AND journey_id = ?"
                + " AND expires_at > now() + interval '14 minutes'", commandId, subject(DemoUser.CAMILLE), journey)).isEqualTo(1);
        // this instance sent it and has not read its outcome yet: pending for its sender (answered from the instance's
        // backlog), unknown to anyone else
        as(DemoUser.CAMILLE).get(poll).then().statusCode(202).body("journeyId", is(journey.toString()));
        as(DemoUser.MOHAMED).get(poll).then().statusCode(404);

        // another instance answered this 202: only the database knows it
        UUID elsewhere = UUID.randomUUID();
        UUID itsJourney = UUID.randomUUID();
        DATABASE.update("INSERT INTO pending_command (command_id, subject, journey_id, issued_at, expires_at)"
                + " VALUES (?, ?, ?, now(), now() + interval '15 minutes')", elsewhere, subject(DemoUser.CAMILLE), itsJourney);
        as(DemoUser.CAMILLE).get("/api/commands/" + elsewhere).then().statusCode(202)
                .header("Location", endsWith("/api/commands/" + elsewhere)).header("Retry-After", is("1"))
                .body("status", is("PENDING")).body("journeyId", is(itsJourney.toString()))
                .body("poll", is("/api/commands/" + elsewhere));
        as(DemoUser.MOHAMED).get("/api/commands/" + elsewhere).then().statusCode(404);

        // once its 15 minutes are over it is unknown
        DATABASE.update("UPDATE pending_command SET expires_at = now() - interval '1 second' WHERE command_id = ?", elsewhere);
        as(DemoUser.CAMILLE).get("/api/commands/" + elsewhere).then().statusCode(404);
        // and the late outcome of the first one is there for its poll, from journey-service
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(DemoUser.CAMILLE).get(poll).then().statusCode(200).body("journeyStatus", is("IN_PROGRESS")));
    }

    @Test
    void anIdempotencyKeyFirstUsedOnAnotherInstanceRefusesAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String scope = RequestFingerprints.scope(subject(DemoUser.CAMILLE), key);
        // another instance saw this key first, on another request
        DATABASE.update("INSERT INTO idempotency_key (scope, fingerprint, first_used_at, expires_at)"
                + " VALUES (?, ?, now(), now() + interval '24 hours')", scope, "POST /api/portal/journeys 0000");
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("procedureId", "cni-renouvellement"))
                .post("/api/portal/journeys").then().statusCode(422).body("type", containsString("idempotency-key-reused"));

        // a new key is stored hashed, never as sent, and its retry is the same command
        String fresh = UUID.randomUUID().toString();
        String first = as(DemoUser.CAMILLE).header("Idempotency-Key", fresh).body(Map.of("procedureId", "cni-renouvellement"))
                .post("/api/portal/journeys").then().statusCode(200).extract().path("commandId");
        assertThat(DATABASE.count("SELECT count(*) FROM idempotency_key WHERE scope = ?",
                RequestFingerprints.scope(subject(DemoUser.CAMILLE), fresh))).isEqualTo(1);
        assertThat(DATABASE.count("SELECT count(*) FROM idempotency_key WHERE scope LIKE ? OR fingerprint LIKE ?",
                "%" + fresh + "%", "%cni-renouvellement%")).isZero();
        String retried = as(DemoUser.CAMILLE).header("Idempotency-Key", fresh).body(Map.of("procedureId", "cni-renouvellement"))
                .post("/api/portal/journeys").then().statusCode(200).extract().path("commandId");
        assertThat(retried).isEqualTo(first);

        // an expired first use no longer holds the key
        DATABASE.update("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE scope = ?", scope);
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("procedureId", "cni-renouvellement"))
                .post("/api/portal/journeys").then().statusCode(200);
    }

    @Test
    void theSignalLimitCountsWhatOtherInstancesTook() {
        UUID journey = journeyOf(DemoUser.MOHAMED);
        String mohamed = subject(DemoUser.MOHAMED);
        // other instances spent his burst a moment ago
        DATABASE.update("INSERT INTO signal_bucket (caller, tokens, updated_at, expires_at) VALUES (?, 0.2, now(), now() + interval '1 minute')"
                + " ON CONFLICT (caller) DO UPDATE SET tokens = 0.2, updated_at = now(), expires_at = now() + interval '1 minute'", mohamed);
        as(DemoUser.MOHAMED).body(Map.of("kind", "step-idle", "stepId", "justificatifs"))
                .post("/api/portal/journeys/" + journey + "/signals").then().statusCode(429)
                .body("type", containsString("too-many-signals"));
        // refilled by time: one every 3 seconds
        DATABASE.update("UPDATE signal_bucket SET updated_at = now() - interval '3 seconds' WHERE caller = ?", mohamed);
        as(DemoUser.MOHAMED).body(Map.of("kind", "step-idle", "stepId", "justificatifs"))
                .post("/api/portal/journeys/" + journey + "/signals").then().statusCode(202);
        assertThat(((Number) DATABASE.query("SELECT tokens FROM signal_bucket WHERE caller = ?", mohamed).get(0).get("tokens"))
                .doubleValue()).isBetween(0.2, 0.3);
        as(DemoUser.MOHAMED).body(Map.of("kind", "step-idle", "stepId", "justificatifs"))
                .post("/api/portal/journeys/" + journey + "/signals").then().statusCode(429);
        DATABASE.update("DELETE FROM signal_bucket WHERE caller = ?", mohamed);
    }

    @Test
    void streamsOpenOnOtherInstancesCountAndExpiredOnesDoNot() throws Exception {
        String sofiane = subject(DemoUser.SOFIANE);
        DATABASE.update("DELETE FROM live_stream WHERE caller = ?", sofiane);
        List<UUID> elsewhere = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            elsewhere.add(id);
            DATABASE.update("INSERT INTO live_stream (id, caller, expires_at) VALUES (?, ?, now() + interval '60 seconds')", id, sofiane);
        }
        UUID journey = journeyOf(DemoUser.SOFIANE);
        String token = KeycloakTokens.accessToken(DemoUser.SOFIANE);
        try (LiveStream refused = LiveStream.open(live(journey), token)) {
            assertThat(refused.status()).isEqualTo(429);
        }
        // an instance that crashed stops renewing its rows: they no longer count once expired
        DATABASE.update("UPDATE live_stream SET expires_at = now() - interval '1 second' WHERE id = ?", elsewhere.get(0));
        try (LiveStream open = LiveStream.open(live(journey), token)) {
            assertThat(open.status()).isEqualTo(200);
            assertThat(DATABASE.count("SELECT count(*) FROM live_stream WHERE caller = ? AND expires_at > now()", sofiane)).isEqualTo(5);
        }
        // a closed stream deletes its row
        await().atMost(Duration.ofSeconds(10)).until(() ->
                DATABASE.count("SELECT count(*) FROM live_stream WHERE caller = ? AND expires_at > now()", sofiane) == 4);
        DATABASE.update("DELETE FROM live_stream WHERE caller = ?", sofiane);
    }

    @Test
    void expiredRowsArePurgedAndCounted() {
        double before = registry.counter("relais_gateway_purged_rows", "table", "pending_command").count();
        UUID expired = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        DATABASE.update("INSERT INTO pending_command (command_id, subject, journey_id, issued_at, expires_at)"
                + " VALUES (?, 'x', NULL, now(), now() - interval '1 second')", expired);
        DATABASE.update("INSERT INTO pending_command (command_id, subject, journey_id, issued_at, expires_at)"
                + " VALUES (?, 'x', NULL, now(), now() + interval '1 minute')", alive);
        long purged = expiredRows.purge("pending_command").await().atMost(Duration.ofSeconds(10));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(DATABASE.count("SELECT count(*) FROM pending_command WHERE command_id IN (?, ?)", expired, alive)).isEqualTo(1);
        assertThat(registry.counter("relais_gateway_purged_rows", "table", "pending_command").count()).isEqualTo(before + purged);
        DATABASE.update("DELETE FROM pending_command WHERE command_id = ?", alive);
    }

    private URI live(UUID journey) {
        return URI.create(base + "api/journeys/" + journey + "/live");
    }
}
