package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.AidantMandateGranted;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.CallbackRequested;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.JourneyAttached;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyDeescalated;
import fr.relais.events.journey.JourneyEscalated;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.MandateRevoked;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.WentBack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The current state of one journey: the left fold of its events ({@link #fold}). Immutable; equal states
 * compare equal, so a state rebuilt from the event store equals the one built step by step.
 *
 * <h2>How the status is derived</h2>
 * The status is not set by events directly but follows from what the journey holds, in this order:
 * <ol>
 *   <li>a terminal event sets COMPLETED, ABANDONED or CANCELLED for good (claim and handoff are cleared;
 *       the last escalation stays as a record);</li>
 *   <li>an open mediation case ({@link #escalation()} non-null) shows as ESCALATED, whatever else happens
 *       meanwhile (a mediator or agent claiming it, a handoff): {@link #statusBeforeEscalation()} is then
 *       the status the journey returns to when the case is resolved;</li>
 *   <li>a claim shows as WITH_AGENT;</li>
 *   <li>a pending handoff (a {@link #handoff()} not yet claimed) shows as HANDOFF_PENDING;</li>
 *   <li>otherwise IN_PROGRESS.</li>
 * </ol>
 * So a handoff requested while a case is open keeps the journey ESCALATED with {@link #handoff()} set:
 * a handoff queue must select on {@link #isAwaitingHandoff()} (or {@code handoff != null}), not on the
 * status alone.
 *
 * <p>{@link #lastChannel()} is the channel of the last event caused by a person (portal, phone, desk);
 * events caused by a service ({@link Channel#SYSTEM}) leave it unchanged. {@link #version()} is the last
 * event's sequence. {@link #completedSteps()} is in completion order (= procedure order);
 * {@link #currentStepId()} is null once the last step is completed.
 *
 * <p>{@link #citizenSubject()} is the account that owns the journey: the citizen who started it online, or, for a
 * journey an agent started for a citizen without an account, null until she attaches it ({@code JourneyAttached}).
 * {@link #callback()} is the open call back, null when none waits.
 */
public record JourneyState(UUID journeyId, String procedureId, int procedureVersion, String citizenSubject,
                           JourneyStatus status, String currentStepId, List<String> completedSteps, long version,
                           Claim claim, Handoff handoff, Presence presence, CallerVerification callerVerification,
                           List<Mandate> mandates, Escalation escalation, JourneyStatus statusBeforeEscalation,
                           Channel lastChannel, Callback callback) {

    public JourneyState {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(status, "status");
        completedSteps = completedSteps == null ? List.of() : List.copyOf(completedSteps);
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
    }

    /** The state after these events (in sequence order, from 1), or null for an empty list. */
    public static JourneyState fold(List<? extends JourneyEvent> events) {
        JourneyState state = null;
        for (JourneyEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    /** {@link #start} when {@code state} is null, else {@code state.apply(event)}. */
    public static JourneyState evolve(JourneyState state, JourneyEvent event) {
        if (state == null) {
            if (!(event instanceof JourneyStarted started)) {
                throw new IllegalStateException("a journey's first event must be JourneyStarted, got "
                        + event.getClass().getSimpleName());
            }
            return start(started);
        }
        return state.apply(event);
    }

    public static JourneyState start(JourneyStarted e) {
        if (e.sequence() != 1) {
            throw new IllegalStateException("JourneyStarted must have sequence 1, got " + e.sequence());
        }
        Channel channel = e.actor().channel() == Channel.SYSTEM ? null : e.actor().channel();
        // an agent starting a journey for a citizen without an account does not own it: no one does until she attaches it
        String owner = e.actor().roles().contains(Roles.CITIZEN) && channel != null ? e.actor().subject() : null;
        return new JourneyState(e.journeyId(), e.procedureId(), e.procedureVersion(), owner,
                JourneyStatus.IN_PROGRESS, e.firstStepId(), List.of(), e.sequence(), null, null, null, null,
                List.of(), null, null, channel, null);
    }

    /**
     * The state after one more event.
     *
     * @throws IllegalStateException if the event is for another journey, is not the next sequence, or is a
     *                               second JourneyStarted
     */
    public JourneyState apply(JourneyEvent event) {
        if (!journeyId.equals(event.journeyId())) {
            throw new IllegalStateException("event of journey " + event.journeyId() + " applied to " + journeyId);
        }
        if (event.sequence() != version + 1) {
            throw new IllegalStateException("journey " + journeyId + " expects sequence " + (version + 1)
                    + ", got " + event.sequence());
        }
        Draft d = new Draft(this);
        d.version = event.sequence();
        if (event.actor().channel() != Channel.SYSTEM) {
            d.lastChannel = event.actor().channel();
        }
        if (event instanceof JourneyStarted) {
            throw new IllegalStateException("journey " + journeyId + " already started");
        } else if (event instanceof StepCompleted e) {
            if (!d.completed.contains(e.stepId())) {
                d.completed.add(e.stepId());
            }
            d.currentStepId = e.nextStepId();
        } else if (event instanceof WentBack e) {
            int index = d.completed.indexOf(e.toStepId());
            if (index >= 0) {
                d.completed.subList(index, d.completed.size()).clear();
            }
            d.currentStepId = e.toStepId();
        } else if (event instanceof HandoffRequested e) {
            d.handoff = new Handoff(e.targetChannel(), e.site(), e.reasonCode(), e.occurredAt());
            d.claim = null;
        } else if (event instanceof JourneyClaimed e) {
            d.claim = new Claim(e.actor().subject(), e.channel(), e.site(), e.occurredAt());
            d.handoff = null;
        } else if (event instanceof JourneyReleased e) {
            d.claim = null;
            d.handoff = null;
            d.currentStepId = e.resumeStepId();
        } else if (event instanceof PresenceRecorded e) {
            d.presence = new Presence(e.site(), e.occurredAt());
        } else if (event instanceof CallerVerified e) {
            d.callerVerification = new CallerVerification(e.actor().subject(), e.verifiedUntil());
        } else if (event instanceof MandateGranted e) {
            d.mandates.removeIf(m -> m.mandateId().equals(e.mandateId()));
            d.mandates.add(new Mandate(e.mandateId(), e.site(), e.procedureId(), e.expiresAt(), false, null, null));
        } else if (event instanceof AidantMandateGranted e) {
            d.mandates.removeIf(m -> m.mandateId().equals(e.mandateId()));
            d.mandates.add(new Mandate(e.mandateId(), null, e.procedureId(), e.expiresAt(), false, e.aidantSubject(),
                    e.aidantPersonId()));
        } else if (event instanceof MandateRevoked e) {
            d.mandates.replaceAll(m -> m.mandateId().equals(e.mandateId()) ? m.revoke() : m);
        } else if (event instanceof JourneyEscalated e) {
            d.escalation = new Escalation(e.caseId(), e.reasonCode(), e.pool(), e.occurredAt());
        } else if (event instanceof JourneyDeescalated) {
            d.escalation = null;
        } else if (event instanceof JourneyAttached e) {
            d.citizenSubject = e.actor().subject();
        } else if (event instanceof CallbackRequested e) {
            d.callback = new Callback(e.callbackId(), e.reasonCode(), e.windows(), e.dueAt(), e.windowEndsAt(), 0);
        } else if (event instanceof CallbackAttempted e) {
            d.callback = e.closed() || d.callback == null ? null : d.callback.failed(e.failedAttempts());
        } else if (event instanceof JourneyCompleted) {
            d.close(JourneyStatus.COMPLETED);
        } else if (event instanceof JourneyAbandoned) {
            d.close(JourneyStatus.ABANDONED);
        } else if (event instanceof JourneyCancelled) {
            d.close(JourneyStatus.CANCELLED);
        } else {
            throw new IllegalStateException("unhandled event " + event.getClass().getName());
        }
        return d.build();
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The journey waits in a handoff queue (target channel and site in {@link #handoff()}), unclaimed. */
    public boolean isAwaitingHandoff() {
        return !isTerminal() && handoff != null && claim == null;
    }

    /**
     * The citizen may work on the steps herself now (on the portal): the journey is open, no agent holds it and no
     * handoff waits. JourneyDecider applies this rule to the owner; the query API tells the citizen's screens.
     */
    public boolean citizenMayAct() {
        return !isTerminal() && claim == null && handoff == null;
    }

    /** The agent holding the journey, if any. */
    public Optional<String> claimant() {
        return claim == null ? Optional.empty() : Optional.of(claim.agentSubject());
    }

    public boolean isClaimedBy(String subject) {
        return claim != null && claim.agentSubject().equals(subject);
    }

    /** The citizen is checked in at {@code site} today (Europe/Paris). */
    public boolean isPresentAt(String site, Instant now) {
        return presence != null && presence.validAt(site, now);
    }

    /** {@code agentSubject} verified the caller and the verification still runs at {@code now}. */
    public boolean isCallerVerifiedBy(String agentSubject, Instant now) {
        return callerVerification != null && callerVerification.validFor(agentSubject, now);
    }

    /** A mandate for {@code site} on this journey's procedure, unrevoked and unexpired at {@code now}. */
    public Optional<Mandate> validMandateFor(String site, Instant now) {
        return mandates.stream().filter(m -> m.validFor(site, procedureId, now)).findFirst();
    }

    /** A running aidant mandate of {@code subject} on this journey. */
    public Optional<Mandate> validAidantMandateFor(String subject, Instant now) {
        return mandates.stream().filter(m -> m.validForAidant(subject, now)).findFirst();
    }

    public Optional<Mandate> mandate(UUID mandateId) {
        return mandates.stream().filter(m -> m.mandateId().equals(mandateId)).findFirst();
    }

    /** Mutable copy used by {@link #apply}; the status is derived in {@link #build()}. */
    private static final class Draft {
        final JourneyState from;
        JourneyStatus terminal;
        String currentStepId;
        final List<String> completed;
        long version;
        Claim claim;
        Handoff handoff;
        Presence presence;
        CallerVerification callerVerification;
        final List<Mandate> mandates;
        Escalation escalation;
        Channel lastChannel;
        String citizenSubject;
        Callback callback;

        Draft(JourneyState s) {
            from = s;
            terminal = s.status.isTerminal() ? s.status : null;
            currentStepId = s.currentStepId;
            completed = new ArrayList<>(s.completedSteps);
            version = s.version;
            claim = s.claim;
            handoff = s.handoff;
            presence = s.presence;
            callerVerification = s.callerVerification;
            mandates = new ArrayList<>(s.mandates);
            escalation = s.escalation;
            lastChannel = s.lastChannel;
            citizenSubject = s.citizenSubject;
            callback = s.callback;
        }

        void close(JourneyStatus status) {
            terminal = status;
            claim = null;
            handoff = null;
            callback = null;
        }

        JourneyState build() {
            JourneyStatus base = claim != null ? JourneyStatus.WITH_AGENT
                    : handoff != null ? JourneyStatus.HANDOFF_PENDING
                    : JourneyStatus.IN_PROGRESS;
            JourneyStatus status;
            JourneyStatus beforeEscalation = null;
            if (terminal != null) {
                status = terminal;
            } else if (escalation != null) {
                status = JourneyStatus.ESCALATED;
                beforeEscalation = base;
            } else {
                status = base;
            }
            return new JourneyState(from.journeyId, from.procedureId, from.procedureVersion, citizenSubject,
                    status, currentStepId, completed, version, claim, handoff, presence, callerVerification,
                    mandates, escalation, beforeEscalation, lastChannel, callback);
        }
    }
}
