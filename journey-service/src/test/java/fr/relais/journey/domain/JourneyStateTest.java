package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.StepCompleted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.relais.journey.domain.Harness.AGNES;
import static fr.relais.journey.domain.Harness.APPOINTMENTS;
import static fr.relais.journey.domain.Harness.CAMILLE;
import static fr.relais.journey.domain.Harness.MEDIATION;
import static fr.relais.journey.domain.Harness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyStateTest {

    private static final UUID ID = UUID.randomUUID();

    private static JourneyStarted started() {
        return new JourneyStarted(ID, 1, T0, CAMILLE, "cni-renouvellement", 2, "identite");
    }

    @Test
    void foldOfNothingIsNull() {
        assertNull(JourneyState.fold(List.of()));
    }

    @Test
    void startedJourney() {
        JourneyState state = JourneyState.fold(List.of(started()));
        assertEquals(new JourneyState(ID, "cni-renouvellement", 2, "sub-camille", JourneyStatus.IN_PROGRESS,
                "identite", List.of(), 1, null, null, null, null, List.of(), null, null, Channel.PORTAL, null), state);
        assertFalse(state.isTerminal());
        assertFalse(state.isAwaitingHandoff());
        assertTrue(state.claimant().isEmpty());
    }

    @Test
    void firstEventMustBeJourneyStartedWithSequenceOne() {
        StepCompleted step = new StepCompleted(ID, 1, T0, CAMILLE, "identite", "formulaire", List.of());
        assertThrows(IllegalStateException.class, () -> JourneyState.fold(List.of(step)));
        assertThrows(IllegalStateException.class,
                () -> JourneyState.start(new JourneyStarted(ID, 2, T0, CAMILLE, "cni-renouvellement", 2, "identite")));
    }

    @Test
    void sequencesMustBeContiguous() {
        JourneyState state = JourneyState.start(started());
        StepCompleted gap = new StepCompleted(ID, 3, T0, CAMILLE, "identite", "formulaire", List.of());
        assertThrows(IllegalStateException.class, () -> state.apply(gap));
        StepCompleted replay = new StepCompleted(ID, 1, T0, CAMILLE, "identite", "formulaire", List.of());
        assertThrows(IllegalStateException.class, () -> state.apply(replay));
    }

    @Test
    void aSecondStartOrAnotherJourneysEventIsRefused() {
        JourneyState state = JourneyState.start(started());
        assertThrows(IllegalStateException.class,
                () -> state.apply(new JourneyStarted(ID, 2, T0, CAMILLE, "cni-renouvellement", 2, "identite")));
        assertThrows(IllegalStateException.class, () -> state.apply(
                new StepCompleted(UUID.randomUUID(), 2, T0, CAMILLE, "identite", "formulaire", List.of())));
    }

    @Test
    void statusFollowsClaimHandoffAndEscalation() {
        Harness h = Harness.started(CAMILLE, "cni-renouvellement");
        assertEquals(JourneyStatus.IN_PROGRESS, h.state.status());
        h.accept(h.handoff(CAMILLE, Channel.DESK, "fs-aubervilliers"));
        assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
        UUID caseId = UUID.randomUUID();
        h.accept(h.escalate(MEDIATION, caseId));
        assertEquals(JourneyStatus.ESCALATED, h.state.status());
        assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.statusBeforeEscalation());
        h.accept(h.claim(AGNES));
        assertEquals(JourneyStatus.ESCALATED, h.state.status());
        assertEquals(JourneyStatus.WITH_AGENT, h.state.statusBeforeEscalation());
        assertNull(h.state.handoff());
        h.accept(h.deescalate(MEDIATION, caseId));
        assertEquals(JourneyStatus.WITH_AGENT, h.state.status());
        h.accept(h.release(AGNES));
        assertEquals(JourneyStatus.IN_PROGRESS, h.state.status());
        h.accept(h.abandon(MEDIATION));
        assertEquals(JourneyStatus.ABANDONED, h.state.status());
        assertEquals(h.events.size(), h.state.version());
        assertEquals(h.state, JourneyState.fold(h.events));
    }

    /** What the citizen's screens show as editable: open, no agent on it, no handoff waiting (an open case alone does not stop her). */
    @Test
    void theCitizenMayActWhileNoAgentHoldsItAndNoHandoffWaits() {
        Harness h = Harness.started(CAMILLE, "cni-renouvellement");
        assertTrue(h.state.citizenMayAct());
        UUID caseId = UUID.randomUUID();
        h.accept(h.escalate(MEDIATION, caseId));
        assertTrue(h.state.citizenMayAct(), "escalated, nobody on it yet");
        h.accept(h.handoff(CAMILLE, Channel.DESK, "fs-aubervilliers"));
        assertFalse(h.state.citizenMayAct(), "waits for the desk");
        h.accept(h.claim(AGNES));
        assertFalse(h.state.citizenMayAct(), "an agent holds it");
        h.accept(h.deescalate(MEDIATION, caseId));
        h.accept(h.release(AGNES));
        assertTrue(h.state.citizenMayAct(), "handed back");
        h.accept(h.abandon(MEDIATION));
        assertFalse(h.state.citizenMayAct(), "closed");
    }

    @Test
    void lastChannelIgnoresServices() {
        Harness h = Harness.started(CAMILLE, "cni-renouvellement");
        h.accept(h.presence(APPOINTMENTS, "fs-aubervilliers"));
        assertEquals(Channel.PORTAL, h.state.lastChannel());
        h.accept(h.claim(AGNES));
        assertEquals(Channel.DESK, h.state.lastChannel());
    }

    @Test
    void foldIsStableForEveryPrefix() {
        Harness h = Harness.started(CAMILLE, "changement-adresse");
        for (int i = 0; i < 4; i++) {
            h.submitCurrent(CAMILLE);
        }
        JourneyState stepwise = null;
        for (int i = 0; i < h.events.size(); i++) {
            JourneyEvent event = h.events.get(i);
            stepwise = JourneyState.evolve(stepwise, event);
            assertEquals(stepwise, JourneyState.fold(h.events.subList(0, i + 1)));
            assertEquals(i + 1, stepwise.version());
        }
        assertEquals(JourneyStatus.COMPLETED, stepwise.status());
    }

    @Test
    void stateRoundTripsThroughTheContractJsonMapper() throws Exception {
        Harness h = Harness.started(CAMILLE, "cni-renouvellement");
        h.submitCurrent(CAMILLE);
        h.accept(h.grant(CAMILLE, "fs-aubervilliers", fr.relais.events.journey.MandateDuration.ONE_DAY));
        h.accept(h.presence(APPOINTMENTS, "fs-aubervilliers"));
        h.accept(h.claim(AGNES));
        h.accept(h.escalate(MEDIATION, UUID.randomUUID()));
        var mapper = fr.relais.events.ContractJson.mapper();
        String json = mapper.writeValueAsString(h.state);
        assertEquals(h.state, mapper.readValue(json, JourneyState.class), json);
        assertTrue(json.contains("\"lastChannel\":\"desk\""), json);
    }

    @Test
    void presenceIsValidUntilMidnightInParis() {
        Presence presence = new Presence("fs-gueret", Instant.parse("2026-07-01T06:30:00Z")); // 08:30 CEST
        assertTrue(presence.validAt("fs-gueret", Instant.parse("2026-07-01T21:59:00Z")));
        assertFalse(presence.validAt("fs-gueret", Instant.parse("2026-07-01T22:00:00Z")));
        assertFalse(presence.validAt("fs-aubusson", Instant.parse("2026-07-01T07:00:00Z")));
        assertFalse(presence.validAt(null, Instant.parse("2026-07-01T07:00:00Z")));
    }
}
