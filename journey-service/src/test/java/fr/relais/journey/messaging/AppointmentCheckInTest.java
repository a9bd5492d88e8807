package fr.relais.journey.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.ConsumerGroups;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/** A check-in at an appointment (appointment.events) becomes the citizen's presence at the site, once. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AppointmentCheckInTest {

    static CommandBus bus;
    static TopicCollector deadLetters;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
        deadLetters = new TopicCollector(TestTopics.of(Topics.dlq(Topics.APPOINTMENT_EVENTS)));
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
        deadLetters.close();
    }

    @Test
    void aCheckInRecordsPresenceOnceAndLetsTheSiteAgentRead() {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        Instant startsAt = Instant.now().minusSeconds(300);
        AppointmentCheckedIn checkedIn = new AppointmentCheckedIn(UUID.randomUUID(), journeyId, Instant.now(), "fs-aubervilliers",
                "fs-aubervilliers-1", "cni-biometrie", "cni-renouvellement", "rdv-biometrie", startsAt, startsAt.plusSeconds(1200));
        Map<String, String> headers = CloudEventAttributes.forPayload("appointment-service", checkedIn, null, null).toKafkaHeaders();
        String json = CommandBus.json(checkedIn);
        bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(), headers, json);
        RecordMetadata redelivered = bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(), headers, json);

        await().atMost(Duration.ofSeconds(20)).until(() -> bus.eventsOf(journeyId).stream()
                .anyMatch(r -> CommandBus.typeOf(PresenceRecorded.class).equals(r.header(CloudEventHeaders.TYPE))));
        ConsumerGroups.awaitConsumed("journey-service-test", redelivered, Duration.ofSeconds(30));
        bus.awaitEventsQuiet();
        assertThat(bus.eventsOf(journeyId)).as("started + presence-recorded, once").hasSize(2);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).get("/journeys/" + journeyId)
                .then().statusCode(200).body("accessReason", is("present-at-site"));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).get("/journeys/" + journeyId).then().statusCode(403);
    }

    @Test
    void anUnreadableCheckInIsParkedWithItsReason() {
        UUID journeyId = UUID.randomUUID();
        bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(),
                CommandBus.headersFor(CommandBus.typeOf(AppointmentCheckedIn.class), journeyId), "{\"journeyId\":\"" + journeyId + "\"}");
        List<TopicCollector.Received> parked = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLetters.forKey(journeyId.toString()), list -> !list.isEmpty());
        assertThat(parked.get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("unreadable check-in");
    }
}
