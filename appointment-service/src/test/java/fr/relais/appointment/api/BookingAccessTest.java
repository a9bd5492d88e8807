package fr.relais.appointment.api;

import fr.relais.appointment.BookingComponentTest;
import fr.relais.appointment.Journeys;
import fr.relais.appointment.TestTopics;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static fr.relais.appointment.api.BookingApiTest.PARIS;
import static fr.relais.appointment.api.BookingApiTest.as;
import static fr.relais.appointment.api.BookingApiTest.hold;
import static fr.relais.appointment.api.BookingApiTest.holdBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Security issue #15, with real tokens: holds only on a known journey of the caller's, for a step of its procedure,
 * within the citizen's quota; staff reach a booking only with a reason on its journey (otherwise it does not exist
 * for them), and each staff access reaches appointment.events as BookingAccessed for the citizen's access log.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BookingAccessTest extends BookingComponentTest {

    @Test
    void aHoldNeedsAJourneyKnownHereThatTheCallerMayActOn() {
        Instant start = BookingApiTestSupport.mondayAt(9, 0);
        hold(DemoUser.CAMILLE, UUID.randomUUID(), "fs-aubervilliers", start, null).statusCode(404)
                .contentType(startsWith("application/problem+json")).body("reason", equalTo("journey-not-found"));

        UUID camilles = journeys.startedBy(DemoUser.CAMILLE);
        hold(DemoUser.MOHAMED, camilles, "fs-aubervilliers", start, null).statusCode(404).body("reason", equalTo("journey-not-found"));
        // staff without a reason on the journey: an agent of the site, a phone agent, a mediator
        hold(DemoUser.AGNES, camilles, "fs-aubervilliers", start, null).statusCode(404).body("reason", equalTo("journey-not-found"));
        hold(DemoUser.PAUL, camilles, "fs-aubervilliers", start, null).statusCode(404).body("reason", equalTo("journey-not-found"));
        hold(DemoUser.MAYA, camilles, "fs-aubervilliers", start, null).statusCode(404).body("reason", equalTo("journey-not-found"));
        assertThat(count("select count(*) from booking")).isZero();

        // the list of a journey's bookings: the same 404 for an unknown journey and another citizen's, even without bookings
        as(DemoUser.CAMILLE).queryParam("journeyId", UUID.randomUUID().toString()).get("/bookings").then().statusCode(404)
                .body("reason", equalTo("journey-not-found"));
        as(DemoUser.MOHAMED).queryParam("journeyId", camilles.toString()).get("/bookings").then().statusCode(404)
                .body("reason", equalTo("journey-not-found"));
        as(DemoUser.CAMILLE).queryParam("journeyId", camilles.toString()).get("/bookings").then().statusCode(200)
                .body("size()", equalTo(0));

        hold(DemoUser.CAMILLE, camilles, "fs-aubervilliers", start, null).statusCode(201);
    }

    @Test
    void aMotifServesOnlyStepsOfTheJourneysOwnProcedure() {
        Instant start = BookingApiTestSupport.mondayAt(9, 30);
        UUID idCard = journeys.startedBy(DemoUser.CAMILLE);
        // accompagnement is no wildcard: a journey of the ID card procedure cannot book help for another procedure
        Map<String, Object> elsewhere = new java.util.HashMap<>(holdBody(idCard, "fs-aubervilliers", start, null, "accompagnement"));
        elsewhere.put("procedureId", "aide-logement");
        elsewhere.put("stepId", "ressources");
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(elsewhere).post("/bookings").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("reason", equalTo("not-the-journeys-procedure"));
        // a motif for one step does not serve another
        Map<String, Object> otherStep = new java.util.HashMap<>(holdBody(idCard, "fs-aubervilliers", start, null, "cni-biometrie"));
        otherStep.put("stepId", "remise");
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(otherStep).post("/bookings").then().statusCode(422)
                .body("reason", equalTo("step-not-served-by-motif"));
        // nor a step its procedure does not have, even for generic help
        Map<String, Object> invented = new java.util.HashMap<>(holdBody(idCard, "fs-aubervilliers", start, null, "accompagnement"));
        invented.put("stepId", "etape-inventee");
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(invented).post("/bookings").then().statusCode(422)
                .body("reason", equalTo("step-not-served-by-motif"));
        // a proxy vote's identity check at the desk is a step of that journey's procedure: help may be booked for it
        UUID proxyVote = journeys.startedBy(DemoUser.CAMILLE, "procuration-vote");
        Map<String, Object> help = new java.util.HashMap<>(holdBody(proxyVote, "fs-aubervilliers", start, null, "accompagnement"));
        help.put("procedureId", "procuration-vote");
        help.put("stepId", "verification-identite");
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(help).post("/bookings").then().statusCode(201);
        assertThat(count("select count(*) from booking")).isEqualTo(1);
    }

    @Test
    void fiftyParallelHoldsOnDifferentSlotsByOneCitizenStopAtTheQuota() throws Exception {
        LocalDate monday = BookingApiTest.nextPlainMonday();
        // fifty journeys of hers, one hold each on its own slot: the way to hoard desks that the quota closes
        // (one journey cannot do it: a motif serves only real steps, and a step has one active booking)
        List<UUID> journeyIds = journeys.startedBy(DemoUser.CAMILLE, 50);
        List<Map<String, Object>> slots = as(DemoUser.CAMILLE).queryParam("motif", "accompagnement").queryParam("sites", "fs-aubervilliers")
                .queryParam("from", monday.toString()).queryParam("to", monday.plusDays(4).toString()).get("/availability")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(slots).hasSizeGreaterThanOrEqualTo(61);
        String token = KeycloakTokens.accessToken(DemoUser.CAMILLE);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> slot = slots.get(i);
            String body = "{\"journeyId\":\"" + journeyIds.get(i) + "\",\"procedureId\":\"cni-renouvellement\",\"stepId\":\"formulaire\","
                    + "\"motif\":\"accompagnement\",\"site\":\"fs-aubervilliers\",\"startsAt\":\"" + slot.get("startsAt")
                    + "\",\"counter\":\"" + slot.get("counter") + "\"}";
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/bookings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(3);
        assertThat(responses).filteredOn(r -> r.statusCode() == 429).hasSize(47).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(JsonPath.from(r.body()).getString("reason")).isEqualTo("too-many-bookings");
        });
        assertThat(count("select count(*) from booking where status = 'HELD'")).isEqualTo(3);

        // staff booking for her count too; a cancelled one frees a place
        UUID journey = journeyIds.get(0);
        journeys.callerVerifiedBy(journey, DemoUser.PAUL);
        Map<String, Object> more = new java.util.HashMap<>(holdBody(journey, "fs-aubervilliers",
                Instant.parse(slots.get(60).get("startsAt").toString()), null, "accompagnement"));
        more.put("stepId", "justificatifs");
        as(DemoUser.PAUL).contentType(ContentType.JSON).body(more).post("/bookings").then().statusCode(429)
                .body("reason", equalTo("too-many-bookings"));
        String first = idOfAHeldBooking();
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + first + "/cancel").then().statusCode(200);
        as(DemoUser.PAUL).contentType(ContentType.JSON).body(more).post("/bookings").then().statusCode(201);
    }

    @Test
    void staffWithoutAReasonAndOtherCitizensDoNotKnowTheBookingExists() {
        Instant start = BookingApiTestSupport.mondayAt(10, 0);
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        String id = confirmed(journey, start);
        journeys.caseOpened(journey, "93"); // a reason for maya's pool, not for marc's

        for (DemoUser outsider : List.of(DemoUser.MOHAMED, DemoUser.SOFIANE, DemoUser.AGNES, DemoUser.PAUL, DemoUser.MARC)) {
            as(outsider).get("/bookings/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"))
                    .body("reason", equalTo("not-found"));
            as(outsider).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + id + "/cancel").then().statusCode(404);
            as(outsider).contentType(ContentType.JSON).body(Map.of("startsAt", start.plus(Duration.ofHours(1)).toString()))
                    .post("/bookings/" + id + "/reschedule").then().statusCode(404);
            as(outsider).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + id + "/confirm").then().statusCode(404);
        }
        for (DemoUser staff : List.of(DemoUser.SOFIANE, DemoUser.PAUL, DemoUser.MARC)) {
            as(staff).queryParam("journeyId", journey.toString()).get("/bookings").then().statusCode(404)
                    .body("reason", equalTo("journey-not-found"));
        }
        as(DemoUser.MOHAMED).queryParam("journeyId", journey.toString()).get("/bookings").then().statusCode(404);
        assertThat(count("select count(*) from booking where status = 'CONFIRMED' and starts_at = ?", java.sql.Timestamp.from(start)))
                .isEqualTo(1);
        events.awaitQuiet(db);
        assertThat(events.of(journey, BookingAccessed.class)).as("nobody got in").isEmpty();
    }

    @Test
    void eachReasonOpensTheBookingToItsStaffMemberAndEveryReadIsLogged() {
        Instant start = BookingApiTestSupport.mondayAt(10, 40);
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        String id = confirmed(journey, start);

        journeys.callerVerifiedBy(journey, DemoUser.PAUL);
        readAndExpectLogged(DemoUser.PAUL, id, journey, BookingAccessed.VERIFIED_CALL);

        UUID caseId = journeys.caseOpened(journey, "93");
        readAndExpectLogged(DemoUser.MAYA, id, journey, BookingAccessed.MEDIATION_POOL);
        journeys.caseClaimed(caseId, journey, DemoUser.MAYA, "93");
        readAndExpectLogged(DemoUser.MAYA, id, journey, BookingAccessed.MEDIATION_CLAIMED);
        journeys.caseResolved(caseId, journey, DemoUser.MAYA, "93");
        as(DemoUser.MAYA).get("/bookings/" + id).then().statusCode(404);

        journeys.presentAt(journey, "fs-aubervilliers");
        readAndExpectLogged(DemoUser.AGNES, id, journey, BookingAccessed.PRESENT_AT_SITE);

        journeys.claimedBy(journey, DemoUser.SOFIANE, "fs-saint-denis");
        readAndExpectLogged(DemoUser.SOFIANE, id, journey, BookingAccessed.CLAIMED);

        journeys.mandateTo(journey, DemoUser.CAMILLE, "fs-gueret");
        readAndExpectLogged(DemoUser.GILLES, id, journey, BookingAccessed.MANDATE);

        // the list of the journey's bookings is a read of each
        as(DemoUser.GILLES).queryParam("journeyId", journey.toString()).get("/bookings").then().statusCode(200)
                .body("size()", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, BookingAccessed.class).stream()
                .filter(a -> a.staffSubject().equals(Journeys.sub(DemoUser.GILLES))).count() == 2);
        // the citizen's own reads are not staff accesses
        as(DemoUser.CAMILLE).get("/bookings/" + id).then().statusCode(200);
        events.awaitQuiet(db);
        assertThat(events.of(journey, BookingAccessed.class)).hasSize(7)
                .allMatch(a -> a.bookingId().toString().equals(id) && a.action().equals(BookingAccessed.READ));
    }

    @Test
    void anEndedJourneyGetsNoNewBooking() {
        Instant start = BookingApiTestSupport.mondayAt(15, 10);
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        journeys.cancelledBy(journey, DemoUser.CAMILLE);
        hold(DemoUser.CAMILLE, journey, "fs-aubervilliers", start, null).statusCode(409)
                .contentType(startsWith("application/problem+json")).body("reason", equalTo("journey-ended"));
        assertThat(count("select count(*) from booking")).isZero();
    }

    @Test
    void aMissedSlaEndsTheMediatorsClaimButNotThePoolsReason() {
        Instant start = BookingApiTestSupport.mondayAt(14, 10);
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        String id = confirmed(journey, start);
        UUID caseId = journeys.caseOpened(journey, "23");
        as(DemoUser.MAYA).get("/bookings/" + id).then().statusCode(404); // pool 93 only
        journeys.caseClaimed(caseId, journey, DemoUser.MAYA, "23");
        readAndExpectLogged(DemoUser.MAYA, id, journey, BookingAccessed.MEDIATION_CLAIMED);

        journeys.caseSlaBreached(caseId, journey, "23");
        as(DemoUser.MAYA).get("/bookings/" + id).then().statusCode(404).body("reason", equalTo("not-found"));
        readAndExpectLogged(DemoUser.MARC, id, journey, BookingAccessed.MEDIATION_POOL);
    }

    @Test
    void aStaffMembersHoldConfirmMoveAndCancelAreLoggedWithTheirReason() {
        Instant start = BookingApiTestSupport.mondayAt(11, 0);
        UUID journey = journeys.startedBy(DemoUser.MOHAMED);
        journeys.callerVerifiedBy(journey, DemoUser.PAUL);
        String id = hold(DemoUser.PAUL, journey, "fs-gueret", start, null).statusCode(201).extract().path("id");
        as(DemoUser.PAUL).post("/bookings/" + id + "/confirm").then().statusCode(200);
        as(DemoUser.PAUL).contentType(ContentType.JSON).body(Map.of("startsAt", start.plus(Duration.ofHours(1)).toString()))
                .post("/bookings/" + id + "/reschedule").then().statusCode(200);
        as(DemoUser.PAUL).contentType(ContentType.JSON).body(Map.of()).post("/bookings/" + id + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, BookingAccessed.class).size() == 4);
        List<BookingAccessed> accesses = events.of(journey, BookingAccessed.class);
        assertThat(accesses).extracting(BookingAccessed::action).containsExactly(BookingAccessed.HOLD, BookingAccessed.CONFIRM,
                BookingAccessed.RESCHEDULE, BookingAccessed.CANCEL);
        assertThat(accesses).allSatisfy(a -> {
            assertThat(a.reason()).isEqualTo(BookingAccessed.VERIFIED_CALL);
            assertThat(a.staffSubject()).isEqualTo(Journeys.sub(DemoUser.PAUL));
            assertThat(a.staffRole()).isEqualTo("phone-agent");
            assertThat(a.staffSite()).isEqualTo("tel-national");
            assertThat(a.site()).isEqualTo("fs-gueret");
        });
        // the booking is Mohamed's: he sees it among his own
        as(DemoUser.MOHAMED).get("/bookings/mine").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
    }

    private void readAndExpectLogged(DemoUser staff, String id, UUID journey, String reason) {
        as(staff).get("/bookings/" + id).then().statusCode(200).body("id", equalTo(id));
        String subject = Journeys.sub(staff);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, BookingAccessed.class).stream()
                .anyMatch(a -> a.staffSubject().equals(subject) && a.reason().equals(reason)));
        BookingAccessed access = events.of(journey, BookingAccessed.class).stream()
                .filter(a -> a.staffSubject().equals(subject) && a.reason().equals(reason)).findFirst().orElseThrow();
        assertThat(access.action()).isEqualTo(BookingAccessed.READ);
        assertThat(access.bookingId()).hasToString(id);
        assertThat(access.journeyId()).isEqualTo(journey);
        assertThat(access.site()).as("the booking's site").isEqualTo("fs-aubervilliers");
    }

    private static String confirmed(UUID journey, Instant start) {
        String id = hold(DemoUser.CAMILLE, journey, "fs-aubervilliers", start, null).statusCode(201).extract().path("id");
        as(DemoUser.CAMILLE).post("/bookings/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private String idOfAHeldBooking() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select id from booking where status = 'HELD' limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    private long count(String sql, Object... params) {
        try {
            return db.count(sql, params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
