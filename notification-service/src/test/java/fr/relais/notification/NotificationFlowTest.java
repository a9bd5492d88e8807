package fr.relais.notification;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.JourneyScoped;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.appointment.AppointmentReminderDue;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.smssink.FaultMode;
import fr.relais.smssink.ReceivedSms;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.MailInbox;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events in, messages out, on real Kafka, PostgreSQL, the devstack's SMTP server (GreenMail) and a real SMPP server
 * (the sms-sink module, in-process). journey-service's recipient read is its contract (FakeRecipients).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(FakeRecipients.class)
@QuarkusTestResource(SmsCentre.class)
class NotificationFlowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CAMILLE_SUBJECT = "00000000-0000-4000-8000-000000000001";
    private static TopicSender sender;
    private static TopicCollector notifications;
    private static TopicCollector appointmentDlq;

    @BeforeAll
    static void connect() {
        sender = new TopicSender();
        notifications = new TopicCollector(TestTopics.of(Topics.NOTIFICATION_EVENTS));
        appointmentDlq = new TopicCollector(TestTopics.of(Topics.dlq(Topics.APPOINTMENT_EVENTS)));
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        sender.close();
        notifications.close();
        appointmentDlq.close();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aBookingAndItsReminderReachHerByEmailAndSmsWithTheDateWrittenOut() {
        daytime();
        UUID journey = UUID.randomUUID();
        String email = "camille." + journey + "@example.org";
        String phone = mobile();
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, CAMILLE_SUBJECT, email, phone, false));
        Instant startsAt = nextDayAt(3, 14, 30);
        UUID booking = UUID.randomUUID();
        publish(booked(journey, booking, "fs-aubervilliers", startsAt));
        publish(reminder(journey, booking, "fs-aubervilliers", startsAt, "h48"));

        String written = written(startsAt);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MailInbox.Mail> mails = MailInbox.of(email).mails();
            assertThat(mails).extracting(MailInbox.Mail::subject)
                    .containsExactlyInAnyOrder("Votre rendez-vous : " + written, "Rappel : rendez-vous " + written);
            assertThat(SmsCentre.sink().messagesTo(phone)).hasSize(2);
        });
        assertThat(MailInbox.of(email).mails()).allSatisfy(mail -> assertThat(mail.text()).contains("France Services Aubervilliers"));
        assertThat(SmsCentre.sink().messagesTo(phone)).extracting(ReceivedSms::text)
                .anySatisfy(text -> assertThat(text).startsWith("Relais : rappel, rendez-vous " + written));
        // the SMS centre's receipts mark the SMS delivered; the events say so with ids and codes only
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Db.query(
                "select d.status from delivery d join notification n on n.id = d.notification_id"
                        + " where n.journey_id = ? and d.channel = 'sms'", journey))
                .extracting(row -> row.get("status")).containsOnly("delivered").hasSize(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notifications.forKey(journey.toString()))
                .hasSizeGreaterThanOrEqualTo(6));
        assertThat(notifications.forKey(journey.toString())).allSatisfy(record -> assertThat(record.value())
                .doesNotContain(email).doesNotContain(phone.substring(1)).doesNotContain("Aubervilliers"));
    }

    @Test
    void aReminderForACancelledBookingIsNeverSent() {
        daytime();
        UUID journey = UUID.randomUUID();
        String email = "cancelled." + journey + "@example.org";
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, null, email, null, false));
        Instant startsAt = nextDayAt(3, 10, 0);
        UUID booking = UUID.randomUUID();
        publish(booked(journey, booking, "fs-gueret", startsAt));
        publish(new AppointmentCancelled(booking, journey, Instant.now(), "fs-gueret", "fs-gueret-g1", "cni-depot", "cni-renouvellement",
                "rdv-biometrie", startsAt, startsAt.plus(Duration.ofMinutes(30)), "citizen-cancelled"));
        publish(reminder(journey, booking, "fs-gueret", startsAt, "h48"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Db.query(
                "select status, reason from notification where journey_id = ? and trigger = 'reminder-48h'", journey))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("dropped");
                    assertThat(row.get("reason")).isEqualTo("cancelled");
                }));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MailInbox.of(email).mails())
                .extracting(MailInbox.Mail::subject).anyMatch(subject -> subject.contains("est annulé")));
        assertThat(MailInbox.of(email).mails()).extracting(MailInbox.Mail::subject).noneMatch(subject -> subject.startsWith("Rappel"));
    }

    @Test
    void anSmsThatComesDueInTheEveningWaitsForEightInTheMorning() {
        UUID journey = UUID.randomUUID();
        String phone = mobile();
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, null, null, phone, false));
        // the service's clock at 21:30 Paris time
        ZonedDateTime evening = ZonedDateTime.now(PARIS).with(LocalTime.of(21, 30));
        if (evening.isBefore(ZonedDateTime.now(PARIS))) {
            evening = evening.plusDays(1);
        }
        TestClock.advance(Duration.between(Instant.now(), evening.toInstant()));
        publish(new JourneyCompleted(journey, 9, Instant.now(), Actor.system("journey-service")));

        Instant eight = evening.plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Db.query(
                "select d.deferred, d.next_attempt_at, d.status from delivery d join notification n on n.id = d.notification_id"
                        + " where n.journey_id = ?", journey)).singleElement().satisfies(row -> {
            assertThat(row.get("deferred")).isEqualTo(true);
            assertThat(row.get("status")).isEqualTo("pending");
            assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isEqualTo(eight);
        }));
        assertThat(SmsCentre.sink().messagesTo(phone)).isEmpty();

        // morning comes: the text goes, not dropped
        TestClock.advance(Duration.between(evening.toInstant(), eight).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmsCentre.sink().messagesTo(phone))
                .singleElement().satisfies(sms -> assertThat(sms.text()).startsWith("Relais : votre démarche est terminée")));
    }

    @Test
    void aRefusedSmsFallsBackToALetterInTheSitesBatchThatItsAgentsPrint() {
        daytime();
        UUID journey = UUID.randomUUID();
        String phone = mobile();
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, null, null, phone, true));
        SmsCentre.sink().failNextTo(phone, FaultMode.PERMANENT, 1);
        Instant startsAt = nextDayAt(4, 9, 0);
        publish(reminder(journey, UUID.randomUUID(), "fs-gueret", startsAt, "h48"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Db.query(
                "select d.channel, d.status from delivery d join notification n on n.id = d.notification_id where n.journey_id = ?"
                        + " order by d.channel", journey)).extracting(row -> row.get("channel") + ":" + row.get("status"))
                .containsExactly("letter:sent", "sms:failed"));
        // the batch's day is the service's (daytime() moves its clock to tomorrow morning after 20:00 in Paris)
        String day = LocalDate.ofInstant(new TestClock().instant(), PARIS).toString();
        String gilles = KeycloakTokens.accessToken(DemoUser.GILLES);
        byte[] pdf = RestAssured.given().auth().oauth2(gilles).get("/letters/fs-gueret/" + day + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(text(pdf)).contains("Mohamed Benali").contains("3 place du Marché").contains("23000 Guéret")
                .contains("N'oubliez pas votre rendez-vous " + written(startsAt));
        // another site's agent never sees these letters
        RestAssured.given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).get("/letters/fs-gueret")
                .then().statusCode(403);
        RestAssured.given().auth().oauth2(gilles).post("/letters/fs-gueret/" + day + "/posted").then().statusCode(200);
        assertThat(Db.query("select d.status from delivery d join notification n on n.id = d.notification_id"
                + " where n.journey_id = ? and d.channel = 'letter'", journey)).extracting(row -> row.get("status"))
                .containsExactly("delivered");
    }

    @Test
    void aBusySmsCentreIsTriedAgainAndTheTextGoesOnce() {
        daytime();
        UUID journey = UUID.randomUUID();
        String phone = mobile();
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, null, null, phone, false));
        SmsCentre.sink().failNextTo(phone, FaultMode.TEMPORARY, 1);
        publish(new JourneyCompleted(journey, 9, Instant.now(), Actor.system("journey-service")));
        // the sink holds the text before the delivery row records it as sent: wait for the row, then count
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Db.query(
                "select d.status, d.attempts from delivery d join notification n on n.id = d.notification_id"
                        + " where n.journey_id = ?", journey)).extracting(row -> row.get("status") + ":" + row.get("attempts"))
                .containsExactly("sent:2"));
        assertThat(SmsCentre.sink().messagesTo(phone)).hasSize(1);
    }

    @Test
    void herMessagesAreHersToReadAndStaffSeeOnlyCodes() {
        daytime();
        UUID journey = UUID.randomUUID();
        String email = "mine." + journey + "@example.org";
        FakeRecipients.answer(journey, FakeRecipients.recipient(journey, CAMILLE_SUBJECT, email, null, false));
        publish(new JourneyCompleted(journey, 9, Instant.now(), Actor.system("journey-service")));
        String camille = KeycloakTokens.accessToken(DemoUser.CAMILLE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RestAssured.given().auth().oauth2(camille)
                .get("/me/messages").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.journeyId == '" + journey + "' }.text", String.class))
                .singleElement().asString().startsWith("Bonjour,"));
        // staff see a journey's messages when journey-service lets them see the journey, with their own token
        RestAssured.given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA)).get("/journeys/" + journey + "/messages")
                .then().statusCode(403);
        FakeRecipients.readableByStaff(journey);
        String staff = RestAssured.given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA))
                .get("/journeys/" + journey + "/messages").then().statusCode(200).extract().asString();
        assertThat(staff).contains("\"trigger\":\"journey-completed\"").contains("\"channel\":\"email\"")
                .doesNotContain("Bonjour").doesNotContain(email);
        RestAssured.given().auth().oauth2(camille).get("/journeys/" + journey + "/messages").then().statusCode(403);
        RestAssured.given().get("/me/messages").then().statusCode(401);
    }

    @Test
    void aJourneyJourneyServiceDoesNotKnowIsFailedWithItsReasonOnNotificationEvents() {
        UUID journey = UUID.randomUUID(); // FakeRecipients answers 404 for it, as journey-service does
        publish(new JourneyCompleted(journey, 9, Instant.now(), Actor.system("journey-service")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications.forKey(journey.toString()))
                .singleElement().satisfies(record -> assertThat(record.value()).contains("\"reason\":\"unknown-journey\"")));
    }

    @Test
    void anEventOfAnUnknownTypeIsParkedWithItsReason() {
        UUID journey = UUID.randomUUID();
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "test",
                "ce_type", "relais.appointment.teleported.v1", "ce_subject", journey.toString(), "ce_time", Instant.now().toString());
        sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journey.toString(), headers, "{}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appointmentDlq.forKey(journey.toString()))
                .singleElement().satisfies(record -> assertThat(record.header(fr.relais.events.CloudEventHeaders.DLQ_REASON_HEADER)).contains("unknown CloudEvents type")));
    }

    private static void publish(JourneyScoped event) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload("test", event, null, null);
        String topic = event instanceof JourneyCompleted ? Topics.JOURNEY_EVENTS : Topics.APPOINTMENT_EVENTS;
        try {
            sender.send(TestTopics.of(topic), event.kafkaKey(), attributes.toKafkaHeaders(),
                    ContractJson.mapper().writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AppointmentBooked booked(UUID journey, UUID booking, String site, Instant startsAt) {
        return new AppointmentBooked(booking, journey, Instant.now(), site, site + "-g1", "cni-depot", "cni-renouvellement",
                "rdv-biometrie", startsAt, startsAt.plus(Duration.ofMinutes(30)));
    }

    private static AppointmentReminderDue reminder(UUID journey, UUID booking, String site, Instant startsAt, String code) {
        return new AppointmentReminderDue(booking, journey, Instant.now(), site, site + "-g1", "cni-depot", "cni-renouvellement",
                "rdv-biometrie", startsAt, startsAt.plus(Duration.ofMinutes(30)), code);
    }

    /** Moves the service's clock to 10:00 Paris when the real time is in the quiet hours, so SMS go at once. */
    private static void daytime() {
        ZonedDateTime now = ZonedDateTime.now(PARIS);
        if (now.getHour() >= 20 || now.getHour() < 8) {
            ZonedDateTime ten = now.with(LocalTime.of(10, 0));
            if (ten.isBefore(now)) {
                ten = ten.plusDays(1);
            }
            TestClock.advance(Duration.between(now, ten));
        }
    }

    private static Instant nextDayAt(int days, int hour, int minute) {
        return ZonedDateTime.now(PARIS).plusDays(days).with(LocalTime.of(hour, minute)).truncatedTo(ChronoUnit.MINUTES).toInstant();
    }

    private static String written(Instant at) {
        return fr.relais.document.FrenchDates.withWeekday(at);
    }

    private static String mobile() {
        return "+336" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String text(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
