package fr.relais.appointment.messaging;

import fr.relais.appointment.Events;
import fr.relais.appointment.TestClock;
import fr.relais.appointment.Journeys;
import fr.relais.appointment.TestDatabase;
import fr.relais.appointment.TestTopics;
import fr.relais.appointment.api.BookingApiTestSupport;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Contracts;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentNoShow;
import fr.relais.events.appointment.AppointmentReminderDue;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The whole life of a booking's timers, driven by moving the service's clock through their due times. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ClockDrivenTimersTest {

    static Events events;

    @Inject
    AgroalDataSource dataSource;

    TestDatabase db;

    @BeforeAll
    static void listen() {
        events = new Events();
    }

    @AfterAll
    static void stop() throws Exception {
        events.close();
    }

    @BeforeEach
    void clean() throws Exception {
        TestClock.INSTANCE.reset();
        db = new TestDatabase(dataSource);
        db.clearBookings();
    }

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void remindersFireAt48hAnd2hBeforeThenANoShowAfterTheGracePeriodEachOnce() throws Exception {
        UUID journey = camillesJourney();
        Instant start = BookingApiTestSupport.mondayAt(9, 40);
        String id = hold(journey, start).statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).post("/bookings/" + id + "/confirm")
                .then().statusCode(200);

        TestClock.INSTANCE.jumpTo(start.minus(Duration.ofHours(48)).minusSeconds(30));
        db.awaitTimersPassAt(TestClock.INSTANCE.instant());
        events.awaitQuiet(db);
        assertThat(events.of(journey, AppointmentReminderDue.class)).as("not yet due").isEmpty();

        TestClock.INSTANCE.jumpTo(start.minus(Duration.ofHours(48)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.of(journey, AppointmentReminderDue.class).size() == 1);
        TestClock.INSTANCE.jumpTo(start.minus(Duration.ofHours(2)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.of(journey, AppointmentReminderDue.class).size() == 2);
        assertThat(events.of(journey, AppointmentReminderDue.class)).extracting(AppointmentReminderDue::reminder)
                .containsExactly("h48", "h2");

        TestClock.INSTANCE.jumpTo(start.plus(Duration.ofMinutes(14)));
        db.awaitTimersPassAt(TestClock.INSTANCE.instant());
        assertThat(db.status(UUID.fromString(id))).as("still within the grace period").isEqualTo("CONFIRMED");
        TestClock.INSTANCE.jumpTo(start.plus(Duration.ofMinutes(15)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.of(journey, AppointmentNoShow.class).size() == 1);
        assertThat(db.status(UUID.fromString(id))).isEqualTo("NO_SHOW");

        db.awaitTimersPassAt(TestClock.INSTANCE.instant());
        events.awaitQuiet(db);
        List<String> types = events.of(journey).stream().map(r -> r.header(CloudEventHeaders.TYPE)).toList();
        assertThat(types).containsExactly(Contracts.typeOf(AppointmentBooked.class), Contracts.typeOf(AppointmentReminderDue.class),
                Contracts.typeOf(AppointmentReminderDue.class), Contracts.typeOf(AppointmentNoShow.class));
    }

    @Test
    void aHoldNotConfirmedWithinTenMinutesExpiresAndItsSlotReturns() throws Exception {
        Instant start = BookingApiTestSupport.mondayAt(16, 10);
        String id = hold(camillesJourney(), start).statusCode(201).extract().path("id");
        hold(camillesJourney(), start).statusCode(409).body("reason", equalTo("slot-taken"));

        TestClock.INSTANCE.jumpTo(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(5));
        await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(db.status(UUID.fromString(id))));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).post("/bookings/" + id + "/confirm")
                .then().statusCode(409).body("reason", equalTo("wrong-status"));
        hold(camillesJourney(), start).statusCode(201).body("counter", equalTo("fs-gueret-g1"));
    }

    /** A journey of Camille's that the service knows (from journey.events). */
    private UUID camillesJourney() {
        try (Journeys journeys = new Journeys(db)) {
            return journeys.startedBy(DemoUser.CAMILLE);
        }
    }

    private static ValidatableResponse hold(UUID journey, Instant start) {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement", "stepId", "rdv-biometrie",
                        "motif", "cni-biometrie", "site", "fs-gueret", "startsAt", start.toString()))
                .post("/bookings").then();
    }
}
