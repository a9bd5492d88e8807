package fr.relais.mediation.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.Escalate;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.WentBack;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Records through the real Kafka into the real PostgreSQL: thresholds, duplicates, replays, dead letters. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class FrictionFlowTest {

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static long cases(UUID journeyId) {
        return Db.count("select count(*) from mediation_case where journey_id = ?", journeyId);
    }

    /** Waits until the journey's record with this source id is stored: everything sent before it on the partition was handled. */
    static void awaitSignal(String sourceId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from signal where source_id = ?", sourceId) == 1);
    }

    @Test
    void touchpointsCrossingTheThresholdOpenExactlyOneCaseAndEscalateTheJourney() {
        UUID journeyId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, 1, at, new Actor("c1", Set.of("citizen"), null, Channel.PORTAL),
                "aide-logement", 1, "situation"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from journey_context where journey_id = ? and procedure_id = 'aide-logement'", journeyId) == 1);
        List<Touchpoint> stream = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stream.add(new Touchpoint(UUID.randomUUID(), journeyId, TouchpointKind.VALIDATION_ERROR, "ressources",
                    Channel.PORTAL, null, 1, at.plusMillis(i)));
        }
        stream.forEach(bus::touch);

        await().atMost(Duration.ofSeconds(30)).until(() -> bus.commandsOf(journeyId, Escalate.class).size() == 1
                && bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        TopicCollector.Received command = bus.commandsOf(journeyId, Escalate.class).get(0);
        Escalate escalate = Bus.read(command, Escalate.class);
        assertThat(escalate.actor()).isEqualTo(Actor.system("mediation-service"));
        assertThat(escalate.reasonCode()).isEqualTo("friction-threshold");
        assertThat(command.header(CloudEventHeaders.SOURCE)).isEqualTo("mediation-service");
        TopicCollector.Received openedRecord = bus.mediationOf(journeyId, MediationCaseOpened.class).get(0);
        MediationCaseOpened opened = Bus.read(openedRecord, MediationCaseOpened.class);
        assertThat(opened.caseId()).isEqualTo(escalate.caseId());
        assertThat(opened.policyVersion()).isEqualTo(2);
        assertThat(opened.procedureId()).isEqualTo("aide-logement");
        assertThat(opened.stepId()).isEqualTo("ressources");
        assertThat(opened.pool()).isEqualTo("93");
        assertThat(opened.signalKinds()).containsExactly("validation-error");
        assertThat(opened.score()).isGreaterThanOrEqualTo(opened.threshold());
        // the command is caused by the case-opened event
        assertThat(command.header(CloudEventHeaders.CAUSATION_ID)).isEqualTo(openedRecord.header(CloudEventHeaders.ID));

        // the explanation names the signals and their weights
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA)).get("/journeys/" + journeyId + "/friction")
                .then().statusCode(200)
                .body("procedureId", is("aide-logement"))
                .body("policyVersion", is(2))
                .body("openCaseId", is(opened.caseId().toString()))
                .body("contributions.kind", hasItem("validation-error"))
                .body("contributions.size()", greaterThanOrEqualTo(5));

        // the same stream replayed (new record ids, same touchpoints) opens nothing more
        stream.forEach(bus::touch);
        Touchpoint marker = new Touchpoint(UUID.randomUUID(), journeyId, TouchpointKind.STEP_VIEWED, "ressources",
                Channel.PORTAL, null, 1, at.plusMillis(10));
        bus.touch(marker);
        awaitSignal("touchpoint:" + marker.touchpointId());
        assertThat(Db.count("select count(*) from signal where journey_id = ? and kind = 'validation-error'", journeyId)).isEqualTo(6);
        assertThat(cases(journeyId)).isEqualTo(1);
        assertThat(bus.commandsOf(journeyId, Escalate.class)).hasSize(1);
        assertThat(bus.mediationOf(journeyId, MediationCaseOpened.class)).hasSize(1);
    }

    @Test
    void duplicateRecordsDoNotCountTwice() {
        UUID journeyId = UUID.randomUUID();
        Instant at = Instant.now();
        Touchpoint error = Bus.touchpoint(journeyId, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL, null, at);
        // the same record redelivered (same CloudEvents id), and the same touchpoint re-sent by the gateway (new id)
        CloudEventAttributes attributes = CloudEventAttributes.forPayload("test", error, null, null);
        for (int i = 0; i < 3; i++) {
            bus.sendRaw(Topics.CHANNEL_TOUCHPOINTS, journeyId.toString(), attributes.toKafkaHeaders(), Bus.json(error));
        }
        for (int i = 0; i < 6; i++) {
            bus.touch(error);
        }
        Touchpoint marker = Bus.touchpoint(journeyId, TouchpointKind.STEP_VIEWED, "formulaire", Channel.PORTAL, null, at);
        bus.touch(marker);
        awaitSignal("touchpoint:" + marker.touchpointId());

        assertThat(Db.count("select count(*) from signal where journey_id = ? and kind = 'validation-error'", journeyId)).isEqualTo(1);
        assertThat(Db.query("select score from friction_score where journey_id = ?", journeyId).get(0).get("score"))
                .isEqualTo(2.0);
        assertThat(cases(journeyId)).isZero();
        assertThat(bus.commandsOf(journeyId, Escalate.class)).isEmpty();
    }

    @Test
    void theSameStepOnTwoChannelsAndRepeatedGoingBackAddUp() {
        UUID journeyId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Actor citizen = new Actor("c2", Set.of("citizen"), null, Channel.PORTAL);
        Actor agent = new Actor("a1", Set.of("counter-agent"), "fs-gueret", Channel.DESK);
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.STEP_VIEWED, "justificatifs", Channel.PORTAL, null, at));
        bus.send(Topics.JOURNEY_EVENTS, new StepCompleted(journeyId, 2, at.plusMillis(1), agent, "justificatifs", "validation", List.of("piece")));
        for (int i = 0; i < 3; i++) {
            bus.send(Topics.JOURNEY_EVENTS, new WentBack(journeyId, 3 + i, at.plusMillis(2 + i), citizen, "validation", "justificatifs"));
        }
        // ping-pong 4 + three go-backs 4.5 = 8.5; one more validation error (2) crosses 10
        Touchpoint last = Bus.touchpoint(journeyId, TouchpointKind.VALIDATION_ERROR, "justificatifs", Channel.PORTAL, null, at.plusMillis(10));
        bus.touch(last);

        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        MediationCaseOpened opened = Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class);
        assertThat(opened.signalKinds()).containsExactlyInAnyOrder("channel-ping-pong", "went-back", "validation-error");
        // the desk agent's site routes the case to that site's pool
        assertThat(opened.pool()).isEqualTo("23");
    }

    @Test
    void aCaseOpenedBeforeTheJourneysStartWasReadLearnsItsProcedureWhenItIs() {
        UUID journeyId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the plea for help (channel.touchpoints) overtakes the journey's start (journey.events, through its outbox)
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "situation", Channel.PORTAL, null, at));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases(journeyId) == 1);
        assertThat(Db.count("select count(*) from mediation_case where journey_id = ? and procedure_id is null", journeyId)).isEqualTo(1);

        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, 1, at.minusMillis(5), new Actor("c1", Set.of("citizen"), null, Channel.PORTAL),
                "aide-logement", 1, "situation"));

        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from mediation_case where journey_id = ? and procedure_id = 'aide-logement'", journeyId) == 1);
        assertThat(cases(journeyId)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        UUID journeyId = UUID.randomUUID();
        bus.sendRaw(Topics.CHANNEL_TOUCHPOINTS, journeyId.toString(),
                Bus.headersFor(Contracts.typeOf(Touchpoint.class), journeyId), "{\"touchpointId\": \"not-a-uuid\"");
        bus.sendRaw(Topics.CHANNEL_TOUCHPOINTS, journeyId.toString(), Map.of("ce_id", "x"), "{}");
        // "I need help" opens a case at once
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "identite", Channel.PORTAL, null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> bus.touchpointDlq.forKey(journeyId.toString()).size() == 2
                && bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        List<TopicCollector.Received> parked = bus.touchpointDlq.forKey(journeyId.toString());
        assertThat(parked.get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("unreadable relais.channel.touchpoint.v1 payload");
        assertThat(parked.get(0).value()).isEqualTo("{\"touchpointId\": \"not-a-uuid\"");
        assertThat(parked.get(1).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("missing header ce_type");
    }

    @Test
    void anUnknownTypeOnJourneyEventsGoesToItsDeadLetterTopic() {
        UUID journeyId = UUID.randomUUID();
        bus.sendRaw(Topics.JOURNEY_EVENTS, journeyId.toString(), Bus.headersFor("relais.journey.teleported.v1", journeyId), "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.journeyDlq.forKey(journeyId.toString()).size() == 1);
        assertThat(bus.journeyDlq.forKey(journeyId.toString()).get(0).header(CloudEventHeaders.DLQ_REASON_HEADER))
                .contains("unknown CloudEvents type");
    }

    @Test
    void aNoShowOnAppointmentEventsIsASignal() {
        UUID journeyId = UUID.randomUUID();
        String booking = UUID.randomUUID().toString();
        String noShow = """
                {"bookingId":"%s","journeyId":"%s","occurredAt":"%s","site":"fs-gueret","counter":"fs-gueret-g1",
                 "motif":"cni-biometrie","procedureId":"cni-renouvellement","stepId":"rdv-biometrie",
                 "startsAt":"2026-03-12T09:00:00Z","endsAt":"2026-03-12T09:20:00Z"}""".formatted(booking, journeyId, Instant.now());
        bus.sendRaw(Topics.APPOINTMENT_EVENTS, journeyId.toString(), Bus.headersFor("relais.appointment.no-show.v1", journeyId), noShow);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from signal where source_id = ?",
                "no-show:" + booking) == 1);
        assertThat(Db.query("select procedure_id, last_site from journey_context where journey_id = ?", journeyId).get(0))
                .containsEntry("procedure_id", "cni-renouvellement").containsEntry("last_site", "fs-gueret");
    }
}
