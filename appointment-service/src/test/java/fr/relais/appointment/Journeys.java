package fr.relais.appointment;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.JourneyScoped;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.mediation.MediationCaseClaimed;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.mediation.MediationSlaBreached;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicSender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Makes journeys and the reasons to act on them known to the service the way production does: records on the
 * suite's journey.events and mediation.events topics, as journey-service and mediation-service write them. Each
 * method returns once the service has processed the record (its id is in processed_message).
 */
public final class Journeys implements AutoCloseable {

    public static final String PROCEDURE = "cni-renouvellement";

    private final TopicSender sender = new TopicSender();
    private final TestDatabase db;

    public Journeys(TestDatabase db) {
        this.db = db;
    }

    public static String sub(DemoUser user) {
        return KeycloakTokens.claims(user).path("sub").asText();
    }

    public static Actor citizen(DemoUser user) {
        return new Actor(sub(user), Set.of("citizen"), null, Channel.PORTAL);
    }

    /** A journey of the ID card procedure started by the citizen on the portal. */
    public UUID startedBy(DemoUser citizen) {
        return startedBy(citizen, PROCEDURE);
    }

    public UUID startedBy(DemoUser citizen, String procedureId) {
        UUID journey = UUID.randomUUID();
        publish(new JourneyStarted(journey, 1, Instant.now(), citizen(citizen), procedureId, 1, "identite"));
        return journey;
    }

    /** Many journeys at once: the records are sent first, then awaited together. */
    public List<UUID> startedBy(DemoUser citizen, int count) {
        List<UUID> journeys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID journey = UUID.randomUUID();
            journeys.add(journey);
            ids.add(send(Topics.JOURNEY_EVENTS, "journey-service",
                    new JourneyStarted(journey, 1, Instant.now(), citizen(citizen), PROCEDURE, 1, "identite")));
        }
        ids.forEach(this::awaitProcessed);
        return journeys;
    }

    public void claimedBy(UUID journey, DemoUser agent, String site) {
        publish(new JourneyClaimed(journey, 2, Instant.now(), staff(agent, "counter-agent", site, Channel.DESK), Channel.DESK, site));
    }

    public void presentAt(UUID journey, String site) {
        publish(new PresenceRecorded(journey, 3, Instant.now(), Actor.system("appointment-service"), site, "appointment-check-in"));
    }

    public void handedOffTo(UUID journey, DemoUser citizen, String site) {
        publish(new HandoffRequested(journey, 4, Instant.now(), citizen(citizen), Channel.DESK, site, "citizen-request"));
    }

    public void callerVerifiedBy(UUID journey, DemoUser phoneAgent) {
        publish(new CallerVerified(journey, 5, Instant.now(), staff(phoneAgent, "phone-agent", "tel-national", Channel.PHONE),
                Instant.now().plus(Duration.ofMinutes(30))));
    }

    public void mandateTo(UUID journey, DemoUser citizen, String site) {
        publish(new MandateGranted(journey, 6, Instant.now(), citizen(citizen), UUID.randomUUID(), site, PROCEDURE,
                Instant.now().plus(Duration.ofDays(7))));
    }

    public void cancelledBy(UUID journey, DemoUser citizen) {
        publish(new JourneyCancelled(journey, 7, Instant.now(), citizen(citizen), "citizen-request"));
    }

    /** @return the case id */
    public UUID caseOpened(UUID journey, String pool) {
        UUID caseId = UUID.randomUUID();
        publish(new MediationCaseOpened(caseId, journey, Instant.now(), "friction-threshold", "high", pool, 13.5, 12.0, 1,
                PROCEDURE, "formulaire", List.of("validation-error"), Instant.now().plus(Duration.ofHours(4)),
                Instant.now().plus(Duration.ofHours(48))));
        return caseId;
    }

    public void caseClaimed(UUID caseId, UUID journey, DemoUser mediator, String pool) {
        publish(new MediationCaseClaimed(caseId, journey, Instant.now(), sub(mediator), pool, "high"));
    }

    /** The case missed its first-contact SLA: back in the pool's queue, unassigned. */
    public void caseSlaBreached(UUID caseId, UUID journey, String pool) {
        publish(new MediationSlaBreached(caseId, journey, Instant.now(), "first-contact", "urgent", pool,
                Instant.now().plus(Duration.ofHours(2)), 1));
    }

    public void caseResolved(UUID caseId, UUID journey, DemoUser mediator, String pool) {
        publish(new MediationCaseResolved(caseId, journey, Instant.now(), sub(mediator), "helped-online", pool, "high",
                Instant.now().minus(Duration.ofHours(1))));
    }

    /** Sends the record and waits until the service processed it; returns its CloudEvents id. */
    public String publish(JourneyScoped event) {
        String id = event instanceof MediationEvent ? send(Topics.MEDIATION_EVENTS, "mediation-service", event)
                : send(Topics.JOURNEY_EVENTS, "journey-service", event);
        awaitProcessed(id);
        return id;
    }

    public String send(String topic, String source, JourneyScoped event) {
        Map<String, String> headers = CloudEventAttributes.forPayload(source, event, null, null).toKafkaHeaders();
        sender.send(TestTopics.of(topic), event.kafkaKey(), headers, json(event));
        return headers.get(CloudEventHeaders.ID);
    }

    private void awaitProcessed(String id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> db.count("select count(*) from processed_message where message_id = ?", id) == 1);
    }

    private static Actor staff(DemoUser user, String role, String site, Channel channel) {
        return new Actor(sub(user), Set.of(role), site, channel);
    }

    public static String json(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
