package fr.relais.gateway;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StepCompleted;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A desk agent acts; the citizen's open page hears about it at once (server-sent events from journey.events). */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class LiveUpdatesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEventOnHerJourneyReachesTheCitizensScreen() throws Exception {
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(journey, KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText());
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/journeys/" + journey + "/live"))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(DemoUser.CAMILLE))
                .header("Accept", "text/event-stream").build();
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));

        Actor agnes = new Actor("00000000-0000-4000-8000-000000000004", Set.of("counter-agent"), "fs-aubervilliers", Channel.DESK);
        StepCompleted event = new StepCompleted(journey, 5, Instant.now(), agnes, "rdv-biometrie", "remise", List.of("empreintes-relevees"));
        try (TopicSender sender = new TopicSender()) {
            // the stream subscribes asynchronously: send until the screen has heard it
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), journey.toString(),
                        CloudEventAttributes.forPayload("journey-service", event, null, null).toKafkaHeaders(),
                        ContractJson.mapper().writeValueAsString(event));
                return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("step-completed")
                        && line.contains("rdv-biometrie") && line.contains("desk"));
            });
        }
    }

    @Test
    void anotherCitizenCannotWatchIt() throws Exception {
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(journey, KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/journeys/" + journey + "/live"))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(DemoUser.MOHAMED))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(404);
    }
}
