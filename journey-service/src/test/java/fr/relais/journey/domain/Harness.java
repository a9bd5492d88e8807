package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Abandon;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.Cancel;
import fr.relais.events.journey.ClaimJourney;
import fr.relais.events.journey.Deescalate;
import fr.relais.events.journey.Escalate;
import fr.relais.events.journey.GoBack;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.RecordPresence;
import fr.relais.events.journey.ReleaseJourney;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.RevokeMandate;
import fr.relais.events.journey.SealedAnswers;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.SubmitStep;
import fr.relais.events.journey.VerifyCaller;
import fr.relais.journey.procedure.FieldDefinition;
import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.ProcedureDefinition;
import fr.relais.journey.procedure.StepDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Drives one journey through the decider, applying accepted events, with the demo world's actors. */
final class Harness {

    static final ProcedureCatalog CATALOG = ProcedureCatalog.loadFromClasspath();
    /** Tuesday 10 March 2026, 10:00 in Paris. */
    static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    static final Actor CAMILLE = new Actor("sub-camille", Set.of(Roles.CITIZEN), null, Channel.PORTAL);
    static final Actor MOHAMED = new Actor("sub-mohamed", Set.of(Roles.CITIZEN), null, Channel.PORTAL);
    static final Actor AGNES = new Actor("sub-agnes", Set.of(Roles.COUNTER_AGENT), "fs-aubervilliers", Channel.DESK);
    static final Actor GILLES = new Actor("sub-gilles", Set.of(Roles.COUNTER_AGENT), "fs-gueret", Channel.DESK);
    static final Actor PAUL = new Actor("sub-paul", Set.of(Roles.PHONE_AGENT), "tel-national", Channel.PHONE);
    static final Actor PAULINE = new Actor("sub-pauline", Set.of(Roles.PHONE_AGENT), "tel-national", Channel.PHONE);
    static final Actor MAYA = new Actor("sub-maya", Set.of(Roles.MEDIATOR), null, Channel.PHONE);
    static final Actor MAYA_AT_SITE = new Actor("sub-maya", Set.of(Roles.MEDIATOR), "fs-saint-denis", Channel.DESK);
    static final Actor OLGA = new Actor("sub-olga", Set.of(Roles.OPS), null, Channel.PORTAL);
    static final Actor MEDIATION = Actor.system("mediation-service");
    static final Actor APPOINTMENTS = Actor.system("appointment-service");

    /** The demo world's sites, as configured in {@code relais.sites}. */
    static final Set<String> SITES = Set.of("fs-aubervilliers", "fs-saint-denis", "fs-gueret", "fs-aubusson",
            "tel-national");

    final JourneyDecider decider = new JourneyDecider(CATALOG, SITES);
    final UUID journeyId = UUID.randomUUID();
    JourneyState state;
    final List<JourneyEvent> events = new ArrayList<>();
    Instant now = T0;

    static Harness started(Actor citizen, String procedureId) {
        Harness h = new Harness();
        h.accept(h.start(citizen, procedureId));
        return h;
    }

    static Actor on(Actor actor, Channel channel) {
        return new Actor(actor.subject(), actor.roles(), actor.site(), channel);
    }

    Harness advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    ProcedureDefinition definition() {
        return CATALOG.version(state.procedureId(), state.procedureVersion()).orElseThrow();
    }

    Decision decide(JourneyCommand command, Map<String, String> answers) {
        return decider.decide(command, state, answers, now);
    }

    List<JourneyEvent> accept(JourneyCommand command) {
        return accept(command, Map.of());
    }

    List<JourneyEvent> accept(JourneyCommand command, Map<String, String> answers) {
        Decision decision = decide(command, answers);
        Decision.Accepted accepted = assertInstanceOf(Decision.Accepted.class, decision, () -> "rejected: " + decision);
        for (JourneyEvent event : accepted.events()) {
            state = JourneyState.evolve(state, event);
            events.add(event);
        }
        assertEquals(state, JourneyState.fold(events), "fold of all events equals the state built step by step");
        return accepted.events();
    }

    Decision.Rejected reject(JourneyCommand command, String reason) {
        return reject(command, Map.of(), reason);
    }

    Decision.Rejected reject(JourneyCommand command, Map<String, String> answers, String reason) {
        Decision decision = decide(command, answers);
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, decision, () -> "accepted: " + decision);
        assertEquals(reason, rejected.reason(), rejected::detail);
        return rejected;
    }

    /** Submits valid answers for the current step. */
    List<JourneyEvent> submitCurrent(Actor actor) {
        String step = state.currentStepId();
        return accept(submit(actor, step), valid(step));
    }

    Map<String, String> valid(String stepId) {
        return validAnswers(definition().step(stepId));
    }

    static Map<String, String> validAnswers(StepDefinition step) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FieldDefinition field : step.fields()) {
            answers.put(field.name(), sample(field));
        }
        return answers;
    }

    static String sample(FieldDefinition field) {
        List<String> candidates = switch (field.type()) {
            case DATE -> List.of("1984-03-12");
            case NUMBER -> List.of("2", "450.50");
            case CHOICE -> field.options();
            case DOCUMENT -> List.of("doc-" + field.name());
            case TEXT -> List.of("93300", "Martin", "12 rue des Lilas", "12345678");
        };
        for (String candidate : candidates) {
            if (field.pattern() == null || Pattern.compile(field.pattern()).matcher(candidate).matches()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sample for " + field);
    }

    // ---- commands

    UUID id() {
        return UUID.randomUUID();
    }

    StartJourney start(Actor actor, String procedureId) {
        return new StartJourney(id(), journeyId, actor, now, procedureId);
    }

    SubmitStep submit(Actor actor, String stepId) {
        return new SubmitStep(id(), journeyId, actor, now, stepId, new SealedAnswers("k1", "bm9uY2U=", "c2VhbGVk"));
    }

    GoBack goBack(Actor actor, String stepId) {
        return new GoBack(id(), journeyId, actor, now, stepId);
    }

    RequestHandoff handoff(Actor actor, Channel target, String site) {
        return handoff(actor, target, site, "needs-help");
    }

    RequestHandoff handoff(Actor actor, Channel target, String site, String reasonCode) {
        return new RequestHandoff(id(), journeyId, actor, now, target, site, reasonCode);
    }

    ClaimJourney claim(Actor actor) {
        return new ClaimJourney(id(), journeyId, actor, now);
    }

    ReleaseJourney release(Actor actor) {
        return new ReleaseJourney(id(), journeyId, actor, now);
    }

    RecordPresence presence(Actor actor, String site) {
        return new RecordPresence(id(), journeyId, actor, now, site, "appointment-check-in");
    }

    VerifyCaller verify(Actor actor, Duration validFor) {
        return new VerifyCaller(id(), journeyId, actor, now, now.plus(validFor));
    }

    GrantMandate grant(Actor actor, String site, MandateDuration duration) {
        return new GrantMandate(id(), journeyId, actor, now, site, state.procedureId(), duration);
    }

    RevokeMandate revoke(Actor actor, UUID mandateId) {
        return new RevokeMandate(id(), journeyId, actor, now, mandateId);
    }

    Escalate escalate(Actor actor, UUID caseId) {
        return new Escalate(id(), journeyId, actor, now, caseId, "friction-threshold", "93");
    }

    Deescalate deescalate(Actor actor, UUID caseId) {
        return new Deescalate(id(), journeyId, actor, now, caseId, "helped-online");
    }

    Abandon abandon(Actor actor) {
        return new Abandon(id(), journeyId, actor, now, "inactivity");
    }

    Cancel cancel(Actor actor) {
        return new Cancel(id(), journeyId, actor, now, "no-longer-needed");
    }
}
