package fr.relais.appointment.messaging;

import fr.relais.appointment.Events;
import fr.relais.appointment.TestDatabase;
import fr.relais.appointment.TestTopics;
import fr.relais.appointment.api.BookingApiTestSupport;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.testsupport.ConsumerGroups;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** journey.events as journey-service writes them: owners are learnt, ended journeys lose their bookings, poison is parked. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class JourneyEventsTest {

    static Events events;
    static TopicSender sender;
    static TopicCollector dlq;

    @Inject
    AgroalDataSource dataSource;

    TestDatabase db;

    @BeforeAll
    static void connect() {
        events = new Events();
        sender = new TopicSender();
        dlq = new TopicCollector(TestTopics.of(Topics.dlq(Topics.JOURNEY_EVENTS)));
    }

    @AfterAll
    static void disconnect() throws Exception {
        events.close();
        sender.close();
        dlq.close();
    }

    @BeforeEach
    void clean() throws Exception {
        db = new TestDatabase(dataSource);
        db.clearBookings();
    }

    @Test
    void aCitizenSeesTheBookingAnAgentMadeForTheirJourneyAndACancelledJourneyLosesIt() throws Exception {
        Actor citizen = camilleOnThePortal();
        UUID journey = startedBy(citizen);
        // agnes acts for camille, who waits for her site's desk
        publish(new fr.relais.events.journey.HandoffRequested(journey, 2, Instant.now(), citizen, Channel.DESK,
                "fs-aubervilliers", "citizen-request"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from journey_fact where journey_id = ? and handoff_site = 'fs-aubervilliers'", journey) == 1);

        Instant start = BookingApiTestSupport.mondayAt(10, 20);
        String id = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement", "stepId", "rdv-biometrie",
                        "motif", "cni-biometrie", "site", "fs-aubervilliers", "startsAt", start.toString()))
                .post("/bookings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).post("/bookings/" + id + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        // another citizen may not book on Camille's journey, nor learn that it exists
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MOHAMED)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement", "stepId", "remise",
                        "motif", "cni-remise", "site", "fs-aubervilliers", "startsAt", start.plus(Duration.ofDays(7)).toString()))
                .post("/bookings").then().statusCode(404).body("reason", equalTo("journey-not-found"));

        JourneyCancelled cancelled = new JourneyCancelled(journey, 3, Instant.now(), citizen, "citizen-request");
        String recordId = publish(cancelled);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(db.status(UUID.fromString(id))));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, AppointmentCancelled.class).size() == 1);
        assertThat(events.of(journey, AppointmentCancelled.class).get(0).reason()).isEqualTo("journey-cancelled");

        // a redelivered record changes nothing
        RecordMetadata redelivered = sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), journey.toString(),
                headers(cancelled, recordId), json(cancelled));
        ConsumerGroups.awaitConsumed("appointment-service-test", redelivered, Duration.ofSeconds(30));
        events.awaitQuiet(db);
        assertThat(events.of(journey, AppointmentCancelled.class)).hasSize(1);
    }

    @Test
    void aStepDoneBeforeItsAppointmentReleasesThatStepsBookingOnly() throws Exception {
        UUID journey = startedBy(camilleOnThePortal());
        Instant start = BookingApiTestSupport.mondayAt(10, 20);
        String biometrics = confirmedBooking(journey, "rdv-biometrie", "cni-biometrie", start);
        String handOver = confirmedBooking(journey, "remise", "cni-remise", start.plus(Duration.ofDays(7)));

        // a walk-in: the fingerprints were taken at the desk today, before the booked day
        Actor agent = new Actor(KeycloakTokens.claims(DemoUser.AGNES).path("sub").asText(), Set.of("counter-agent"),
                "fs-aubervilliers", Channel.DESK);
        publish(new StepCompleted(journey, 5, Instant.now(), agent, "rdv-biometrie", "remise", java.util.List.of("empreintes-relevees")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(db.status(UUID.fromString(biometrics))));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(journey, AppointmentCancelled.class).size() == 1);
        assertThat(events.of(journey, AppointmentCancelled.class).get(0).reason()).isEqualTo("step-completed");
        assertThat(db.status(UUID.fromString(handOver))).isEqualTo("CONFIRMED");
    }

    private static Actor camilleOnThePortal() {
        return new Actor(KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText(), Set.of("citizen"), null, Channel.PORTAL);
    }

    /** A journey journey-service reports started by the citizen, once appointment-service has learnt its owner. */
    private UUID startedBy(Actor citizen) throws Exception {
        UUID journey = UUID.randomUUID();
        publish(new JourneyStarted(journey, 1, Instant.now(), citizen, "cni-renouvellement", 2, "identite"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from journey_fact where journey_id = ? and procedure_id = 'cni-renouvellement'", journey) == 1);
        return journey;
    }

    private static String confirmedBooking(UUID journey, String stepId, String motif, Instant start) {
        String id = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType(ContentType.JSON)
                .body(Map.of("journeyId", journey.toString(), "procedureId", "cni-renouvellement", "stepId", stepId,
                        "motif", motif, "site", "fs-aubervilliers", "startsAt", start.toString()))
                .post("/bookings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).post("/bookings/" + id + "/confirm")
                .then().statusCode(200);
        return id;
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), key, Map.of(CloudEventHeaders.TYPE, "relais.journey.journey-cancelled.v1",
                CloudEventHeaders.ID, UUID.randomUUID().toString()), "{not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> !dlq.forKey(key).isEmpty());
        assertThat(dlq.forKey(key).get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).startsWith("unreadable");
    }

    private String publish(fr.relais.events.journey.JourneyEvent event) {
        Map<String, String> headers = CloudEventAttributes.forPayload("journey-service", event, null, null).toKafkaHeaders();
        sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), event.journeyId().toString(), headers, json(event));
        return headers.get(CloudEventHeaders.ID);
    }

    private static Map<String, String> headers(fr.relais.events.journey.JourneyEvent event, String id) {
        Map<String, String> headers = new java.util.HashMap<>(CloudEventAttributes.forPayload("journey-service", event, null, null).toKafkaHeaders());
        headers.put(CloudEventHeaders.ID, id);
        return headers;
    }

    private static String json(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
