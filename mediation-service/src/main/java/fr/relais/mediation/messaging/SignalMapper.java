package fr.relais.mediation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.CallbackOutcomes;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyAttached;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEscalated;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.WentBack;
import fr.relais.mediation.domain.Signal;
import fr.relais.mediation.domain.SignalKind;
import fr.relais.mediation.service.Ingest;
import fr.relais.mediation.service.Milestone;
import fr.relais.messaging.inbox.PoisonRecordException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns records of the three topics into signals. Source ids are stable across redeliveries and
 * replays (the touchpoint id, the journey event's sequence, the booking id), so nothing counts twice.
 * Going back is counted from journey.events (the committed fact); a went-back touchpoint only says on
 * which channel the step was attempted.
 */
public final class SignalMapper {

    public static final String CONSUMER_TOUCHPOINTS = "touchpoints";
    public static final String CONSUMER_JOURNEY_EVENTS = "journey-events";
    public static final String CONSUMER_APPOINTMENT_EVENTS = "appointment-events";
    /** The appointment contract this service reacts to; other appointment types only tell the site. */
    private static final String CITIZEN = "citizen";
    public static final String NO_SHOW_TYPE = "relais.appointment.no-show.v1";

    private SignalMapper() {
    }

    public static Ingest fromTouchpoint(Touchpoint t, CloudEventAttributes cause) {
        SignalKind kind = switch (t.kind()) {
            case VALIDATION_ERROR -> SignalKind.VALIDATION_ERROR;
            case HELP_REQUESTED -> SignalKind.HELP_REQUESTED;
            case STEP_VIEWED, WENT_BACK -> SignalKind.STEP_VIEWED;
            case STEP_IDLE -> SignalKind.STEP_IDLE;
            case SESSION_ABANDONED -> SignalKind.SESSION_ABANDONED;
            case CALL_DROPPED -> SignalKind.CALL_DROPPED;
            case IDENTITY_CHECK_FAILED -> SignalKind.IDENTITY_CHECK_FAILED;
            case CHANNEL_SWITCH -> SignalKind.CHANNEL_SWITCH;
        };
        Signal signal = new Signal("touchpoint:" + t.touchpointId(), t.journeyId(), kind, t.stepId(), t.channel().wire(),
                t.site(), t.count(), t.occurredAt());
        return new Ingest(CONSUMER_TOUCHPOINTS, cause, t.journeyId(), null, null, t.site(), List.of(signal));
    }

    /** A call back counts as failed, for friction, once this many of its attempts did not reach the citizen. */
    public static final int FAILED_CALLBACK_ATTEMPTS = 2;

    /** Empty for journey events that say nothing about friction or routing. */
    public static Optional<Ingest> fromJourneyEvent(JourneyEvent event, CloudEventAttributes cause) {
        String sourceId = "journey-event:" + event.journeyId() + ":" + event.sequence();
        String channel = event.actor().channel() == Channel.SYSTEM ? null : event.actor().channel().wire();
        if (event instanceof JourneyStarted started) {
            // a journey started by staff for a person without account has no citizen owner
            String owner = started.actor().roles().contains(CITIZEN) ? started.actor().subject() : null;
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, started.journeyId(), started.procedureId(),
                    started.procedureVersion(), null, List.of(), Milestone.started(started.occurredAt(), owner, channel)));
        }
        if (event instanceof StepCompleted step) {
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, step.journeyId(), null, null, step.actor().site(),
                    List.of(new Signal(sourceId, step.journeyId(), SignalKind.STEP_COMPLETED, step.stepId(), channel,
                            step.actor().site(), 1, step.occurredAt()))));
        }
        if (event instanceof WentBack back) {
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, back.journeyId(), null, null, null,
                    List.of(new Signal(sourceId, back.journeyId(), SignalKind.WENT_BACK, back.fromStepId(), channel,
                            back.actor().site(), 1, back.occurredAt()))));
        }
        if (event instanceof HandoffRequested handoff) {
            // a hand-off releases the journey's holder: it waits for the next agent (at the site, when it names one)
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, handoff.journeyId(), null, null, handoff.site(),
                    List.of(), Milestone.handedOff(handoff.occurredAt())));
        }
        if (event instanceof JourneyClaimed claimed) {
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, claimed.journeyId(), null, null,
                    claimed.actor().site(), List.of(), Milestone.claimed(claimed.occurredAt(), claimed.actor().subject())));
        }
        Milestone milestone = milestone(event);
        if (milestone != null) {
            return Optional.of(Ingest.milestone(CONSUMER_JOURNEY_EVENTS, cause, event.journeyId(), milestone));
        }
        if (event instanceof CallbackAttempted attempt) {
            if (CallbackOutcomes.REACHED.equals(attempt.outcome()) || attempt.failedAttempts() < FAILED_CALLBACK_ATTEMPTS) {
                return Optional.empty();
            }
            // one signal per call back (its id, not the event's sequence): a third failed attempt adds nothing
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, attempt.journeyId(), null, null, null,
                    List.of(new Signal("callback-failed:" + attempt.callbackId(), attempt.journeyId(),
                            SignalKind.CALLBACK_FAILED, null, Channel.PHONE.wire(), attempt.actor().site(),
                            attempt.failedAttempts(), attempt.occurredAt()))));
        }
        if (event instanceof PresenceRecorded presence) {
            return Optional.of(new Ingest(CONSUMER_JOURNEY_EVENTS, cause, presence.journeyId(), null, null, presence.site(), List.of()));
        }
        return Optional.empty();
    }

    /** The journey's end, escalation, release or attachment; null for any other event. */
    private static Milestone milestone(JourneyEvent event) {
        if (event instanceof JourneyCompleted) {
            return Milestone.ended(event.occurredAt(), "completed");
        }
        if (event instanceof JourneyAbandoned) {
            return Milestone.ended(event.occurredAt(), "abandoned");
        }
        if (event instanceof JourneyCancelled) {
            return Milestone.ended(event.occurredAt(), "cancelled");
        }
        if (event instanceof JourneyEscalated) {
            return Milestone.escalated(event.occurredAt());
        }
        if (event instanceof JourneyReleased) {
            return Milestone.released(event.occurredAt());
        }
        if (event instanceof JourneyAttached) {
            return Milestone.attached(event.occurredAt(), event.actor().subject());
        }
        return null;
    }

    /**
     * An appointment event read by field names (journeyId, site, stepId, procedureId, bookingId, occurredAt):
     * a no-show is a signal, any other appointment tells the journey's site.
     */
    public static Ingest fromAppointment(String type, JsonNode data, String key, CloudEventAttributes cause)
            throws PoisonRecordException {
        UUID journeyId;
        try {
            journeyId = UUID.fromString(data.path("journeyId").asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("the " + type + " payload has no valid journeyId");
        }
        if (key == null || !key.equals(journeyId.toString())) {
            throw new PoisonRecordException("record key does not match the payload's journey id");
        }
        String site = text(data, "site");
        String procedureId = text(data, "procedureId");
        if (!NO_SHOW_TYPE.equals(type)) {
            return new Ingest(CONSUMER_APPOINTMENT_EVENTS, cause, journeyId, procedureId, null, site, List.of());
        }
        Instant occurredAt;
        try {
            occurredAt = data.hasNonNull("occurredAt") ? Instant.parse(data.get("occurredAt").asText()) : cause.time();
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("the " + type + " payload has an unreadable occurredAt");
        }
        String booking = text(data, "bookingId");
        String sourceId = "no-show:" + (booking != null ? booking : cause.id());
        return new Ingest(CONSUMER_APPOINTMENT_EVENTS, cause, journeyId, procedureId, null, site,
                List.of(new Signal(sourceId, journeyId, SignalKind.NO_SHOW, text(data, "stepId"), "desk", site, 1, occurredAt)));
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
