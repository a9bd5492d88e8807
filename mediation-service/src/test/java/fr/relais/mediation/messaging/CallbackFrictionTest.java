package fr.relais.mediation.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.Escalate;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.FakeJourneyService;
import fr.relais.mediation.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two failed call backs open a mediation case, through the real Kafka and PostgreSQL: Mohamed's journey started at the
 * Guéret desk, Paul misses him twice; the case goes to pool 23, once, whatever is redelivered.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(FakeJourneyService.class)
class CallbackFrictionTest {

    private static final Actor GILLES = new Actor("gilles", Set.of("counter-agent"), "fs-gueret", Channel.DESK);
    private static final Actor AUBUSSON = new Actor("agent-aubusson", Set.of("counter-agent"), "fs-aubusson", Channel.DESK);
    private static final Actor PAUL = new Actor("paul", Set.of("phone-agent"), "tel-national", Channel.PHONE);

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static void send(CallbackAttempted event) {
        bus.send(Topics.JOURNEY_EVENTS, event);
    }

    @Test
    void theSecondFailedAttemptOpensACaseOnceAndItsSkillsAreAskedAfter() {
        UUID journeyId = UUID.randomUUID();
        UUID callbackId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, 1, at, GILLES, "cni-renouvellement", 1, "identite"));
        bus.send(Topics.JOURNEY_EVENTS, new JourneyClaimed(journeyId, 2, at, GILLES, Channel.DESK, "fs-gueret"));
        // the first attempt finds no one: not yet friction
        send(new CallbackAttempted(journeyId, 3, at.plusSeconds(60), PAUL, callbackId, "no-answer", 1, false));
        // a reached call back, even a late one, is never friction
        send(new CallbackAttempted(journeyId, 4, at.plusSeconds(90), PAUL, UUID.randomUUID(), "reached", 3, true));
        // a later record of the journey's partition, handled after those two
        bus.send(Topics.JOURNEY_EVENTS, new JourneyClaimed(journeyId, 5, at.plusSeconds(100), AUBUSSON, Channel.DESK, "fs-aubusson"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from journey_context where journey_id = ? and last_site = 'fs-aubusson'", journeyId) == 1);
        assertThat(Db.count("select count(*) from signal where journey_id = ?", journeyId)).isZero();

        // the second one: the case opens at once, in Guéret's pool, for the call backs that failed
        CallbackAttempted second = new CallbackAttempted(journeyId, 6, at.plusSeconds(3600), PAUL, callbackId,
                "call-dropped", 2, false);
        CloudEventAttributes attributes = CloudEventAttributes.forPayload("test", second, null, null);
        bus.sendRaw(Topics.JOURNEY_EVENTS, journeyId.toString(), attributes.toKafkaHeaders(), Bus.json(second));
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1
                && bus.commandsOf(journeyId, Escalate.class).size() == 1);
        MediationCaseOpened opened = Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class);
        assertThat(opened.pool()).isEqualTo("23");
        assertThat(opened.policyVersion()).isEqualTo(2);
        assertThat(opened.signalKinds()).containsExactly("callback-failed");
        assertThat(opened.priority()).isEqualTo("high");
        assertThat(opened.score()).isGreaterThanOrEqualTo(opened.threshold());

        // redelivered (same record id), then a third failed attempt of the same call back: nothing more
        bus.sendRaw(Topics.JOURNEY_EVENTS, journeyId.toString(), attributes.toKafkaHeaders(), Bus.json(second));
        bus.send(Topics.JOURNEY_EVENTS, new CallbackAttempted(journeyId, 7, at.plusSeconds(7200), PAUL, callbackId,
                "wrong-number", 3, true));
        bus.send(Topics.JOURNEY_EVENTS, new JourneyClaimed(journeyId, 8, at.plusSeconds(7300), GILLES, Channel.DESK, "fs-gueret"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from journey_context where journey_id = ? and last_site = 'fs-gueret'", journeyId) == 1);
        assertThat(Db.count("select count(*) from signal where journey_id = ? and kind = 'callback-failed'", journeyId)).isEqualTo(1);
        assertThat(Db.count("select count(*) from mediation_case where journey_id = ?", journeyId)).isEqualTo(1);
        assertThat(bus.mediationOf(journeyId, MediationCaseOpened.class)).hasSize(1);

        // the case opened with its skills unknown; they are asked of journey-service after
        assertThat(Db.count("select count(*) from case_routing where case_id = ?", opened.caseId())).isEqualTo(1);
    }
}
