package fr.relais.appointment.api;

import fr.relais.appointment.BookingComponentTest;
import fr.relais.appointment.Journeys;
import fr.relais.appointment.TestTopics;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.appointment.AppointmentRescheduled;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.ServiceEndpointsContract.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BookingApiTest extends BookingComponentTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A Monday at least a week ahead whose Monday, Tuesday and Wednesday are not public holidays (Paris dates). */
    static LocalDate nextPlainMonday() {
        LocalDate monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (fr.relais.appointment.domain.FrenchPublicHolidays.isHoliday(monday)
                || fr.relais.appointment.domain.FrenchPublicHolidays.isHoliday(monday.plusDays(1))
                || fr.relais.appointment.domain.FrenchPublicHolidays.isHoliday(monday.plusDays(2))) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    @Test
    void availabilityInADepartmentListsItsSitesAndHonoursWednesdayAfternoonClosure() {
        LocalDate monday = nextPlainMonday();
        LocalDate wednesday = monday.plusDays(2);
        JsonPath slots = as(DemoUser.CAMILLE).queryParam("motif", "cni-biometrie").queryParam("department", "23")
                .queryParam("from", monday.toString()).queryParam("to", wednesday.toString())
                .get("/availability").then().statusCode(200).extract().jsonPath();
        List<String> sites = slots.getList("site");
        assertThat(sites).isNotEmpty().containsOnly("fs-gueret", "fs-aubusson").contains("fs-gueret", "fs-aubusson");
        List<Instant> starts = slots.getList("startsAt", String.class).stream().map(Instant::parse).toList();
        // 20 slots a full day per counter; Wednesday: 10 (morning only); two sites with one counter each
        assertThat(starts).hasSize(2 * (20 + 20 + 10));
        assertThat(starts.stream().filter(s -> s.atZone(PARIS).toLocalDate().equals(wednesday)))
                .allMatch(s -> s.atZone(PARIS).getHour() < 13);
    }

    @Test
    void holdConfirmRescheduleCancelEachPublishOnce() throws Exception {
        LocalDate monday = nextPlainMonday();
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        Instant start = monday.atTime(9, 20).atZone(PARIS).toInstant();
        JsonPath held = hold(DemoUser.CAMILLE, journey, "fs-aubervilliers", start, null)
                .statusCode(201).body("status", equalTo("HELD")).extract().jsonPath();
        String id = held.getString("id");
        assertThat(Instant.parse(held.getString("holdExpiresAt"))).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
                Instant.now().plus(Duration.ofMinutes(11)));
        // the held slot is no longer offered on that counter
        List<Map<String, String>> free = as(DemoUser.CAMILLE).queryParam("motif", "cni-biometrie").queryParam("sites", "fs-aubervilliers")
                .queryParam("from", monday.toString()).queryParam("to", monday.toString()).get("/availability")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(free).noneMatch(s -> s.get("startsAt").equals(start.toString()) && s.get("counter").equals(held.getString("counter")));

        as(DemoUser.CAMILLE).post("/bookings/" + id + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as(DemoUser.CAMILLE).post("/bookings/" + id + "/confirm").then().statusCode(200); // idempotent, no second event
        // confirmation replaced the hold's expiry by reminders 48 h and 2 h before, and a no-show check 15 min after the start
        assertThat(db.count("select count(*) from scheduled_job where booking_id = ?::uuid and done_at is null and ("
                        + "(kind = 'REMINDER' and code = 'h48' and due_at = ?) or (kind = 'REMINDER' and code = 'h2' and due_at = ?)"
                        + " or (kind = 'NO_SHOW' and due_at = ?))", id, java.sql.Timestamp.from(start.minus(Duration.ofHours(48))),
                java.sql.Timestamp.from(start.minus(Duration.ofHours(2))), java.sql.Timestamp.from(start.plus(Duration.ofMinutes(15)))))
                .isEqualTo(3);
        assertThat(db.jobOutcome(UUID.fromString(id), "HOLD_EXPIRY")).isEqualTo("confirmed");

        Instant later = start.plus(Duration.ofDays(1));
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(Map.of("site", "fs-saint-denis", "startsAt", later.toString()))
                .post("/bookings/" + id + "/reschedule").then().statusCode(200)
                .body("site", equalTo("fs-saint-denis")).body("startsAt", equalTo(later.toString()));

        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(Map.of("reason", "citizen-request"))
                .post("/bookings/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey).size() >= 3);
        AppointmentBooked booked = events.of(journey, AppointmentBooked.class).get(0);
        assertThat(booked.bookingId()).hasToString(id);
        assertThat(booked.site()).isEqualTo("fs-aubervilliers");
        assertThat(booked.stepId()).isEqualTo("rdv-biometrie");
        assertThat(booked.startsAt()).isEqualTo(start);
        AppointmentRescheduled moved = events.of(journey, AppointmentRescheduled.class).get(0);
        assertThat(moved.previousSite()).isEqualTo("fs-aubervilliers");
        assertThat(moved.site()).isEqualTo("fs-saint-denis");
        assertThat(events.of(journey, AppointmentCancelled.class)).singleElement()
                .extracting(AppointmentCancelled::reason).isEqualTo("citizen-request");
        events.awaitQuiet(db);
        assertThat(events.of(journey)).hasSize(3).allMatch(r -> r.key().equals(journey.toString()));
    }

    @Test
    void fiftyConcurrentHoldsOnOneSlotExactlyOneWins() throws Exception {
        Instant start = nextPlainMonday().plusDays(1).atTime(10, 0).atZone(PARIS).toInstant();
        String token = KeycloakTokens.accessToken(DemoUser.CAMILLE);
        List<UUID> camillesJourneys = journeys.startedBy(DemoUser.CAMILLE, 50);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + RestAssured.port + "/bookings";
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = "{\"journeyId\":\"" + camillesJourneys.get(i) + "\",\"procedureId\":\"cni-renouvellement\",\"stepId\":\"rdv-biometrie\","
                    + "\"motif\":\"cni-biometrie\",\"site\":\"fs-gueret\",\"startsAt\":\"" + start + "\",\"counter\":\"fs-gueret-g1\"}";
            calls.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        List<java.net.http.HttpResponse<String>> responses = calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(49).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(JsonPath.from(r.body()).getString("reason")).isEqualTo("slot-taken");
            assertThat(JsonPath.from(r.body()).getInt("status")).isEqualTo(409);
        });
        assertThat(db.count("select count(*) from booking where counter_id = 'fs-gueret-g1' and status = 'HELD'")).isEqualTo(1);
    }

    @Test
    void withoutACounterTheNextFreeCounterIsTaken() {
        Instant start = nextPlainMonday().atTime(14, 10).atZone(PARIS).toInstant();
        String first = hold(DemoUser.CAMILLE, journeys.startedBy(DemoUser.CAMILLE), "fs-aubervilliers", start, null).statusCode(201).extract().path("counter");
        String second = hold(DemoUser.CAMILLE, journeys.startedBy(DemoUser.CAMILLE), "fs-aubervilliers", start, null).statusCode(201).extract().path("counter");
        assertThat(List.of(first, second)).containsExactlyInAnyOrder("fs-aubervilliers-g1", "fs-aubervilliers-g2");
        hold(DemoUser.CAMILLE, journeys.startedBy(DemoUser.CAMILLE), "fs-aubervilliers", start, null).statusCode(409).body("reason", equalTo("slot-taken"));
    }

    @Test
    void bookingsOutsideTheRulesAreRefusedWithAPreciseReason() {
        LocalDate monday = nextPlainMonday();
        Instant ok = monday.atTime(9, 0).atZone(PARIS).toInstant();
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        hold(DemoUser.CAMILLE, journey, "fs-gueret", Instant.now().plus(Duration.ofMinutes(30)), null)
                .statusCode(422).body("reason", equalTo("too-soon")).contentType(startsWith("application/problem+json"));
        hold(DemoUser.CAMILLE, journey, "fs-gueret", ok.plus(Duration.ofDays(120)), null)
                .statusCode(422).body("reason", equalTo("too-far"));
        hold(DemoUser.CAMILLE, journey, "fs-gueret", ok.minus(Duration.ofDays(2)), null)
                .statusCode(422).body("reason", equalTo("site-closed")).body("detail", org.hamcrest.Matchers.containsString("closed"));
        hold(DemoUser.CAMILLE, journey, "fs-gueret", monday.plusDays(2).atTime(14, 0).atZone(PARIS).toInstant(), null)
                .statusCode(422).body("reason", equalTo("site-closed"));
        hold(DemoUser.CAMILLE, journey, "fs-gueret", ok.plus(Duration.ofMinutes(5)), null)
                .statusCode(422).body("reason", equalTo("not-a-slot"));
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(holdBody(journey, "fs-gueret", ok, null, "passeport-express"))
                .post("/bookings").then().statusCode(422).body("reason", equalTo("unknown-motif"));

        hold(DemoUser.CAMILLE, journey, "fs-gueret", ok, null).statusCode(201);
        hold(DemoUser.CAMILLE, journey, "fs-gueret", ok.plus(Duration.ofHours(1)), null)
                .statusCode(409).body("reason", equalTo("step-already-booked"));
    }

    @Test
    void anAgentBooksForACitizenAndAnotherCitizenCannotTouchIt() {
        Instant start = nextPlainMonday().atTime(11, 0).atZone(PARIS).toInstant();
        UUID camilles = journeys.startedBy(DemoUser.CAMILLE);
        String mine = hold(DemoUser.CAMILLE, camilles, "fs-aubervilliers", start, null).statusCode(201).extract().path("id");
        // another citizen does not even learn that the booking exists
        as(DemoUser.MOHAMED).post("/bookings/" + mine + "/confirm").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("reason", equalTo("not-found"));
        // a mediator whose pool holds the journey's mediation case acts for the citizen
        journeys.caseOpened(camilles, "93");
        as(DemoUser.MAYA).post("/bookings/" + mine + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));

        // a phone agent books for the caller they verified
        UUID mohameds = journeys.startedBy(DemoUser.MOHAMED);
        journeys.callerVerifiedBy(mohameds, DemoUser.PAUL);
        JsonPath byAgent = hold(DemoUser.PAUL, mohameds, "fs-aubervilliers", start.plus(Duration.ofMinutes(190)), null)
                .statusCode(201).extract().jsonPath();
        assertThat(byAgent.getString("bookedByRole")).isEqualTo("phone-agent");
        as(DemoUser.CAMILLE).get("/bookings/mine").then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(mine));
    }

    @Test
    void aRoleThatDoesNotBookGets403Problem() {
        hold(DemoUser.OLGA, UUID.randomUUID(), "fs-gueret", nextPlainMonday().atTime(9, 0).atZone(PARIS).toInstant(), null)
                .statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(Map.of("journeyId", UUID.randomUUID().toString()))
                .post("/check-ins").then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void malformedJsonAndMissingFieldsGet400Problems() {
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body("{\"journeyId\": ").post("/bookings")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("reason", equalTo("malformed-json"));
        as(DemoUser.CAMILLE).contentType(ContentType.JSON).body(Map.of("motif", "cni-biometrie")).post("/bookings")
                .then().statusCode(400).body("reason", equalTo("invalid-request")).body("detail", equalTo("journeyId is required"));
        as(DemoUser.CAMILLE).queryParam("motif", "cni-biometrie").queryParam("from", "tomorrow").queryParam("to", "2026-01-01")
                .get("/availability").then().statusCode(400).body("reason", equalTo("invalid-request"));
        as(DemoUser.CAMILLE).post("/bookings/" + UUID.randomUUID() + "/confirm").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/availability").then().statusCode(401);
    }

    @Test
    void metricsCountBookingsPerSiteAndMotif() {
        Instant start = nextPlainMonday().atTime(15, 10).atZone(PARIS).toInstant();
        String id = hold(DemoUser.CAMILLE, journeys.startedBy(DemoUser.CAMILLE), "fs-aubusson", start, null).statusCode(201).extract().path("id");
        as(DemoUser.CAMILLE).post("/bookings/" + id + "/confirm").then().statusCode(200);
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("relais_appointments_booked_total{motif=\"cni-biometrie\",site=\"fs-aubusson\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> management().get("/q/metrics").then().extract().asString()
                .contains("relais_appointments_slot_utilisation{site=\"fs-aubusson\"}"));
    }

    static io.restassured.specification.RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user));
    }

    static ValidatableResponse hold(DemoUser user, UUID journey, String site, Instant start, String counter) {
        return as(user).contentType(ContentType.JSON).body(holdBody(journey, site, start, counter, "cni-biometrie"))
                .post("/bookings").then();
    }

    static Map<String, Object> holdBody(UUID journey, String site, Instant start, String counter, String motif) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement",
                "stepId", "rdv-biometrie", "motif", motif, "site", site, "startsAt", start.toString()));
        if (counter != null) {
            body.put("counter", counter);
        }
        return body;
    }
}
