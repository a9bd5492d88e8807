package fr.relais.appointment.api;

import fr.relais.appointment.domain.Slot;
import fr.relais.appointment.persistence.BookingEntity;

import java.time.Instant;
import java.util.UUID;

/** What the API reads and writes. No personal data: ids, codes and times. */
public final class BookingViews {

    private BookingViews() {
    }

    public record SlotView(String site, String counter, Instant startsAt, Instant endsAt) {
        static SlotView of(Slot slot) {
            return new SlotView(slot.site(), slot.counter(), slot.window().start(), slot.window().end());
        }
    }

    /** @param remindedAt when a reminder of the appointment (48 h or 2 h before) was first sent to the citizen, null if none was */
    public record BookingView(UUID id, UUID journeyId, String procedureId, String stepId, String motif, String site,
                              String counter, Instant startsAt, Instant endsAt, String status, Instant holdExpiresAt,
                              String bookedByRole, String cancelReason, Instant remindedAt) {
        static BookingView of(BookingEntity b) {
            return new BookingView(b.id, b.journeyId, b.procedureId, b.stepId, b.motifId, b.siteId, b.counterId,
                    b.startsAt, b.endsAt, b.status.name(), b.holdExpiresAt, b.bookedByRole, b.cancelReason, b.remindedAt);
        }
    }

    /** Hold a slot. {@code counter} is optional: the service picks a free counter of the site. */
    public record HoldBody(UUID journeyId, String procedureId, String stepId, String motif, String site, Instant startsAt,
                           String counter) {
    }

    public record CancelBody(String reason) {
    }

    public record RescheduleBody(String site, Instant startsAt) {
    }

    public record CheckInBody(UUID journeyId) {
    }
}
