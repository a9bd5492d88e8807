package fr.relais.gateway;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StepCompleted;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may follow a journey live is decided on the matched route before the stream opens, decided again while it is
 * open (every second in the test profile), and capped per caller (5).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class LiveStreamAccessTest {

    @TestHTTPResource("/")
    URL base;

    private URI live(UUID journey, String suffix) {
        return URI.create(base + "api/journeys/" + journey + "/live" + suffix);
    }

    private static UUID journeyReadableBy(DemoUser user) {
        UUID id = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(id, KeycloakTokens.claims(user).path("sub").asText());
        return id;
    }

    @Test
    void aTrailingSlashIsTheSameRouteAndTheSameRefusal() throws Exception {
        UUID camilles = journeyReadableBy(DemoUser.CAMILLE);
        for (String suffix : List.of("", "/")) {
            try (LiveStream stream = LiveStream.open(live(camilles, suffix), KeycloakTokens.accessToken(DemoUser.MOHAMED))) {
                assertThat(stream.status()).as("/live" + suffix).isEqualTo(404);
                assertThat(stream.contentType()).doesNotContain("event-stream");
            }
        }
        // the slash does reach the stream: its owner gets it there too (so it must be checked there)
        try (LiveStream stream = LiveStream.open(live(camilles, "/"), KeycloakTokens.accessToken(DemoUser.CAMILLE))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).contains("event-stream");
        }
    }

    @Test
    void theStreamEndsWhenTheReasonToWatchEnds() throws Exception {
        // Paul may read this journey (a verified call, say) until journey-service stops letting him
        UUID journey = journeyReadableBy(DemoUser.PAUL);
        try (LiveStream stream = LiveStream.open(live(journey, ""), KeycloakTokens.accessToken(DemoUser.PAUL))) {
            assertThat(stream.status()).isEqualTo(200);
            // several re-checks pass while he may read it, and the screen still hears the journey
            assertThat(stream.endsWithin(Duration.ofMillis(3500))).as("open while allowed").isFalse();
            heard(stream, journey);
            // the time box is over: journey-service refuses him from now on
            JourneyServiceStub.OWNERS.remove(journey);
            assertThat(stream.endsWithin(Duration.ofSeconds(10))).as("closed once refused").isTrue();
        }
    }

    @Test
    void aCallerHoldsAtMostFiveStreams() throws Exception {
        List<LiveStream> open = new ArrayList<>();
        List<UUID> journeys = new ArrayList<>();
        String token = KeycloakTokens.accessToken(DemoUser.GILLES);
        // his streams are counted across instances and runs (rows of live_stream): start with none
        new JdbcDatabase("gateway_test", "gateway").update("DELETE FROM live_stream WHERE caller = ?",
                KeycloakTokens.claims(DemoUser.GILLES).path("sub").asText());
        try {
            for (int i = 0; i < 5; i++) {
                UUID journey = journeyReadableBy(DemoUser.GILLES);
                journeys.add(journey);
                LiveStream stream = LiveStream.open(live(journey, ""), token);
                open.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }
            UUID sixth = journeyReadableBy(DemoUser.GILLES);
            try (LiveStream refused = LiveStream.open(live(sixth, ""), token)) {
                assertThat(refused.status()).isEqualTo(429);
            }
            // one stream ends (its reason to watch ended): its place is free again
            JourneyServiceStub.OWNERS.remove(journeys.get(0));
            assertThat(open.get(0).endsWithin(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                LiveStream again = LiveStream.open(live(sixth, ""), token);
                open.add(again);
                return again.status() == 200;
            });
        } finally {
            open.forEach(LiveStream::close);
        }
    }

    /** Sends a journey event until the screen has heard it (the stream subscribes asynchronously). */
    private static void heard(LiveStream stream, UUID journey) throws Exception {
        Actor agnes = new Actor("00000000-0000-4000-8000-000000000004", Set.of("counter-agent"), "fs-aubervilliers", Channel.DESK);
        StepCompleted event = new StepCompleted(journey, 5, Instant.now(), agnes, "rdv-biometrie", "remise", List.of("empreintes-relevees"));
        try (TopicSender sender = new TopicSender()) {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), journey.toString(),
                        CloudEventAttributes.forPayload("journey-service", event, null, null).toKafkaHeaders(),
                        ContractJson.mapper().writeValueAsString(event));
                return stream.lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("step-completed"));
            });
        }
    }
}
