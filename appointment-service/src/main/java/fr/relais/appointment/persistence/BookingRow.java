package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.TimeWindow;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the booking table. */
public record BookingRow(UUID id, UUID journeyId, String procedureId, String stepId, String motifId, String siteId,
                         String counterId, Instant startsAt, Instant endsAt, BookingStatus status, Instant holdExpiresAt,
                         String ownerSubject, String bookedBySubject, String bookedByRole, String cancelReason) {

    public TimeWindow window() {
        return new TimeWindow(startsAt, endsAt);
    }

    public static BookingRow from(Row r) {
        return new BookingRow(r.getUUID("id"), r.getUUID("journey_id"), r.getString("procedure_id"), r.getString("step_id"),
                r.getString("motif_id"), r.getString("site_id"), r.getString("counter_id"), instant(r, "starts_at"),
                instant(r, "ends_at"), BookingStatus.valueOf(r.getString("status")), instant(r, "hold_expires_at"),
                r.getString("owner_subject"), r.getString("booked_by_subject"), r.getString("booked_by_role"),
                r.getString("cancel_reason"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
