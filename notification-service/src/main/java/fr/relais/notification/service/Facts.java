package fr.relais.notification.service;

import fr.relais.notification.domain.Trigger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What one consumed event tells this service: a message to send, a booking's new state, a journey's activity. */
public record Facts(String eventId, Optional<Request> request, Optional<Booking> booking, Optional<Activity> activity) {

    /** A message to send about the event. */
    public record Request(Trigger trigger, UUID journeyId, UUID bookingId, String site, String procedureId,
                          Instant aboutAt, Instant previousAt, Instant untilAt, Instant occurredAt) {
    }

    /** What the appointment events say about a booking now. */
    public record Booking(UUID bookingId, Instant startsAt, boolean cancelled, Instant at) {
    }

    /** A journey's turn: waiting on its citizen, with someone else, over; and the site it met, if any. */
    public record Activity(UUID journeyId, Kind kind, String site, Instant at) {
        public enum Kind { WAITING_ON_CITIZEN, HANDOFF_REQUESTED, CLAIMED, WITH_SOMEONE, ENDED, SITE_MET }
    }

    public static Facts none(String eventId) {
        return new Facts(eventId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean empty() {
        return request.isEmpty() && booking.isEmpty() && activity.isEmpty();
    }

    public Facts with(Request value) {
        return new Facts(eventId, Optional.of(value), booking, activity);
    }

    public Facts with(Booking value) {
        return new Facts(eventId, request, Optional.of(value), activity);
    }

    public Facts with(Activity value) {
        return new Facts(eventId, request, booking, Optional.of(value));
    }
}
