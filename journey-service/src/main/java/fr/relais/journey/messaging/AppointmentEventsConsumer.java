package fr.relais.journey.messaging;

import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.RecordPresence;
import fr.relais.journey.service.BookingAccessLog;
import fr.relais.journey.service.CommandHandler;
import fr.relais.messaging.inbox.InboundRecord;
import fr.relais.messaging.inbox.Inbox;
import fr.relais.messaging.inbox.PoisonRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a check-in at an appointment into the citizen's presence at that site, as a command decided like
 * any other. The command id derives from the event id, so a redelivered check-in is recorded once.
 * A staff member's access to a booking (BookingAccessed) goes to the citizen's access log, once.
 * Other appointment events do not change a journey.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private static final String CHECKED_IN = Contracts.typeOf(AppointmentCheckedIn.class);
    private static final String BOOKING_ACCESSED = Contracts.typeOf(BookingAccessed.class);

    @Inject
    CommandHandler handler;

    @Inject
    BookingAccessLog accessLog;

    @Inject
    Inbox inbox;

    @Incoming("appointment-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(Topics.APPOINTMENT_EVENTS, message, this::effectOf);
    }

    private Optional<Inbox.Effect> effectOf(InboundRecord record) throws PoisonRecordException {
        if (BOOKING_ACCESSED.equals(record.type())) {
            InboundRecord.Received<BookingAccessed> access = read(record, BookingAccessed.class, "booking access");
            return Inbox.effect(() -> accessLog.record(access.attributes().id(), access.payload()));
        }
        if (!CHECKED_IN.equals(record.type())) {
            return Optional.empty();
        }
        InboundRecord.Received<AppointmentCheckedIn> checkIn = read(record, AppointmentCheckedIn.class, "check-in");
        String cause = checkIn.attributes().id();
        RecordPresence presence = new RecordPresence(UUID.nameUUIDFromBytes(("presence:" + cause).getBytes(StandardCharsets.UTF_8)),
                checkIn.payload().journeyId(), Actor.system("appointment-service"), Instant.now(), checkIn.payload().site(),
                "appointment-check-in");
        return Inbox.effect(() -> handler.handle(presence, checkIn.attributes()));
    }

    /** The reason says which of the two records this consumer reads was unreadable. */
    private static <T> InboundRecord.Received<T> read(InboundRecord record, Class<T> type, String what) throws PoisonRecordException {
        try {
            return record.read(type);
        } catch (PoisonRecordException e) {
            throw new PoisonRecordException("unreadable " + what + ": " + e.getMessage());
        }
    }
}
