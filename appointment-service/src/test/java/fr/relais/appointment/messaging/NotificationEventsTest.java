package fr.relais.appointment.messaging;

import fr.relais.appointment.BookingComponentTest;
import fr.relais.appointment.Notifications;
import fr.relais.appointment.TestTopics;
import fr.relais.appointment.api.BookingApiTestSupport;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentNoShow;
import fr.relais.events.notification.NotificationFailed;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static fr.relais.appointment.Notifications.delivered;
import static fr.relais.appointment.Notifications.sent;
import static fr.relais.testsupport.ServiceEndpointsContract.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * notification.events as notification-service writes them: a reminder sent or delivered marks its booking reminded
 * (once, the earliest report kept), the no-show and check-in counters are split by it, poison is parked.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class NotificationEventsTest extends BookingComponentTest {

    static TopicCollector dlq;

    Notifications notifications;

    @BeforeAll
    static void connect() {
        dlq = new TopicCollector(TestTopics.of(Topics.dlq(Topics.NOTIFICATION_EVENTS)));
    }

    @AfterAll
    static void disconnect() throws Exception {
        dlq.close();
    }

    @BeforeEach
    void sender() {
        notifications = new Notifications(db);
    }

    @AfterEach
    void closeSender() {
        notifications.close();
    }

    @Test
    void aReminderSentMarksTheBookingRemindedAndARedeliveryChangesNothing() throws Exception {
        UUID journey = journeys.startedBy(DemoUser.CAMILLE);
        String id = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement", "stepId", "rdv-biometrie",
                        "motif", "cni-biometrie", "site", "fs-aubervilliers",
                        "startsAt", BookingApiTestSupport.mondayAt(11, 0).toString()))
                .post("/bookings").then().statusCode(201).extract().path("id");
        UUID booking = UUID.fromString(id);
        asCamille().post("/bookings/" + id + "/confirm").then().statusCode(200).body("remindedAt", nullValue());
        Instant remindedAt = Notifications.at(Instant.now().minus(Duration.ofMinutes(5)));

        // not reminders, all earlier than the reminder: the booking confirmation, a reminder that failed, a reminder
        // about a booking of another journey; they are skipped (same key, so read before the reminder)
        notifications.send(sent(journey, booking, "appointment-booked", remindedAt.minus(Duration.ofHours(1))));
        notifications.send(new NotificationFailed(UUID.randomUUID(), journey, remindedAt.minus(Duration.ofMinutes(30)),
                "reminder-2h", "no-channel", booking));
        notifications.publish(sent(UUID.randomUUID(), booking, "reminder-48h", remindedAt.minus(Duration.ofMinutes(20))));
        assertThat(db.remindedAt(booking)).isNull();

        var reminder = sent(journey, booking, "reminder-48h", remindedAt);
        String recordId = notifications.publish(reminder);
        assertThat(db.remindedAt(booking)).isEqualTo(remindedAt);
        // desk screens and the citizen see it on the booking
        asCamille().get("/bookings/" + id).then().statusCode(200).body("remindedAt", equalTo(remindedAt.toString()));

        // the same record again, then its delivery receipt and the 2 h reminder: the first reminder stays
        notifications.redeliver(reminder, recordId);
        notifications.publish(delivered(journey, booking, "reminder-48h", remindedAt.plus(Duration.ofMinutes(1))));
        notifications.publish(sent(journey, booking, "reminder-2h", remindedAt.plus(Duration.ofHours(46))));
        assertThat(db.remindedAt(booking)).isEqualTo(remindedAt);
        assertThat(db.count("select count(*) from processed_message where message_id = ?", recordId)).isEqualTo(1);
        assertThat(db.status(booking)).isEqualTo("CONFIRMED");
    }

    @Test
    void noShowsAndCheckInsAreCountedAsRemindedOrNot() throws Exception {
        double remindedNoShows = counter("relais_appointments_no_shows_total", "fs-gueret", "cni-biometrie", "yes");
        double otherNoShows = counter("relais_appointments_no_shows_total", "fs-gueret", "cni-biometrie", "no");
        double remindedCheckIns = counter("relais_appointments_checked_in_total", "fs-aubervilliers", "cni-biometrie", "yes");

        Instant past = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        UUID remindedJourney = UUID.randomUUID();
        UUID reminded = db.insertBooking(remindedJourney, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-gueret",
                "fs-gueret-g1", past, past.plus(Duration.ofMinutes(20)), "CONFIRMED", null);
        UUID otherJourney = UUID.randomUUID();
        UUID other = db.insertBooking(otherJourney, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-gueret",
                "fs-gueret-g1", past.minus(Duration.ofHours(1)), past.minus(Duration.ofMinutes(40)), "CONFIRMED", null);
        Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        UUID deskJourney = UUID.randomUUID();
        UUID atTheDesk = db.insertBooking(deskJourney, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", "fs-aubervilliers",
                "fs-aubervilliers-g1", soon, soon.plus(Duration.ofMinutes(20)), "CONFIRMED", null);
        // the first reminded by SMS two hours before, the desk one delivered: the other never reminded
        notifications.publish(sent(remindedJourney, reminded, "reminder-2h", past.minus(Duration.ofHours(2))));
        notifications.publish(delivered(deskJourney, atTheDesk, "reminder-2h", soon.minus(Duration.ofHours(2))));
        assertThat(db.remindedAt(reminded)).isNotNull();
        assertThat(db.remindedAt(other)).isNull();

        db.insertJob(reminded, "NO_SHOW", null, past.plus(Duration.ofMinutes(15)));
        db.insertJob(other, "NO_SHOW", null, past.minus(Duration.ofMinutes(45)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "NO_SHOW".equals(db.status(reminded)) && "NO_SHOW".equals(db.status(other)));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(remindedJourney, AppointmentNoShow.class).size() == 1
                && events.of(otherJourney, AppointmentNoShow.class).size() == 1);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).post("/bookings/" + atTheDesk + "/check-in")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN")).body("remindedAt", equalTo(db.remindedAt(atTheDesk).toString()));

        assertThat(counter("relais_appointments_no_shows_total", "fs-gueret", "cni-biometrie", "yes")).isEqualTo(remindedNoShows + 1);
        assertThat(counter("relais_appointments_no_shows_total", "fs-gueret", "cni-biometrie", "no")).isEqualTo(otherNoShows + 1);
        assertThat(counter("relais_appointments_checked_in_total", "fs-aubervilliers", "cni-biometrie", "yes"))
                .isEqualTo(remindedCheckIns + 1);
        // every series of both counters says whether it was reminded: an operator's sum by (reminded) misses none
        assertThat(metrics().lines().filter(l -> l.startsWith("relais_appointments_no_shows_total{")
                || l.startsWith("relais_appointments_checked_in_total{"))).isNotEmpty()
                .allMatch(l -> l.contains("reminded=\"yes\"") || l.contains("reminded=\"no\""));
    }

    @Test
    void anUnreadableNotificationRecordGoesToTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        notificationsRaw(key, "relais.notification.sent.v1", "{not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> !dlq.forKey(key).isEmpty());
        TopicCollector.Received parked = dlq.forKey(key).get(0);
        assertThat(parked.header(CloudEventHeaders.DLQ_REASON_HEADER)).startsWith("unreadable relais.notification.sent.v1 payload");
        assertThat(parked.value()).isEqualTo("{not json");
    }

    private static void notificationsRaw(String key, String type, String value) {
        try (var sender = new fr.relais.testsupport.TopicSender()) {
            sender.send(TestTopics.of(Topics.NOTIFICATION_EVENTS), key,
                    Map.of(CloudEventHeaders.TYPE, type, CloudEventHeaders.ID, UUID.randomUUID().toString()), value);
        }
    }

    private static io.restassured.specification.RequestSpecification asCamille() {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE));
    }

    private static String metrics() {
        return management().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A counter's value as Prometheus scrapes it (its tags in name order). */
    private static double counter(String name, String site, String motif, String reminded) {
        String series = name + "{motif=\"" + motif + "\",reminded=\"" + reminded + "\",site=\"" + site + "\"} ";
        return metrics().lines().filter(l -> l.startsWith(series)).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length()).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no series " + series.trim() + " in /q/metrics: "
                        + Arrays.toString(metrics().lines().filter(l -> l.startsWith(name)).toArray())));
    }
}
