package fr.relais.appointment.messaging;

import fr.relais.appointment.BookingComponentTest;
import fr.relais.appointment.TestTopics;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.appointment.AppointmentNoShow;
import fr.relais.events.appointment.AppointmentReminderDue;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Timers are rows: these tests write the rows a running (or crashed, or restarted) service would have left,
 * with due times already passed, and check the running service acts on them exactly as the rules say.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TimersAndCheckInTest extends BookingComponentTest {

    @Test
    void aDueReminderLeftFromBeforeARestartIsPublished() throws Exception {
        UUID journey = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        UUID booking = db.insertBooking(journey, "cni-renouvellement", "remise", "cni-remise", "fs-saint-denis",
                "fs-saint-denis-g1", start, start.plus(Duration.ofMinutes(10)), "CONFIRMED", null);
        db.insertJob(booking, "REMINDER", "h2", start.minus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !events.of(journey, AppointmentReminderDue.class).isEmpty());
        AppointmentReminderDue reminder = events.of(journey, AppointmentReminderDue.class).get(0);
        assertThat(reminder.reminder()).isEqualTo("h2");
        assertThat(reminder.bookingId()).isEqualTo(booking);
        assertThat(reminder.startsAt()).isEqualTo(start);
        assertThat(db.jobOutcome(booking, "REMINDER")).isEqualTo("sent");
    }

    @Test
    void aReminderNeverFiresForACancelledBookingOrAfterTheStart() throws Exception {
        UUID cancelledJourney = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        UUID cancelled = db.insertBooking(cancelledJourney, "cni-renouvellement", "remise", "cni-remise", "fs-saint-denis",
                "fs-saint-denis-g2", start, start.plus(Duration.ofMinutes(10)), "CANCELLED", null);
        db.insertJob(cancelled, "REMINDER", "h2", start.minus(Duration.ofHours(2)));
        UUID startedJourney = UUID.randomUUID();
        Instant past = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        UUID started = db.insertBooking(startedJourney, "cni-renouvellement", "remise", "cni-remise", "fs-saint-denis",
                "fs-saint-denis-g3", past, past.plus(Duration.ofMinutes(10)), "CONFIRMED", null);
        db.insertJob(started, "REMINDER", "h2", past.minus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "skipped".equals(db.jobOutcome(cancelled, "REMINDER"))
                && "skipped".equals(db.jobOutcome(started, "REMINDER")));
        events.awaitQuiet(db);
        assertThat(events.of(cancelledJourney)).isEmpty();
        assertThat(events.of(startedJourney)).isEmpty();
    }

    @Test
    void aConfirmedBookingNotCheckedInAfterTheGracePeriodIsANoShow() throws Exception {
        UUID journey = UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        UUID booking = db.insertBooking(journey, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-gueret",
                "fs-gueret-g1", start, start.plus(Duration.ofMinutes(20)), "CONFIRMED", null);
        db.insertJob(booking, "NO_SHOW", null, start.plus(Duration.ofMinutes(15)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "NO_SHOW".equals(db.status(booking)));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, AppointmentNoShow.class).size() == 1);
        assertThat(events.of(journey, AppointmentNoShow.class).get(0).site()).isEqualTo("fs-gueret");
    }

    @Test
    void anExpiredHoldFreesItsSlot() throws Exception {
        Instant start = fr.relais.appointment.api.BookingApiTestSupport.mondayAt(9, 0);
        UUID booking = db.insertBooking(UUID.randomUUID(), "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-aubusson",
                "fs-aubusson-g1", start, start.plus(Duration.ofMinutes(20)), "HELD", Instant.now().minusSeconds(1));
        // while held, nobody else gets the counter
        hold(start).statusCode(409).body("reason", equalTo("slot-taken"));
        db.insertJob(booking, "HOLD_EXPIRY", null, Instant.now().minusSeconds(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(db.status(booking)));
        hold(start).statusCode(201).body("counter", equalTo("fs-aubusson-g1"));
    }

    @Test
    void deskCheckInByJourneyPublishesCheckedIn() throws Exception {
        UUID journey = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        UUID booking = db.insertBooking(journey, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-aubervilliers",
                "fs-aubervilliers-g2", start, start.plus(Duration.ofMinutes(20)), "CONFIRMED", null);

        // an agent of another site has nothing to check in for this journey
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString())).post("/check-ins").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString())).post("/check-ins").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("id", equalTo(booking.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, AppointmentCheckedIn.class).size() == 1);
        AppointmentCheckedIn checkedIn = events.of(journey, AppointmentCheckedIn.class).get(0);
        assertThat(checkedIn.site()).isEqualTo("fs-aubervilliers");
        assertThat(checkedIn.bookingId()).isEqualTo(booking);
        assertThat(events.of(journey)).allMatch(r -> r.key().equals(journey.toString()));
        // the check-in is in the citizen's access log, with the desk as its reason
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, BookingAccessed.class).size() == 1);
        BookingAccessed access = events.of(journey, BookingAccessed.class).get(0);
        assertThat(access.action()).isEqualTo(BookingAccessed.CHECK_IN);
        assertThat(access.reason()).isEqualTo(BookingAccessed.DESK_CHECK_IN);
        assertThat(access.staffSite()).isEqualTo("fs-aubervilliers");

        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).queryParam("date", start.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString())
                .get("/sites/fs-aubervilliers/day-sheet").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(booking.toString()));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).queryParam("date", "2026-03-16")
                .get("/sites/fs-aubervilliers/day-sheet").then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse hold(Instant start) {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journeys.startedBy(DemoUser.CAMILLE).toString(), "procedureId", "cni-renouvellement", "stepId", "rdv-biometrie",
                        "motif", "cni-biometrie", "site", "fs-aubusson", "startsAt", start.toString()))
                .post("/bookings").then();
    }
}
