package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.MandateDuration;
import fr.relais.journey.procedure.ProcedureDefinition;
import fr.relais.journey.procedure.StepDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random command sequences from random actors (right and wrong ones) through decide + apply. Invariants:
 * sequences contiguous from 1, a terminal journey accepts nothing, at most one claimant at any time, and the
 * fold of all events equals the state built step by step.
 */
class JourneyPropertiesTest {

    enum Kind {
        SUBMIT_VALID, SUBMIT_INVALID, SUBMIT_OTHER_STEP, GO_BACK, HANDOFF, CLAIM, RELEASE, PRESENCE, VERIFY, GRANT,
        REVOKE, ESCALATE, DEESCALATE, ABANDON, CANCEL
    }

    record Move(Kind kind, int actor, int param, int minutes) {
    }

    private static final List<Actor> ACTORS = List.of(Harness.CAMILLE, Harness.MOHAMED, Harness.AGNES, Harness.GILLES,
            new Actor("sub-bruno", Set.of(Roles.COUNTER_AGENT), "fs-aubervilliers", Channel.DESK),
            Harness.PAUL, Harness.PAULINE, Harness.MAYA, Harness.MAYA_AT_SITE, Harness.OLGA, Harness.MEDIATION,
            Harness.APPOINTMENTS, Harness.on(Harness.CAMILLE, Channel.DESK));
    private static final List<String> SITES = List.of("fs-aubervilliers", "fs-gueret", "fs-saint-denis", "tel-national");
    private static final List<UUID> CASES = List.of(UUID.fromString("00000000-0000-0000-0000-00000000ca5e"),
            UUID.fromString("00000000-0000-0000-0000-00000000ca5f"));

    @Provide
    Arbitrary<List<Move>> scripts() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(48, Kind.SUBMIT_VALID), Tuple.of(8, Kind.SUBMIT_INVALID), Tuple.of(4, Kind.SUBMIT_OTHER_STEP),
                Tuple.of(8, Kind.GO_BACK), Tuple.of(16, Kind.HANDOFF), Tuple.of(24, Kind.CLAIM), Tuple.of(12, Kind.RELEASE),
                Tuple.of(16, Kind.PRESENCE), Tuple.of(16, Kind.VERIFY), Tuple.of(12, Kind.GRANT), Tuple.of(8, Kind.REVOKE),
                Tuple.of(12, Kind.ESCALATE), Tuple.of(12, Kind.DEESCALATE), Tuple.of(1, Kind.ABANDON),
                Tuple.of(1, Kind.CANCEL));
        return Combinators.combine(kinds, actors(),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 240))
                .as(Move::new).list().ofMinSize(1).ofMaxSize(80);
    }

    /** The owner acts most often, so journeys get far; every other actor, right or wrong, still shows up. */
    private static Arbitrary<Integer> actors() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(0), Arbitraries.just(0),
                Arbitraries.integers().between(0, ACTORS.size() - 1));
    }

    @Provide
    Arbitrary<String> procedures() {
        return Arbitraries.of("cni-renouvellement", "aide-logement", "changement-adresse", "procuration-vote");
    }

    @Property(tries = 400)
    void randomCommandSequencesKeepTheInvariants(@ForAll("procedures") String procedureId,
                                                 @ForAll("scripts") List<Move> script) {
        Harness h = Harness.started(Harness.CAMILLE, procedureId);
        Set<String> holders = new HashSet<>();
        for (Move move : script) {
            h.advance(Duration.ofMinutes(move.minutes()));
            JourneyCommand command = command(h, move);
            Map<String, String> answers = answers(h, move);
            JourneyState before = h.state;
            Decision decision = h.decide(command, answers);

            if (before.isTerminal()) {
                Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, decision);
                assertEquals(RejectionReasons.JOURNEY_CLOSED, rejected.reason());
                continue;
            }
            if (!(decision instanceof Decision.Accepted accepted)) {
                Decision.Rejected rejected = (Decision.Rejected) decision;
                assertTrue(RejectionReasons.all().contains(rejected.reason()), rejected.reason());
                assertEquals(rejected.reason().equals(RejectionReasons.FIELD_INVALID), !rejected.fieldErrors().isEmpty());
                continue;
            }
            long expected = before.version();
            for (JourneyEvent event : accepted.events()) {
                assertEquals(++expected, event.sequence(), "contiguous sequence");
                assertEquals(h.now, event.occurredAt());
                assertEquals(command.actor(), event.actor());
                assertEquals(h.journeyId, event.journeyId());
                if (event instanceof JourneyClaimed) {
                    assertNull(h.state.claim(), "a claim is only granted on an unclaimed journey");
                    holders.add(event.actor().subject());
                } else if (event instanceof JourneyReleased || event instanceof HandoffRequested
                        || event instanceof JourneyCompleted || event instanceof JourneyAbandoned
                        || event instanceof JourneyCancelled) {
                    holders.clear();
                }
                assertTrue(holders.size() <= 1, "at most one claimant: " + holders);
                h.state = JourneyState.evolve(h.state, event);
                h.events.add(event);
            }
            checkState(h.state);
        }
        assertEquals(h.state, JourneyState.fold(h.events), "fold of all events = state built step by step");
        for (int i = 0; i < h.events.size(); i++) {
            assertEquals(i + 1, h.events.get(i).sequence());
        }
        assertEquals(h.events.size(), h.state.version());
        assertEquals(holders, h.state.claimant().map(Set::of).orElse(Set.of()));
        if (h.state.isTerminal()) {
            assertTerminalAcceptsNothing(h);
        }
        Statistics.label("final status").collect(h.state.status());
    }

    private static void checkState(JourneyState s) {
        JourneyStatus status = s.status();
        if (s.claim() != null) {
            assertTrue(status == JourneyStatus.WITH_AGENT || status == JourneyStatus.ESCALATED, status::name);
            assertNull(s.handoff(), "a claimed journey waits in no queue");
        }
        assertEquals(status == JourneyStatus.WITH_AGENT, s.claim() != null && s.escalation() == null);
        assertEquals(status == JourneyStatus.HANDOFF_PENDING, s.isAwaitingHandoff() && s.escalation() == null);
        assertEquals(status == JourneyStatus.ESCALATED, s.escalation() != null && !s.isTerminal());
        assertEquals(status == JourneyStatus.ESCALATED, s.statusBeforeEscalation() != null);
        if (s.isTerminal()) {
            assertNull(s.claim());
            assertNull(s.handoff());
        } else {
            assertNotNull(s.currentStepId());
        }
        assertEquals(s.completedSteps().size(), new HashSet<>(s.completedSteps()).size());
        // the rule the citizen's screens used to re-derive from the status: it must say the same
        assertEquals(status == JourneyStatus.IN_PROGRESS
                || status == JourneyStatus.ESCALATED && s.claim() == null && s.handoff() == null, s.citizenMayAct());
    }

    private static void assertTerminalAcceptsNothing(Harness h) {
        for (Kind kind : Kind.values()) {
            for (int actor = 0; actor < ACTORS.size(); actor++) {
                Move move = new Move(kind, actor, actor, 0);
                Decision decision = h.decide(command(h, move), answers(h, move));
                Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, decision);
                assertEquals(RejectionReasons.JOURNEY_CLOSED, rejected.reason());
            }
        }
    }

    private static JourneyCommand command(Harness h, Move move) {
        Actor actor = ACTORS.get(move.actor());
        ProcedureDefinition definition = h.definition();
        List<StepDefinition> steps = definition.steps();
        String site = SITES.get(move.param() % SITES.size());
        return switch (move.kind()) {
            case SUBMIT_VALID, SUBMIT_INVALID -> h.submit(actor, current(h));
            case SUBMIT_OTHER_STEP -> h.submit(actor, move.param() % 5 == 0 ? "inconnue"
                    : steps.get(move.param() % steps.size()).id());
            case GO_BACK -> h.goBack(actor, steps.get(move.param() % steps.size()).id());
            case HANDOFF -> move.param() % 3 == 0 ? h.handoff(actor, Channel.PHONE, null)
                    : h.handoff(actor, Channel.DESK, move.param() % 7 == 0 ? null : site);
            case CLAIM -> h.claim(actor);
            case RELEASE -> h.release(actor);
            case PRESENCE -> h.presence(actor, actor.site() != null && move.param() % 2 == 0 ? actor.site() : site);
            case VERIFY -> h.verify(actor, Duration.ofMinutes(move.param() % 40 - 2));
            case GRANT -> h.grant(actor, site, MandateDuration.values()[move.param() % 3]);
            case REVOKE -> h.revoke(actor, h.state.mandates().isEmpty() || move.param() % 4 == 0 ? UUID.randomUUID()
                    : h.state.mandates().get(move.param() % h.state.mandates().size()).mandateId());
            case ESCALATE -> h.escalate(actor, CASES.get(move.param() % 2));
            case DEESCALATE -> h.deescalate(actor, CASES.get(move.param() % 2));
            case ABANDON -> h.abandon(actor);
            case CANCEL -> h.cancel(actor);
        };
    }

    private static String current(Harness h) {
        return h.state.currentStepId() == null ? h.definition().first().id() : h.state.currentStepId();
    }

    private static Map<String, String> answers(Harness h, Move move) {
        if (move.kind() == Kind.SUBMIT_VALID) {
            return h.valid(current(h));
        }
        if (move.kind() == Kind.SUBMIT_INVALID) {
            Map<String, String> answers = new HashMap<>(h.valid(current(h)));
            List<String> names = new ArrayList<>(answers.keySet());
            if (names.isEmpty() || move.param() % 2 == 0) {
                answers.put("champ-inconnu", "x");
            } else {
                answers.remove(names.get(move.param() % names.size()));
                answers.put("champ-inconnu", "x");
            }
            return answers;
        }
        return Map.of();
    }
}
