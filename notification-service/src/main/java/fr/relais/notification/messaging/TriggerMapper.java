package fr.relais.notification.messaging;

import fr.relais.events.appointment.*;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.*;
import fr.relais.events.mediation.MediationContactRecorded;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.service.Facts;
import fr.relais.notification.service.Facts.Activity.Kind;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which events make a message, and what they tell about bookings and journeys. Pure: no I/O. */
public final class TriggerMapper {

    /** The mediator's attempts that did not reach the citizen: she is told someone tried. */
    static final Set<String> MISSED_CONTACT = Set.of("no-answer", "voicemail");

    private TriggerMapper() {
    }

    public static Facts fromAppointment(String eventId, AppointmentEvent event) {
        Facts facts = Facts.none(eventId);
        if (event instanceof AppointmentBooked e) {
            return facts.with(new Facts.Booking(e.bookingId(), e.startsAt(), false, e.occurredAt()))
                    .with(request(Trigger.APPOINTMENT_BOOKED, e.journeyId(), e.bookingId(), e.site(), e.procedureId(),
                            e.startsAt(), null, e.occurredAt()));
        }
        if (event instanceof AppointmentRescheduled e) {
            return facts.with(new Facts.Booking(e.bookingId(), e.startsAt(), false, e.occurredAt()))
                    .with(request(Trigger.APPOINTMENT_MOVED, e.journeyId(), e.bookingId(), e.site(), e.procedureId(),
                            e.startsAt(), e.previousStartsAt(), e.occurredAt()));
        }
        if (event instanceof AppointmentCancelled e) {
            return facts.with(new Facts.Booking(e.bookingId(), e.startsAt(), true, e.occurredAt()))
                    .with(request(Trigger.APPOINTMENT_CANCELLED, e.journeyId(), e.bookingId(), e.site(), e.procedureId(),
                            e.startsAt(), null, e.occurredAt()));
        }
        if (event instanceof AppointmentReminderDue e) {
            return reminder(e).map(trigger -> facts.with(request(trigger, e.journeyId(), e.bookingId(), e.site(),
                    e.procedureId(), e.startsAt(), null, e.occurredAt()))).orElse(facts);
        }
        return facts;
    }

    public static Facts fromJourney(String eventId, JourneyEvent event) {
        Facts facts = Facts.none(eventId);
        if (event instanceof JourneyStarted e) {
            return facts.with(activity(e.journeyId(), e.actor().channel() == Channel.PORTAL
                    ? Kind.WAITING_ON_CITIZEN : Kind.WITH_SOMEONE, e.actor().site(), e.occurredAt()));
        }
        if (event instanceof StepCompleted || event instanceof WentBack) {
            return facts.with(activity(event.journeyId(), waitingAfter(event.actor()), event.actor().site(), event.occurredAt()));
        }
        if (event instanceof JourneyReleased e) {
            return facts.with(activity(e.journeyId(), Kind.WAITING_ON_CITIZEN, e.actor().site(), e.occurredAt()));
        }
        if (event instanceof HandoffRequested e) {
            return facts.with(activity(e.journeyId(), Kind.HANDOFF_REQUESTED, e.site(), e.occurredAt()));
        }
        if (event instanceof JourneyClaimed e) {
            return facts.with(activity(e.journeyId(), Kind.CLAIMED, e.site(), e.occurredAt()));
        }
        if (event instanceof PresenceRecorded e) {
            return facts.with(activity(e.journeyId(), Kind.SITE_MET, e.site(), e.occurredAt()));
        }
        if (event instanceof CallbackRequested e) {
            return facts.with(activity(e.journeyId(), Kind.WITH_SOMEONE, null, e.occurredAt()))
                    .with(new Facts.Request(Trigger.CALLBACK_SCHEDULED, e.journeyId(), null, null, null, e.dueAt(), null,
                            e.windowEndsAt(), e.occurredAt()));
        }
        if (event instanceof JourneyCompleted e) {
            return facts.with(activity(e.journeyId(), Kind.ENDED, null, e.occurredAt()))
                    .with(request(Trigger.JOURNEY_COMPLETED, e.journeyId(), null, null, null, null, null, e.occurredAt()));
        }
        if (event instanceof JourneyAbandoned || event instanceof JourneyCancelled) {
            return facts.with(activity(event.journeyId(), Kind.ENDED, null, event.occurredAt()));
        }
        return facts;
    }

    public static Facts fromMediation(String eventId, MediationEvent event) {
        if (event instanceof MediationContactRecorded e && MISSED_CONTACT.contains(e.outcome())) {
            return Facts.none(eventId).with(request(Trigger.MEDIATOR_TRYING, e.journeyId(), null, null, null, null, null,
                    e.occurredAt()));
        }
        return Facts.none(eventId);
    }

    static Optional<Trigger> reminder(AppointmentReminderDue event) {
        return switch (event.reminder()) {
            case "h48" -> Optional.of(Trigger.REMINDER_48H);
            case "h2" -> Optional.of(Trigger.REMINDER_2H);
            default -> Optional.empty();
        };
    }

    /** A step the citizen completed online leaves the journey waiting on her; one an agent completed does not. */
    private static Kind waitingAfter(Actor actor) {
        return actor.channel() == Channel.PORTAL ? Kind.WAITING_ON_CITIZEN : Kind.WITH_SOMEONE;
    }

    private static Facts.Activity activity(UUID journeyId, Kind kind, String site, Instant at) {
        return new Facts.Activity(journeyId, kind, site, at);
    }

    private static Facts.Request request(Trigger trigger, UUID journeyId, UUID bookingId, String site,
                                          String procedureId, Instant aboutAt, Instant previousAt,
                                          Instant occurredAt) {
        return new Facts.Request(trigger, journeyId, bookingId, site, procedureId, aboutAt, previousAt, null, occurredAt);
    }
}
