package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The off-line path against the real PostgreSQL, Kafka and Keycloak: Gilles records a person at the Guéret desk and
 * starts a journey for her, prints her receipt, asks the phone platform to call her back; Paul misses her twice and
 * reaches her the third time; later she attaches the journey to her account and sees it, with the access log.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class OfflinePathApiTest {

    private static final Actor GILLES = new Actor("00000000-0000-4000-8000-000000000005", Set.of("counter-agent"), "fs-gueret",
            Channel.DESK);
    private static final String BIRTH_DATE = "1951-11-02";
    private static final SecureRandom RANDOM = new SecureRandom();

    static CommandBus bus;

    @Inject
    DataSource database;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    /** The test database outlives a run: each run records a person of its own (letters only, as names are). */
    private static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Benali-");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    private static Map<String, Object> mohamed(String familyName) {
        return Map.of("givenNames", "Mohamed", "familyName", familyName, "birthDate", "02/11/1951",
                "phone", "05 55 12 34 56", "address", Map.of("line", "3 place du Marché", "postcode", "23000", "city", "Guéret"),
                "preferredLanguage", "ar", "accessibilityNeeds", List.of("handicap-visuel"),
                "consents", Map.of("email", false, "sms", false, "phone", true, "letter", true));
    }

    /** Gilles records a person of that name (with a phone) and starts her housing aid at the Guéret desk. */
    private static UUID aideLogementStartedAtTheDeskFor(String familyName) {
        String personId = post(DemoUser.GILLES, "/persons", Map.of("givenNames", "Mohamed", "familyName", familyName,
                "birthDate", BIRTH_DATE, "phone", "0555123456")).statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "aide-logement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        return journeyId;
    }

    private static ValidatableResponse post(DemoUser user, String path, Object body) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    private static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).get(path).then();
    }

    @Test
    void aDeskJourneyForAPersonWithoutAccountIsCalledBackThenAttached() throws SQLException {
        String familyName = uniqueFamilyName();
        String personId = post(DemoUser.GILLES, "/persons", mohamed(familyName)).statusCode(201)
                .body("identity", is("checked")).body("phone", is("+33555123456")).body("hasAccount", is(false))
                .extract().path("personId");

        // the same person again, typed differently: refused, naming the fields, never echoing the person
        String duplicate = post(DemoUser.GILLES, "/persons", Map.of("givenNames", "MOHAMED", "familyName", familyName.toUpperCase(),
                "birthDate", BIRTH_DATE)).statusCode(409).body("type", is("https://relais.example/problems/duplicate-person"))
                .body("fields", hasItems("familyName", "givenNames", "birthDate")).extract().asString();
        assertThat(duplicate).doesNotContain(familyName).doesNotContain(BIRTH_DATE);

        // exact search on normalised names, the access log records it
        post(DemoUser.PAUL, "/persons/search", Map.of("givenNames", "mohamed", "familyName", " " + familyName.toUpperCase(),
                "birthDate", "2.11.1951")).statusCode(200).body("personId", is(personId)).body("phone", is("+33555123456"));
        post(DemoUser.PAUL, "/persons/search", Map.of("givenNames", "Mohamed", "familyName", familyName,
                "birthDate", "1951-11-03")).statusCode(404).body("type", is("https://relais.example/problems/person-not-found"));

        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "cni-renouvellement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        StartJourney nobody = new StartJourney(UUID.randomUUID(), UUID.randomUUID(), GILLES, Instant.now(), "cni-renouvellement",
                UUID.randomUUID());
        bus.send(nobody);
        assertThat(bus.outcomeOf(nobody.commandId()).path("reason").asText()).isEqualTo("unknown-person");

        String resumeCode = get(DemoUser.GILLES, "/journeys/" + journeyId + "/receipt").statusCode(200)
                .body("givenNames", is("Mohamed")).body("familyName", is(familyName)).body("startedChannel", is("desk"))
                .body("startedSite", is("fs-gueret")).body("currentStep", is("identite"))
                .extract().path("resumeCode");
        get(DemoUser.CAMILLE, "/journeys/" + journeyId + "/receipt").statusCode(404);
        get(DemoUser.AGNES, "/journeys/" + journeyId + "/receipt").statusCode(404);

        // Gilles asks the platform to call him back on the number of his record
        post(DemoUser.GILLES, "/journeys/" + journeyId + "/callbacks", Map.of("consent", false, "windows", List.of("lundi-matin")))
                .statusCode(400);
        String callbackId = post(DemoUser.GILLES, "/journeys/" + journeyId + "/callbacks",
                Map.of("consent", true, "windows", List.of("lundi-matin", "mardi-matin", "mercredi-matin", "jeudi-matin",
                        "vendredi-matin"), "reasonCode", "needs-help")).statusCode(201)
                .body("phone", nullValue()).extract().path("callbackId");
        // the journey now waits for the phone: Gilles no longer holds it
        post(DemoUser.GILLES, "/journeys/" + journeyId + "/callbacks", Map.of("consent", true, "windows", List.of("lundi-matin")))
                .statusCode(404);

        String queue = get(DemoUser.PAUL, "/callbacks").statusCode(200).extract().asString();
        assertThat(queue).contains(callbackId).doesNotContain("+33555123456");
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "no-answer")).statusCode(409)
                .body("type", is("https://relais.example/problems/callback-not-taken"));

        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/take", Map.of()).statusCode(200).body("phone", is("+33555123456"));
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "no-answer")).statusCode(200)
                .body("failedAttempts", is(1)).body("closed", is(false));
        // not reached: the call back is nobody's again, Paul's queue no longer shows him its number
        String afterMiss = get(DemoUser.PAUL, "/callbacks").statusCode(200).extract().asString();
        assertThat(afterMiss).contains(callbackId).doesNotContain("+33555123456");
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/take", Map.of()).statusCode(200);
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "shouting")).statusCode(400)
                .body("reason", is("unknown-outcome"));
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "call-dropped")).statusCode(200)
                .body("failedAttempts", is(2));
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/take", Map.of()).statusCode(200);
        post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "reached")).statusCode(200)
                .body("closed", is(true)).body("journeyStatus", is("WITH_AGENT"));
        assertThat(get(DemoUser.PAUL, "/callbacks").statusCode(200).extract().asString()).doesNotContain(callbackId);
        // reached: Paul may read the journey for the call's time box
        get(DemoUser.PAUL, "/journeys/" + journeyId).statusCode(200).body("accessReason", is("claimed"));

        // later Mohamed has an account: a wrong birth date is refused, the right one attaches the journey
        post(DemoUser.MOHAMED, "/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", "01/11/1951")).statusCode(404);
        post(DemoUser.MOHAMED, "/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", "02/11/1951")).statusCode(200)
                .body("journeyId", is(journeyId.toString()));
        // another account with the right code and date: the journey is taken (her person is linked to Mohamed's account,
        // or, when his account was linked on an earlier run, the journey itself already has its owner)
        String taken = post(DemoUser.CAMILLE, "/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", "02/11/1951"))
                .statusCode(409).extract().path("type");
        assertThat(taken).isIn("https://relais.example/problems/person-linked-elsewhere",
                "https://relais.example/problems/already-attached");
        assertThat(get(DemoUser.MOHAMED, "/journeys/mine").statusCode(200).extract().asString()).contains(journeyId.toString());
        List<String> actions = get(DemoUser.MOHAMED, "/journeys/" + journeyId + "/access-log").statusCode(200)
                .extract().jsonPath().getList("action");
        assertThat(actions).contains("create", "search", "start-journey", "receipt", "callback-number-read");
        get(DemoUser.MOHAMED, "/journeys/" + journeyId).statusCode(200).body("resumeCode", is(resumeCode));
    }

    @Test
    void badPersonsAreRefusedFieldByField() {
        var errors = post(DemoUser.AGNES, "/persons", Map.of("givenNames", "", "familyName", "R2D2", "birthDate", "31/02/1990",
                "phone", "12", "email", "nobody", "preferredLanguage", "klingon", "accessibilityNeeds", List.of("x"),
                "consents", Map.of("email", true, "sms", false, "phone", false, "letter", true)))
                .statusCode(400).body("type", is("https://relais.example/problems/invalid-person"))
                .extract().jsonPath().getList("errors.field");
        assertThat(errors).contains("givenNames", "familyName", "birthDate", "phone", "email", "preferredLanguage",
                "accessibilityNeeds", "consents");
        post(DemoUser.CAMILLE, "/persons", Map.of()).statusCode(403);
        post(DemoUser.MAYA, "/persons/search", Map.of()).statusCode(403);
    }

    /**
     * Each missed call frees the call back at once, even while another instance's outbox relay holds the publication
     * lock (as in scale mode): the relay started by the same request then finds nothing to do and commits at once. It
     * once ran on the request's Vert.x context, where Panache keeps its session, so the claim-clearing write joined the
     * relay's transaction and was lost when that committed first.
     */
    @Test
    void everyMissedCallFreesTheCallBack() throws SQLException {
        String familyName = uniqueFamilyName();
        UUID journeyId = aideLogementStartedAtTheDeskFor(familyName);
        String callbackId = post(DemoUser.GILLES, "/journeys/" + journeyId + "/callbacks",
                Map.of("consent", true, "windows", List.of("lundi-matin"))).statusCode(201).extract().path("callbackId");

        try (Connection otherRelay = database.getConnection(); PreparedStatement lock = otherRelay.prepareStatement(
                "select pg_advisory_lock(hashtext('journey-service.outbox'))")) {
            lock.execute();
            try {
                missTheCallFifteenTimes(callbackId);
            } finally {
                // the pool keeps the connection open: a session-level lock must be given back by hand
                otherRelay.createStatement().execute("select pg_advisory_unlock_all()");
            }
        }
    }

    private static void missTheCallFifteenTimes(String callbackId) {
        for (int missed = 1; missed <= 15; missed++) {
            post(DemoUser.PAUL, "/callbacks/" + callbackId + "/take", Map.of()).statusCode(200).body("takenByMe", is(true));
            post(DemoUser.PAUL, "/callbacks/" + callbackId + "/attempts", Map.of("outcome", "no-answer")).statusCode(200)
                    .body("failedAttempts", is(missed)).body("closed", is(false));
            List<Map<String, Object>> queue = get(DemoUser.PAUL, "/callbacks").statusCode(200).extract().jsonPath().getList("$");
            Map<String, Object> entry = queue.stream().filter(e -> callbackId.equals(e.get("callbackId"))).findFirst().orElseThrow();
            assertThat(entry).as("after missed call %d", missed).containsEntry("takenByMe", false).doesNotContainKey("phone");
        }
    }

    @Test
    void aCallbackNobodyTookInItsWindowIsCountedOverdue() throws SQLException {
        String familyName = uniqueFamilyName();
        UUID journeyId = aideLogementStartedAtTheDeskFor(familyName);
        post(DemoUser.GILLES, "/journeys/" + journeyId + "/callbacks", Map.of("consent", true, "windows", List.of("lundi-matin")))
                .statusCode(201);
        // its window ended yesterday (the journey row is what the gauges count)
        try (Connection c = database.getConnection(); PreparedStatement late = c.prepareStatement(
                "UPDATE journey SET callback_due_at = now() - interval '1 day 4 hours', callback_window_ends_at = now() - interval '1 day' WHERE id = ?")) {
            late.setObject(1, journeyId);
            assertThat(late.executeUpdate()).isEqualTo(1);
        }
        await("the overdue gauge").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = ServiceEndpointsContract.management().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(gauge(metrics, "relais_callbacks_overdue")).isGreaterThanOrEqualTo(1);
            assertThat(metrics).doesNotContain(familyName).doesNotContain("+33555123456");
        });
    }

    @Test
    void aRelativeNamedAtTheDeskActsForTheCitizenOnlineAndItShows() {
        // Camille has an account linked to her person record: recorded at a desk once, she attached that journey
        String camille = camillesLinkedRecord();
        assertThat(camille).isNotBlank();

        String familyName = uniqueFamilyName();
        String personId = post(DemoUser.GILLES, "/persons", Map.of("givenNames", "Mohamed", "familyName", familyName,
                "birthDate", BIRTH_DATE)).statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "changement-adresse",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        post(DemoUser.GILLES, "/journeys/" + journeyId + "/aidants", Map.of("givenNames", "Nobody", "familyName", "Atall",
                "birthDate", "01/01/1980")).statusCode(404).body("type", is("https://relais.example/problems/aidant-not-found"));
        post(DemoUser.GILLES, "/journeys/" + journeyId + "/aidants", Map.of("givenNames", "camille", "familyName", "MARTIN",
                "birthDate", "12/03/1984", "duration", "ONE_WEEK")).statusCode(201).body("aidantName", is("Camille Martin"));
        get(DemoUser.AGNES, "/journeys/" + journeyId).statusCode(403);

        assertThat(get(DemoUser.CAMILLE, "/journeys/as-aidant").statusCode(200).extract().asString()).contains(journeyId.toString());
        get(DemoUser.CAMILLE, "/journeys/" + journeyId).statusCode(200).body("accessReason", is("aidant-mandate"))
                .body("resumeCode", nullValue());
        fr.relais.events.journey.ReleaseJourney release = new fr.relais.events.journey.ReleaseJourney(UUID.randomUUID(), journeyId,
                GILLES, Instant.now());
        bus.send(release);
        assertThat(bus.outcomeOf(release.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        var step = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", familyName, "prenoms", "Mohamed", "date-naissance", BIRTH_DATE));
        bus.send(step);
        assertThat(bus.outcomeOf(step.commandId()).path("status").asText()).as(bus.outcomeOf(step.commandId()).toString())
                .isEqualTo("ACCEPTED");

        // Mohamed takes his journey online: the aidant's step and reads are his to see, "by the aidant"
        String resumeCode = resumeCodeFromDatabase(journeyId);
        post(DemoUser.MOHAMED, "/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", BIRTH_DATE)).statusCode(200);
        var timeline = get(DemoUser.MOHAMED, "/journeys/" + journeyId).statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("timeline.actorRole")).contains("counter-agent", "aidant", "citizen");
        assertThat(timeline.getList("mandates.aidantName")).contains("Camille Martin");
        List<String> log = get(DemoUser.MOHAMED, "/journeys/" + journeyId + "/access-log").statusCode(200).extract()
                .jsonPath().getList("actorRole");
        assertThat(log).contains("aidant", "counter-agent");
    }

    /** Camille's person record, linked to her account through a journey started for her at a desk and attached. */
    private String camillesLinkedRecord() {
        Map<String, String> camille = Map.of("givenNames", "Camille", "familyName", "Martin", "birthDate", "1984-03-12");
        var found = post(DemoUser.GILLES, "/persons/search", camille).extract();
        if (found.statusCode() == 200 && Boolean.TRUE.equals(found.path("hasAccount"))) {
            return found.path("personId");
        }
        String personId = found.statusCode() == 200 ? found.path("personId")
                : post(DemoUser.GILLES, "/persons", camille).statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "aide-logement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        post(DemoUser.CAMILLE, "/journeys/attach", Map.of("resumeCode", resumeCodeFromDatabase(journeyId),
                "checkValue", "12/03/1984")).statusCode(200);
        return personId;
    }

    private String resumeCodeFromDatabase(UUID journeyId) {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT resume_code FROM journey WHERE id = ?")) {
            select.setObject(1, journeyId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
