package fr.relais.journey.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.ConsumerGroups;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A staff member's access to a booking (appointment.events) is in the citizen's access log, once; poison is parked. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BookingAccessLogTest {

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
    void aBookingAccessIsWrittenToTheCitizensAccessLogOnce() {
        UUID journeyId = UUID.randomUUID();
        Actor camille = new Actor(KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText(), Set.of("citizen"), null, Channel.PORTAL);
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, camille, Instant.now(), "cni-renouvellement");
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        Instant startsAt = Instant.now().plus(Duration.ofDays(3));
        BookingAccessed access = new BookingAccessed(UUID.randomUUID(), journeyId, Instant.now(), "fs-gueret", "fs-gueret-g1",
                "cni-biometrie", "cni-renouvellement", "rdv-biometrie", startsAt, startsAt.plusSeconds(1200),
                "00000000-0000-4000-8000-000000000003", "phone-agent", "tel-national", BookingAccessed.CANCEL,
                BookingAccessed.VERIFIED_CALL);
        Map<String, String> headers = CloudEventAttributes.forPayload("appointment-service", access, null, null).toKafkaHeaders();
        String json = CommandBus.json(access);
        bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(), headers, json);
        RecordMetadata redelivered = bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(), headers, json);

        await().atMost(Duration.ofSeconds(20)).until(() -> accessLog(journeyId).size() == 1);
        ConsumerGroups.awaitConsumed("journey-service-test", redelivered, Duration.ofSeconds(30));
        List<Map<String, Object>> log = accessLog(journeyId);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("action", "booking-cancel").containsEntry("reason", "verified-call")
                .containsEntry("actorRole", "phone-agent").containsEntry("actorSite", "tel-national").containsEntry("channel", "phone");
    }

    @Test
    void anUnreadableBookingAccessIsParkedWithItsReason() {
        UUID journeyId = UUID.randomUUID();
        bus.sender.send(TestTopics.of(Topics.APPOINTMENT_EVENTS), journeyId.toString(),
                CommandBus.headersFor(CommandBus.typeOf(BookingAccessed.class), journeyId),
                "{\"journeyId\":\"" + journeyId + "\",\"action\":\"delete\"}");
        List<TopicCollector.Received> parked = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLetters.forKey(journeyId.toString()), list -> !list.isEmpty());
        assertThat(parked.get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("unreadable booking access");
    }

    /** The booking entries of the journey's access log (Camille's log also lists reads of her person record). */
    private static List<Map<String, Object>> accessLog(UUID journeyId) {
        JsonPath body = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get("/journeys/" + journeyId + "/access-log")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = body.getList("$");
        return entries.stream().filter(e -> String.valueOf(e.get("action")).startsWith("booking-")).toList();
    }
}
