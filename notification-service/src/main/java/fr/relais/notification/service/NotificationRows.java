package fr.relais.notification.service;

import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.NotificationEntity;

import java.time.Instant;
import java.util.UUID;

/** A new notification row: due now, worth sending until its lifetime ends or its appointment starts. */
final class NotificationRows {

    private NotificationRows() {
    }

    static NotificationEntity of(String eventId, Facts.Request request, String site, Instant now) {
        NotificationEntity row = new NotificationEntity();
        row.id = UUID.randomUUID();
        row.eventId = eventId;
        row.trigger = request.trigger().code();
        row.journeyId = request.journeyId();
        row.bookingId = request.bookingId();
        row.site = site;
        row.procedureId = request.procedureId();
        row.aboutAt = request.aboutAt();
        row.previousAt = request.previousAt();
        row.untilAt = request.untilAt();
        row.occurredAt = request.occurredAt();
        row.createdAt = now;
        Instant expires = request.occurredAt().plus(request.trigger().lifetime());
        // never about an appointment that has started, nor a call back whose window has passed
        Instant cap = request.trigger() == Trigger.CALLBACK_SCHEDULED ? request.untilAt()
                : request.trigger().aboutAppointment() || request.trigger() == Trigger.APPOINTMENT_CANCELLED ? request.aboutAt() : null;
        if (cap != null && cap.isBefore(expires)) {
            expires = cap;
        }
        row.expiresAt = expires;
        row.status = "new";
        row.template = Templates.VERSION;
        row.nextAttemptAt = now;
        return row;
    }
}
